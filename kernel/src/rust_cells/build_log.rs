// The build log: one line per event of a dependency build, appended by this binary while cargo
// runs it as rustc wrapper (build_reports.rs) and read back by the kernel as the build goes.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// What happened to one rustc invocation ("unit") of a cargo build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildEvent {
    /// Cargo started the unit: a crate (or its build script) of `package` at `version`.
    Begin { unit: String, package: String, version: String },
    /// evcxr's cache had no copy: rustc really compiles the unit.
    Compiling { unit: String },
    /// The unit finished (copied from evcxr's cache, or compiled).
    End { unit: String, succeeded: bool },
}

impl BuildEvent {
    /// One line, tab-separated (package names and versions hold no tabs or newlines).
    pub fn to_line(&self) -> String {
        match self {
            BuildEvent::Begin { unit, package, version } => format!("begin\t{unit}\t{package}\t{version}\n"),
            BuildEvent::Compiling { unit } => format!("compiling\t{unit}\n"),
            BuildEvent::End { unit, succeeded } => {
                format!("end\t{unit}\t{}\n", if *succeeded { "ok" } else { "failed" })
            }
        }
    }

    pub fn parse(line: &str) -> Option<BuildEvent> {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["begin", unit, package, version] => Some(BuildEvent::Begin {
                unit: unit.to_string(),
                package: package.to_string(),
                version: version.to_string(),
            }),
            ["compiling", unit] => Some(BuildEvent::Compiling { unit: unit.to_string() }),
            ["end", unit, outcome] => Some(BuildEvent::End { unit: unit.to_string(), succeeded: *outcome == "ok" }),
            _ => None,
        }
    }

    /// Appends the event as one `write` (O_APPEND: concurrent units do not interleave lines).
    pub fn append_to(&self, log: &Path) -> std::io::Result<()> {
        OpenOptions::new().create(true).append(true).open(log)?.write_all(self.to_line().as_bytes())
    }
}

/// The kernel's end of one evaluator's build log: a file it created, read from where it left off.
pub struct BuildLog {
    path: PathBuf,
}

impl BuildLog {
    /// A new empty log in the temporary folder, named after this kernel and evaluator.
    pub fn create(evaluator: u64) -> std::io::Result<BuildLog> {
        let path = std::env::temp_dir().join(format!("fekernel-build-{}-{evaluator}.log", std::process::id()));
        File::create(&path)?;
        Ok(BuildLog { path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A reader that starts at the log's current end (events before it belong to earlier work).
    pub fn reader_from_end(&self) -> BuildLogReader {
        let offset = std::fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0);
        BuildLogReader { path: self.path.clone(), offset, partial: String::new() }
    }
}

impl Drop for BuildLog {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Reads the events appended since the last call.
pub struct BuildLogReader {
    path: PathBuf,
    offset: u64,
    /// A line whose newline has not been written yet.
    partial: String,
}

impl BuildLogReader {
    pub fn new_events(&mut self) -> Vec<BuildEvent> {
        let Ok(mut file) = File::open(&self.path) else {
            return Vec::new();
        };
        let mut bytes = Vec::new();
        if file.seek(SeekFrom::Start(self.offset)).is_err() || file.read_to_end(&mut bytes).is_err() {
            return Vec::new();
        }
        self.offset += bytes.len() as u64;
        self.partial.push_str(&String::from_utf8_lossy(&bytes));
        let Some(last_newline) = self.partial.rfind('\n') else {
            return Vec::new();
        };
        let complete: String = self.partial.drain(..=last_newline).collect();
        complete.lines().filter_map(BuildEvent::parse).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_survive_a_round_trip_through_their_line() {
        let events = [
            BuildEvent::Begin { unit: "41-7".into(), package: "polars-core".into(), version: "0.55.2".into() },
            BuildEvent::Compiling { unit: "41-7".into() },
            BuildEvent::End { unit: "41-7".into(), succeeded: true },
            BuildEvent::End { unit: "42-1".into(), succeeded: false },
        ];
        for event in events {
            assert_eq!(BuildEvent::parse(event.to_line().trim_end()), Some(event));
        }
        assert_eq!(BuildEvent::parse("begin\tonly-two"), None);
    }

    #[test]
    fn a_reader_sees_only_new_complete_lines() {
        let log = BuildLog::create(u64::MAX).unwrap();
        BuildEvent::Compiling { unit: "before".into() }.append_to(log.path()).unwrap();
        let mut reader = log.reader_from_end();
        assert!(reader.new_events().is_empty());
        BuildEvent::Compiling { unit: "a".into() }.append_to(log.path()).unwrap();
        OpenOptions::new().append(true).open(log.path()).unwrap().write_all(b"end\tb\t").unwrap();
        assert_eq!(reader.new_events(), vec![BuildEvent::Compiling { unit: "a".into() }]);
        OpenOptions::new().append(true).open(log.path()).unwrap().write_all(b"ok\n").unwrap();
        assert_eq!(reader.new_events(), vec![BuildEvent::End { unit: "b".into(), succeeded: true }]);
        let path = log.path().to_path_buf();
        drop(log);
        assert!(!path.exists(), "the log is removed with its evaluator");
    }
}
