// `%fe export NAME --target pyspark [PATH] [--check] [--key a,b]`: writes the PySpark script and,
// with `--check`, runs it on a local Spark against the kernel's frame and says how it compared.

use std::path::PathBuf;

use fe_worker::manifest::now_unix_ms;
use fe_worker::WorkerControl;

use super::arguments::ExportArguments;
use super::export::{absolute, write_script, ExportError};
use super::pyspark_script::{pyspark_script_of, PySparkError};
use super::python_script::ScriptError;
use super::spark_check::{self, CheckError, CheckReport};
use super::Outcome;
use crate::display::{escape_html, text_and_html};
use crate::frame_commands::cell_error;
use crate::server::interpreter::{CellError, ExecuteOk};
use crate::server::publisher::CellIo;

impl From<PySparkError> for CellError {
    fn from(error: PySparkError) -> CellError {
        let ename = match &error {
            PySparkError::Refused { .. } => "RejectedCode",
            PySparkError::Lineage(ScriptError::FromRustCell { .. } | ScriptError::FromReplay { .. }) => "UsageError",
            _ => "ExecutionError",
        };
        CellError::new(ename, error.to_string())
    }
}

impl From<CheckError> for CellError {
    fn from(error: CheckError) -> CellError {
        let ename = match error {
            CheckError::NoPython { .. } | CheckError::NoPyspark { .. } => "UsageError",
            _ => "ExecutionError",
        };
        CellError::new(ename, error.to_string())
    }
}

pub fn run(control: &WorkerControl, args: &ExportArguments, io: &CellIo) -> Outcome {
    let lineage = control.lineage(&args.name).map_err(cell_error)?;
    let mut taken_values = |frame: &str, step: &fe_lang::spark::ScriptStep| {
        control
            .taken_values(frame, step.version, step.applied_to, &step.code, &step.reads)
            .map(|frames| Some(fe_lang::TakenValues { frames }))
            .map_err(|e| e.to_string())
    };
    let script = pyspark_script_of(&lineage, now_unix_ms(), env!("CARGO_PKG_VERSION"), &mut taken_values)?;
    let folder = if args.check { Some(check_folder()?) } else { None };
    let path = match (&args.path, &folder) {
        (Some(path), _) => absolute(path),
        (None, Some(folder)) => folder.join(format!("{}_pyspark.py", args.name)),
        (None, None) => absolute(&PathBuf::from(format!("{}_pyspark.py", args.name))),
    };
    if path.is_dir() {
        return Err(ExportError::IsFolder { path: path.display().to_string() }.into());
    }
    write_script(&path, &script)?;
    let steps = lineage.steps.iter().filter(|s| matches!(s.action, fe_worker::lineage::StepAction::Apply { .. })).count();
    let mut text = format!(
        "exported `{}` (version {}, {steps} step{}) to PySpark: {}\nrun it with: spark-submit {} OUT.parquet",
        lineage.name,
        lineage.version,
        if steps == 1 { "" } else { "s" },
        path.display(),
        path.display()
    );
    let mut failed = None;
    if let Some(folder) = folder {
        let python = spark_check::find_python(&path)?;
        let expected = folder.join("expected.parquet");
        control.save(&args.name, &expected).map_err(cell_error)?;
        let report = spark_check::run(&python, &folder, &path, &expected, args.key.as_deref())?;
        text.push('\n');
        text.push_str(&describe(&report));
        if !report.equal {
            failed = Some(CellError::new("ExecutionError", format!("the PySpark script does not give the kernel's frame `{}`:\n{}", args.name, describe(&report))));
        }
        if report.equal {
            let _ = std::fs::remove_dir_all(&folder);
        }
    }
    io.display(text_and_html(text.clone(), format!("<pre>{}</pre>", escape_html(&text))), None);
    match failed {
        Some(error) => Err(error),
        None => Ok(ExecuteOk::default()),
    }
}

fn check_folder() -> Result<PathBuf, CellError> {
    let folder = std::env::temp_dir().join(format!("fekernel-spark-check-{}-{}", std::process::id(), now_unix_ms()));
    std::fs::create_dir_all(&folder).map_err(|e| CellError::new("ExecutionError", format!("cannot create {}: {e}", folder.display())))?;
    Ok(folder)
}

/// "checked on local Spark 4.3.0: 2,000 rows × 25 columns equal to the kernel's frame …".
fn describe(report: &CheckReport) -> String {
    let timing = format!(
        "{:.1} s in all (JVM and session start {:.1} s, Spark run {:.1} s, comparison {:.1} s)",
        report.wall_seconds, report.seconds.session_start, report.seconds.spark_run, report.seconds.compare
    );
    if let Some(error) = &report.error {
        return format!("check on local Spark {}: the script failed: {error} ({timing})", report.spark_version);
    }
    if report.equal {
        format!(
            "checked on local Spark {}: {} rows × {} columns equal to the kernel's frame (same rows by key, floats to 1e-9 relative); {timing}",
            report.spark_version,
            report.rows,
            report.columns.len()
        )
    } else {
        format!("check on local Spark {}: NOT equal to the kernel's frame ({timing}):\n  {}", report.spark_version, report.differences.join("\n  "))
    }
}
