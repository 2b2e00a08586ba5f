// `%fe export NAME PATH.py`: asks the worker for NAME's lineage, writes it as a Python Polars
// script (atomically: a temporary file renamed into place) and says what the script rebuilds.

use std::fs;
use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use fe_worker::atomic_file::write_atomically;
use fe_worker::lineage::{FrameLineage, StepAction};
use fe_worker::manifest::now_unix_ms;
use fe_worker::WorkerControl;

use super::arguments;
use super::python_script::{pipeline_script, ScriptError};
use super::spark_export;
use super::Outcome;
use crate::display::{escape_html, text_and_html};
use crate::frame_commands::cell_error;
use crate::magics::MagicCall;
use crate::server::interpreter::{CellError, ExecuteOk};
use crate::server::publisher::CellIo;

#[derive(Debug, thiserror::Error)]
pub(super) enum ExportError {
    #[error("cannot export to `{path}`: it is a folder; nothing was written")]
    IsFolder { path: String },
    #[error("cannot write `{path}`: {source}; nothing was written (an existing file there is unchanged)")]
    Write { path: String, source: io::Error },
    #[error(transparent)]
    Script(#[from] ScriptError),
}

impl From<ExportError> for CellError {
    fn from(error: ExportError) -> CellError {
        let ename = match error {
            // Frames no script can rebuild: the user asked for something that does not exist.
            ExportError::IsFolder { .. }
            | ExportError::Script(ScriptError::FromRustCell { .. } | ScriptError::FromReplay { .. }) => "UsageError",
            ExportError::Write { .. } | ExportError::Script(_) => "ExecutionError",
        };
        CellError::new(ename, error.to_string())
    }
}

pub fn run(control: &WorkerControl, call: &MagicCall, io: &CellIo) -> Outcome {
    let args = arguments::export(call)?;
    if args.pyspark {
        return spark_export::run(control, &args, io);
    }
    let (name, path) = (args.name, args.path.expect("a Python Polars export always has a path"));
    let path = absolute(&path);
    if path.is_dir() {
        return Err(ExportError::IsFolder { path: path.display().to_string() }.into());
    }
    let lineage = control.lineage(&name).map_err(cell_error)?;
    let script = pipeline_script(&lineage, now_unix_ms(), env!("CARGO_PKG_VERSION")).map_err(ExportError::from)?;
    write_script(&path, &script)?;
    let text = summary(&lineage, &path);
    io.display(text_and_html(text.clone(), format!("<pre>{}</pre>", escape_html(&text))), None);
    Ok(ExecuteOk::default())
}

pub(super) fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        return path.to_path_buf();
    }
    std::env::current_dir().map(|d| d.join(path)).unwrap_or_else(|_| path.to_path_buf())
}

/// Creates missing folders, writes `<path>.tmp`, fsyncs and renames it over `path`.
pub(super) fn write_script(path: &Path, script: &str) -> Result<(), ExportError> {
    let failed = |source: io::Error| ExportError::Write { path: path.display().to_string(), source };
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).map_err(failed)?;
    }
    write_atomically(path, |file| file.write_all(script.as_bytes())).map_err(failed)?;
    fs::set_permissions(path, fs::Permissions::from_mode(0o644)).map_err(failed)
}

/// "exported `tx` (version 7: loaded from …, 6 steps; also rebuilds `customers` version 2) to …".
fn summary(lineage: &FrameLineage, path: &Path) -> String {
    let steps = lineage.steps.iter().filter(|s| matches!(s.action, StepAction::Apply { .. })).count();
    let source = match lineage.steps.first().map(|s| &s.action) {
        Some(StepAction::Load { source }) => source.as_str(),
        _ => "?",
    };
    let mut reads: Vec<String> = Vec::new();
    for step in &lineage.steps {
        if let StepAction::Apply { reads: read, .. } = &step.action {
            for r in read {
                let described = format!("`{}` version {}", r.name, r.version);
                if !reads.contains(&described) {
                    reads.push(described);
                }
            }
        }
    }
    let also = if reads.is_empty() { String::new() } else { format!("; it also rebuilds {}", reads.join(", ")) };
    format!(
        "exported `{}` (version {}: loaded from {source}, then {steps} step{}{also}) to {}\nrun it with: python {} [OUT.parquet]",
        lineage.name,
        lineage.version,
        if steps == 1 { "" } else { "s" },
        path.display(),
        path.display()
    )
}
