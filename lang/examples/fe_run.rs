// Batch runner for the differential tests: runs many corpus snippets through `fe_lang::run_cell`
// in one process and writes each result frame as Arrow IPC, or a JSON error record.
//
// Usage: fe_run MANIFEST.json
// The manifest is a JSON list of {"id", "source", "target", "data", "output", "error_output"}:
// `source` is the snippet file, `target` the frame `df` is bound to, `data` a folder whose
// Parquet files are loaded as frames named by file stem, `output` the Arrow IPC file to write
// on success and `error_output` the JSON file to write on failure. A panic in one snippet is
// caught and recorded; the others still run. Exit code 0 unless the manifest itself is bad.
//
// With FE_RUN_SCAN=DIR every frame is instead split into three Parquet files under DIR and read
// back as one scan, and results are collected by the streaming engine: what the worker does with
// a frame kept as a scan (docs/larger-than-memory.md).

use std::collections::BTreeMap;
use std::fs::File;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Instant;

use fe_lang::{Diagnostics, Frames, Limits};
use polars::prelude::*;
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
struct Job {
    id: String,
    source: PathBuf,
    target: String,
    data: PathBuf,
    output: PathBuf,
    error_output: PathBuf,
}

/// Why a snippet produced no frame.
enum Failure {
    /// The interpreter refused the cell or failed while building (`stage` "interpret") or
    /// running (`stage` "collect") the plan.
    Diagnosed { stage: &'static str, display: String, rendered: String, diagnostics: Vec<serde_json::Value> },
    /// The result could not be written (or the snippet read).
    Execution(String),
    /// Something panicked.
    Panic(String),
}

fn load_frames(folder: &Path) -> Result<Frames, String> {
    let mut frames = Frames::new();
    let entries = std::fs::read_dir(folder).map_err(|e| format!("cannot list {}: {e}", folder.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.extension().and_then(|e| e.to_str()) != Some("parquet") {
            continue;
        }
        let name = path.file_stem().and_then(|s| s.to_str()).ok_or("bad file name")?.to_string();
        let file = File::open(&path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        let frame = ParquetReader::new(file).finish().map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let plan = match std::env::var_os("FE_RUN_SCAN") {
            Some(scan_dir) => scan_of_parts(&Path::new(&scan_dir).join(&name), frame)?,
            None => frame.lazy(),
        };
        frames.insert(name, plan);
    }
    Ok(frames)
}

/// `frame` written as three Parquet files of about equal rows in `folder`, scanned back as one.
fn scan_of_parts(folder: &Path, frame: DataFrame) -> Result<LazyFrame, String> {
    std::fs::create_dir_all(folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    let per_part = frame.height().div_ceil(3).max(1);
    let mut paths = Vec::new();
    for part in 0..3 {
        let mut slice = frame.slice((part * per_part) as i64, per_part);
        let path = folder.join(format!("part-{part}.parquet"));
        let file = File::create(&path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        ParquetWriter::new(file).finish(&mut slice).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        paths.push(PlRefPath::new(path.to_string_lossy().into_owned()));
    }
    LazyFrame::scan_parquet_files(paths.into_iter().collect(), ScanArgsParquet::default()).map_err(|e| format!("cannot scan {}: {e}", folder.display()))
}

fn diagnosed(stage: &'static str, diagnostics: &Diagnostics, source: &str) -> Failure {
    Failure::Diagnosed {
        stage,
        display: diagnostics.to_string(),
        rendered: diagnostics.render(source),
        diagnostics: diagnostics
            .0
            .iter()
            .map(|d| json!({"code": d.code.to_string(), "message": d.message, "line": d.line, "column": d.column}))
            .collect(),
    }
}

fn run_one(job: &Job, frames: &Frames, limits: &Limits) -> Result<(), Failure> {
    let source = std::fs::read_to_string(&job.source)
        .map_err(|e| Failure::Execution(format!("cannot read {}: {e}", job.source.display())))?;
    let output = fe_lang::run_cell(&source, &job.target, frames, limits).map_err(|d| diagnosed("interpret", &d, &source))?;
    // `fe_lang::collect` is what the kernel uses: it turns Polars deprecations (behaviours
    // Python Polars 2.x removed) into errors.
    let mut frame = if std::env::var_os("FE_RUN_SCAN").is_some() {
        // As the worker runs a frame kept as a scan (fe-worker's cell_runner::collect_streaming).
        let plan = fe_lang::streaming_windows(output.frame).with_comm_subexpr_elim(true).with_comm_subplan_elim(false);
        let mut frame = plan.collect_with_engine(Engine::Streaming).map(|r| r.unwrap_single()).map_err(|e| Failure::Diagnosed {
            stage: "collect",
            display: e.to_string(),
            rendered: e.to_string(),
            diagnostics: Vec::new(),
        })?;
        // The streaming engine's morsels arrive as chunks; an IPC file holds one dictionary per
        // Categorical column.
        frame.rechunk_mut();
        frame
    } else {
        fe_lang::collect(output.frame).map_err(|d| diagnosed("collect", &d, &source))?
    };
    let file = File::create(&job.output)
        .map_err(|e| Failure::Execution(format!("cannot create {}: {e}", job.output.display())))?;
    IpcWriter::new(file)
        .finish(&mut frame)
        .map_err(|e| Failure::Execution(format!("cannot write {}: {e}", job.output.display())))
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-string payload".to_string()
    }
}

fn error_record(job: &Job, failure: &Failure, millis: f64) -> serde_json::Value {
    match failure {
        Failure::Diagnosed { stage, display, rendered, diagnostics } => json!({
            "id": job.id, "stage": stage, "error": display, "rendered": rendered,
            "diagnostics": diagnostics, "millis": millis,
        }),
        Failure::Execution(message) => json!({"id": job.id, "stage": "write", "error": message, "millis": millis}),
        Failure::Panic(message) => json!({"id": job.id, "stage": "panic", "error": message, "millis": millis}),
    }
}

fn main() {
    let Some(manifest_path) = std::env::args().nth(1) else {
        eprintln!("usage: fe_run MANIFEST.json");
        std::process::exit(2);
    };
    let jobs: Vec<Job> = match std::fs::read_to_string(&manifest_path)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
    {
        Ok(jobs) => jobs,
        Err(e) => {
            eprintln!("fe_run: bad manifest {manifest_path}: {e}");
            std::process::exit(2);
        }
    };

    // One line per panic (the record in error_output has the message); no backtrace noise.
    panic::set_hook(Box::new(|info| eprintln!("fe_run: panic: {info}")));
    let limits = Limits::default();
    let mut frames_by_folder: BTreeMap<PathBuf, Frames> = BTreeMap::new();
    let (mut produced, mut failed) = (0usize, 0usize);
    for job in &jobs {
        let _ = std::fs::remove_file(&job.output);
        let _ = std::fs::remove_file(&job.error_output);
        if !frames_by_folder.contains_key(&job.data) {
            match load_frames(&job.data) {
                Ok(frames) => {
                    frames_by_folder.insert(job.data.clone(), frames);
                }
                Err(e) => {
                    eprintln!("fe_run: {e}");
                    std::process::exit(2);
                }
            }
        }
        let frames = &frames_by_folder[&job.data];
        let started = Instant::now();
        let result = panic::catch_unwind(AssertUnwindSafe(|| run_one(job, frames, &limits)))
            .unwrap_or_else(|payload| Err(Failure::Panic(panic_message(payload.as_ref()))));
        let millis = started.elapsed().as_secs_f64() * 1000.0;
        match result {
            Ok(()) => produced += 1,
            Err(failure) => {
                failed += 1;
                let record = error_record(job, &failure, millis);
                if let Err(e) = std::fs::write(&job.error_output, serde_json::to_string_pretty(&record).unwrap_or_default()) {
                    eprintln!("fe_run: cannot write {}: {e}", job.error_output.display());
                }
            }
        }
    }
    eprintln!("fe_run: {} snippets, {produced} frames written, {failed} errors", jobs.len());
}
