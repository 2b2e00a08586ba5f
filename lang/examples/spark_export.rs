// Batch PySpark export of corpus snippets (for tests/spark): each snippet is one step on its
// frame, the frames it reads are inputs, every source is a Parquet file of the data folder. The
// snippet first runs on that data to record the Python values it takes from it (fitted literals).
//
// Usage: spark_export MANIFEST.json
// The manifest is a JSON list of {"id", "source", "target", "frames", "data", "output",
// "error_output"}: `source` the snippet file, `target` the frame `df` is bound to, `frames` the
// other frames it reads, `data` the folder of `<frame>.parquet` files, `output` the script to
// write, `error_output` the JSON refusal to write instead ({"construct", "line", "message"}).

use std::fs::File;
use std::path::PathBuf;

use fe_lang::{collect, run_cell_recording, Frames, Limits, TakenValues};
use fe_lang::spark::{pyspark_script, BlockStart, ScriptBlock, ScriptPlan, ScriptRefusal, ScriptSource, ScriptStep, SourceFormat};
use polars::prelude::*;
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
struct Job {
    id: String,
    source: PathBuf,
    target: String,
    #[serde(default)]
    frames: Vec<String>,
    data: PathBuf,
    output: PathBuf,
    error_output: PathBuf,
}

fn parquet_schema(path: &PathBuf) -> Result<Schema, String> {
    let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut reader = ParquetReader::new(file);
    let schema = reader.schema().map_err(|e| e.to_string())?;
    Ok(Schema::from_arrow_schema(schema.as_ref()))
}

fn export(job: &Job) -> Result<String, serde_json::Value> {
    let code = std::fs::read_to_string(&job.source).map_err(|e| json!({"construct": "file", "line": 0, "message": e.to_string()}))?;
    let mut sources = Vec::new();
    let mut blocks = Vec::new();
    for name in job.frames.iter().chain(std::iter::once(&job.target)) {
        let path = job.data.join(format!("{name}.parquet"));
        let schema = parquet_schema(&path).map_err(|e| json!({"construct": "source", "line": 0, "message": e}))?;
        sources.push(ScriptSource { name: name.clone(), path: path.display().to_string(), format: SourceFormat::Parquet, schema });
    }
    for name in &job.frames {
        blocks.push(ScriptBlock { name: name.clone(), version: 1, start: BlockStart::Source, steps: Vec::new() });
    }
    let taken = taken_values(job, &code);
    let step = ScriptStep {
        version: 2,
        code,
        comments: vec![format!("corpus snippet {}", job.id)],
        reads: job.frames.iter().map(|f| (f.clone(), 1)).collect(),
        applied_to: 1,
        taken,
    };
    blocks.push(ScriptBlock { name: job.target.clone(), version: 2, start: BlockStart::Source, steps: vec![step] });
    let plan = ScriptPlan { target: job.target.clone(), version: 2, sources, blocks, header: vec![format!("differential corpus snippet {}", job.id)] };
    pyspark_script(&plan).map_err(|refusal| match refusal {
        ScriptRefusal::Step { refusal, .. } => json!({"construct": refusal.construct, "line": refusal.line, "column": refusal.column, "message": refusal.message, "hint": refusal.hint}),
        other => json!({"construct": "script", "line": 0, "message": other.to_string()}),
    })
}

/// The Python values the snippet takes from the data, recorded by running it on the data (as
/// the worker records them when a step is applied); `None` when it does not run.
fn taken_values(job: &Job, code: &str) -> Option<TakenValues> {
    let mut frames = Frames::new();
    for name in job.frames.iter().chain(std::iter::once(&job.target)) {
        let path = job.data.join(format!("{name}.parquet"));
        let df = ParquetReader::new(File::open(&path).ok()?).finish().ok()?;
        frames.insert(name.clone(), df.lazy());
    }
    let (output, taken) = run_cell_recording(code, &job.target, &frames, &Limits::default()).ok()?;
    collect(output.frame).ok()?;
    Some(taken)
}

fn main() {
    let manifest = std::env::args().nth(1).expect("usage: spark_export MANIFEST.json");
    let jobs: Vec<Job> = serde_json::from_str(&std::fs::read_to_string(&manifest).expect("manifest readable")).expect("manifest is a JSON list of jobs");
    let (mut written, mut refused) = (0, 0);
    for job in &jobs {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| export(job)));
        match outcome {
            Ok(Ok(script)) => {
                std::fs::write(&job.output, script).expect("script written");
                written += 1;
            }
            Ok(Err(record)) => {
                std::fs::write(&job.error_output, record.to_string()).expect("refusal written");
                refused += 1;
            }
            Err(_) => {
                std::fs::write(&job.error_output, json!({"construct": "panic", "line": 0, "message": "the translator panicked"}).to_string()).expect("refusal written");
                refused += 1;
            }
        }
    }
    eprintln!("spark_export: {written} scripts, {refused} refusals");
}
