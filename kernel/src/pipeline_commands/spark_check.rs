// `--check` of the PySpark export: runs the script on a local Spark through a Python that has
// pyspark (FEKERNEL_PYSPARK_PYTHON), on the frame's own sources, against the kernel's frame.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde::Deserialize;

/// The comparison runner, shared with the tests (tests/spark imports it from this file).
pub const RUNNER_PY: &str = include_str!("spark_check.py");

/// The environment variable naming the Python that runs the check.
pub const PYTHON_VARIABLE: &str = "FEKERNEL_PYSPARK_PYTHON";

#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error("`--check` runs the script on a local Spark and needs a Python with pyspark: set {PYTHON_VARIABLE} to its path before starting the kernel (e.g. a venv with `pip install pyspark==4.3.0`; Spark also needs Java 17+, e.g. Debian's default-jre-headless); the script was written to {script}")]
    NoPython { script: String },
    #[error("{PYTHON_VARIABLE}={python} cannot import pyspark ({detail}); the script was written to {script}")]
    NoPyspark { python: String, detail: String, script: String },
    #[error("the check could not run: {0}")]
    Io(#[from] std::io::Error),
    #[error("the check runner failed (exit {status}): {stderr}")]
    Runner { status: String, stderr: String },
}

/// What the runner reports.
#[derive(Debug, Deserialize)]
pub struct CheckReport {
    pub equal: bool,
    #[serde(default)]
    pub rows: usize,
    #[serde(default)]
    pub columns: Vec<String>,
    #[serde(default)]
    pub differences: Vec<String>,
    #[serde(default)]
    pub error: Option<String>,
    #[serde(default)]
    pub spark_version: String,
    pub seconds: Seconds,
    /// Wall time of the whole check, measured by the kernel (Python and JVM start included).
    #[serde(skip)]
    pub wall_seconds: f64,
}

#[derive(Debug, Default, Deserialize)]
pub struct Seconds {
    #[serde(default)]
    pub session_start: f64,
    #[serde(default)]
    pub spark_run: f64,
    #[serde(default)]
    pub compare: f64,
}

fn python() -> Option<String> {
    std::env::var(PYTHON_VARIABLE).ok().filter(|p| !p.trim().is_empty())
}

/// Fails early, before the frame is saved, when no Python with pyspark is configured.
pub fn find_python(script: &Path) -> Result<String, CheckError> {
    let shown = script.display().to_string();
    let python = python().ok_or_else(|| CheckError::NoPython { script: shown.clone() })?;
    let probe = Command::new(&python).args(["-c", "import pyspark"]).output();
    match probe {
        Ok(out) if out.status.success() => Ok(python),
        Ok(out) => Err(CheckError::NoPyspark { python, detail: last_line(&String::from_utf8_lossy(&out.stderr)), script: shown }),
        Err(e) => Err(CheckError::NoPyspark { python, detail: e.to_string(), script: shown }),
    }
}

/// Runs `script` on its sources and compares with `expected` (Parquet) in `folder`.
pub fn run(python: &str, folder: &Path, script: &Path, expected: &Path, key: Option<&[String]>) -> Result<CheckReport, CheckError> {
    let runner = folder.join("spark_check.py");
    std::fs::write(&runner, RUNNER_PY)?;
    let report_path: PathBuf = folder.join("report.json");
    let mut command = Command::new(python);
    command.arg(&runner).arg(script).arg(expected).arg(&report_path);
    if let Some(key) = key {
        command.arg("--key").arg(key.join(","));
    }
    let started = Instant::now();
    let out = command.output()?;
    let wall = started.elapsed().as_secs_f64();
    let text = std::fs::read_to_string(&report_path).map_err(|_| CheckError::Runner {
        status: out.status.code().map(|c| c.to_string()).unwrap_or_else(|| "by a signal".into()),
        stderr: last_lines(&String::from_utf8_lossy(&out.stderr), 12),
    })?;
    let mut report: CheckReport = serde_json::from_str(&text).map_err(|e| CheckError::Runner { status: "0".into(), stderr: format!("unreadable report: {e}") })?;
    report.wall_seconds = wall;
    Ok(report)
}

fn last_line(text: &str) -> String {
    text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim().to_string()
}

fn last_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty() && !l.contains(" WARN ")).collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}
