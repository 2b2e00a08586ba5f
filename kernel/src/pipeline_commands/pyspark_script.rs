// A frame's lineage as the input of fe-lang's PySpark script writer: the frames a step read are
// built first (as in the Python Polars export), each from its source file, read with the
// schema the kernel loaded it with.

use std::path::Path;

use fe_lang::spark::{pyspark_script_fitted, schema_from_columns, BlockStart, ScriptBlock, ScriptPlan, ScriptRefusal, ScriptSource, ScriptStep, SourceFormat};
use fe_lang::TakenValues;
use fe_worker::lineage::{FrameLineage, Step, StepAction};
use fe_worker::loader::InputFormat;

use super::python_script::{collect_blocks, timestamp, ScriptError};

#[derive(Debug, thiserror::Error)]
pub enum PySparkError {
    #[error(transparent)]
    Lineage(#[from] ScriptError),
    #[error("cannot export `{name}` to PySpark: {refusal}; nothing was written")]
    Refused { name: String, refusal: ScriptRefusal },
    #[error("cannot export `{name}` to PySpark: `{frame}` was loaded from `{path}`; the PySpark export reads CSV, TSV and Parquet sources; nothing was written")]
    SourceFormat { name: String, frame: String, path: String },
    #[error("cannot export `{name}` to PySpark: `{frame}` {reason}; nothing was written")]
    SourceSchema { name: String, frame: String, reason: String },
    #[error("cannot export `{name}` to PySpark: `{frame}` is loaded from two files in this pipeline ({first} and {second}); nothing was written")]
    TwoSources { name: String, frame: String, first: String, second: String },
}

/// The PySpark script of `lineage`. `taken_values(frame, step)` answers the Python values a step
/// took from the data it was applied to (the worker runs it again on that checkpoint); they
/// become the script's fitted literals.
pub fn pyspark_script_of(
    lineage: &FrameLineage,
    exported_unix_ms: u64,
    kernel_version: &str,
    taken_values: &mut dyn FnMut(&str, &ScriptStep) -> Result<Option<TakenValues>, String>,
) -> Result<String, PySparkError> {
    let plan = script_plan(lineage, exported_unix_ms, kernel_version)?;
    pyspark_script_fitted(&plan, taken_values).map_err(|refusal| PySparkError::Refused { name: lineage.name.clone(), refusal })
}

fn script_plan(lineage: &FrameLineage, exported_unix_ms: u64, kernel_version: &str) -> Result<ScriptPlan, PySparkError> {
    let mut blocks = Vec::new();
    collect_blocks(&lineage.name, lineage.version, &lineage.steps, &mut blocks);
    let mut sources: Vec<ScriptSource> = Vec::new();
    let mut script_blocks = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let earlier = blocks[..i].iter().filter(|b| b.name == block.name && block.steps.starts_with(b.steps)).max_by_key(|b| b.version);
        let (start, skipped) = match earlier {
            Some(e) => (BlockStart::Earlier(e.version), e.steps.len()),
            None => {
                let first = block.steps.first();
                match first.map(|s| &s.action) {
                    Some(StepAction::Load { source }) => {
                        let step = first.expect("matched above");
                        add_source(&mut sources, &lineage.name, block.name, source, step)?;
                        (BlockStart::Source, 1)
                    }
                    Some(StepAction::RustCell { execution_count }) => {
                        return Err(ScriptError::FromRustCell { name: block.name.into(), version: first.map(|s| s.version).unwrap_or(0), execution_count: *execution_count }.into())
                    }
                    Some(StepAction::Replay { of, .. }) => {
                        return Err(ScriptError::FromReplay { name: block.name.into(), version: first.map(|s| s.version).unwrap_or(0), of: of.clone() }.into())
                    }
                    _ => return Err(ScriptError::NoLoad { name: block.name.into(), version: block.version }.into()),
                }
            }
        };
        let mut script_steps = Vec::new();
        for (step, applied_to) in block.steps[skipped..].iter().zip(&block.steps[skipped - 1..]) {
            let applied_to = applied_to.version;
            match &step.action {
                StepAction::Apply { code, llm, reads } => {
                    let author = match llm {
                        Some(llm) => format!("suggested by {} / {} (prompt {}){}", llm.provider, llm.model, llm.prompt_hash, if llm.edited { ", edited before it was applied" } else { "" }),
                        None => "typed in the notebook".to_string(),
                    };
                    script_steps.push(ScriptStep {
                        version: step.version,
                        code: code.clone(),
                        comments: vec![format!("version {}: applied {}, {author}", step.version, timestamp(step.created_unix_ms))],
                        reads: reads.iter().map(|r| (r.name.clone(), r.version)).collect(),
                        applied_to,
                        taken: None,
                    });
                }
                StepAction::Load { .. } => return Err(ScriptError::NoLoad { name: block.name.into(), version: step.version }.into()),
                StepAction::RustCell { execution_count } => {
                    return Err(ScriptError::FromRustCell { name: block.name.into(), version: step.version, execution_count: *execution_count }.into())
                }
                StepAction::Replay { of, .. } => return Err(ScriptError::FromReplay { name: block.name.into(), version: step.version, of: of.clone() }.into()),
            }
        }
        script_blocks.push(ScriptBlock { name: block.name.to_string(), version: block.version, start, steps: script_steps });
    }
    let header = vec![
        format!("Rebuilds frame `{}` (version {}) on Apache Spark from its source file(s) through every committed", lineage.name, lineage.version),
        format!("step, translated from the Python Polars steps fekernel ran. Exported by fekernel {kernel_version} on {}.", timestamp(exported_unix_ms)),
        "Every difference between Polars and Spark the translation keeps is in docs/spark-export.md.".to_string(),
    ];
    Ok(ScriptPlan { target: lineage.name.clone(), version: lineage.version, sources, blocks: script_blocks, header })
}

fn add_source(sources: &mut Vec<ScriptSource>, exported: &str, frame: &str, path: &str, load: &Step) -> Result<(), PySparkError> {
    if let Some(existing) = sources.iter().find(|s| s.name == frame) {
        if existing.path != path {
            return Err(PySparkError::TwoSources { name: exported.into(), frame: frame.into(), first: existing.path.clone(), second: path.into() });
        }
        return Ok(());
    }
    let format = match InputFormat::from_path(Path::new(path)) {
        Some(InputFormat::Csv) => SourceFormat::Csv { separator: ',' },
        Some(InputFormat::Tsv) => SourceFormat::Csv { separator: '\t' },
        Some(InputFormat::Parquet) => SourceFormat::Parquet,
        _ => return Err(PySparkError::SourceFormat { name: exported.into(), frame: frame.into(), path: path.into() }),
    };
    let schema = schema_from_columns(load.columns.iter().map(|c| (c.name.as_str(), c.dtype.as_str())))
        .map_err(|reason| PySparkError::SourceSchema { name: exported.into(), frame: frame.into(), reason })?;
    sources.push(ScriptSource { name: frame.into(), path: path.into(), format, schema });
    Ok(())
}
