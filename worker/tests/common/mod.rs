// Shared set-up of the integration tests: a session folder per test, a WorkerControl that
// spawns the real test-host executable, data files, and checks for leftover temporary files.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use fe_worker::probes::{Probe, ProbeOutcome};
use fe_worker::protocol::{Reply, Request};
use fe_worker::{SessionFolder, WorkerConfig, WorkerControl, WorkerLimits};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A scratch folder outside any session (for input files and "outside" probes).
pub fn scratch_dir(label: &str) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("fe-worker-tests/{label}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub struct TestSession {
    pub scratch: PathBuf,
    pub control: WorkerControl,
}

impl TestSession {
    pub fn start(label: &str, limits: WorkerLimits) -> TestSession {
        let scratch = scratch_dir(label);
        let session = SessionFolder::create_at(&scratch.join("session")).unwrap();
        let config = WorkerConfig {
            program: PathBuf::from(env!("CARGO_BIN_EXE_fe-worker-test-host")),
            worker_args: vec!["worker".into()],
            session,
            limits,
            forward_stderr: std::env::var_os("FE_WORKER_TEST_LOG").is_some(),
        };
        let control = WorkerControl::start(config).unwrap();
        TestSession { scratch, control }
    }

    pub fn default(label: &str) -> TestSession {
        TestSession::start(label, test_limits())
    }

    pub fn session_root(&self) -> PathBuf {
        self.control.session().root().to_path_buf()
    }

    pub fn probe(&self, probe: Probe) -> ProbeOutcome {
        match self.control.request(Request::Probe { probe }).unwrap() {
            Reply::Probe(outcome) => outcome,
            other => panic!("unexpected reply {other:?}"),
        }
    }

    /// Commits `column = value` on `name` through the apply path; returns the new version.
    pub fn apply_literal(&self, name: &str, column: &str, value: i64) -> Result<u32, fe_worker::WorkerError> {
        let probe = Probe::ApplyLiteral { name: name.into(), column: column.into(), value };
        match self.control.request(Request::Probe { probe })? {
            Reply::Applied(summary) => Ok(summary.version),
            other => panic!("unexpected reply {other:?}"),
        }
    }

    /// The current version of `name` (asked again once if a test killed the worker meanwhile).
    pub fn version_of(&self, name: &str) -> Option<u32> {
        let frames = self.control.frames().or_else(|_| self.control.frames()).unwrap();
        frames.into_iter().find(|f| f.name == name).map(|f| f.version)
    }

    /// Writes a CSV of `rows` rows: id, group, amount.
    pub fn write_csv(&self, file: &str, rows: usize) -> PathBuf {
        write_csv(&self.scratch.join(file), rows)
    }

    pub fn load_csv(&self, name: &str, rows: usize) -> PathBuf {
        let path = self.write_csv(&format!("{name}.csv"), rows);
        self.control.load(&path, Some(name)).unwrap();
        path
    }
}

pub fn write_csv(path: &Path, rows: usize) -> PathBuf {
    let mut text = String::from("id,group,amount\n");
    for i in 0..rows {
        text.push_str(&format!("{i},{},{}.5\n", ["a", "b", "c"][i % 3], i * 2));
    }
    std::fs::write(path, text).unwrap();
    path.to_path_buf()
}

/// Limits for tests: generous memory, short grace, a timeout that never fires by accident.
pub fn test_limits() -> WorkerLimits {
    WorkerLimits { memory_bytes: 4 << 30, timeout: std::time::Duration::from_secs(120), ..WorkerLimits::default() }
}

/// Every `*.tmp` file in the session folder once the checkpoints queued so far are written
/// (checkpoints are written after the reply; asking for `frame`'s checkpoint file waits for them).
pub fn tmp_files_when_written(t: &TestSession, frame: &str) -> Vec<PathBuf> {
    t.control.checkpoint_file(frame).unwrap();
    tmp_files(&t.session_root())
}

/// Every `*.tmp` file anywhere in the session folder.
pub fn tmp_files(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(".tmp") {
                found.push(path);
            }
        }
    }
    found
}
