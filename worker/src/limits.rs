// The worker's limits (memory, CPU per request, wall-clock timeout, file size, open files, kept
// versions): defaults sane for a laptop, parsed from `%fe config KEY=VALUE`.

use std::time::Duration;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkerLimits {
    /// RLIMIT_DATA of the worker (and of loaders), in bytes. Default: half of RAM.
    pub memory_bytes: u64,
    /// CPU seconds one request may use (RLIMIT_CPU, re-armed before each request).
    pub cpu_seconds: u64,
    /// Wall-clock time one request may take before it is interrupted.
    pub timeout: Duration,
    /// Largest file the worker may write (RLIMIT_FSIZE), in bytes.
    pub file_size_bytes: u64,
    /// Open file descriptors (RLIMIT_NOFILE).
    pub open_files: u64,
    /// Versions kept per frame (older ones are deleted; undo walks back through these).
    pub max_versions: usize,
    /// Time between SIGINT and SIGKILL on interrupt or timeout.
    pub interrupt_grace: Duration,
    /// Reply to an apply or load only once its checkpoint file is written (`checkpoints=sync`);
    /// by default the file is written after the reply and the version rebuilt from its step if
    /// the worker dies first.
    pub sync_checkpoints: bool,
}

impl Default for WorkerLimits {
    fn default() -> Self {
        WorkerLimits {
            memory_bytes: physical_memory_bytes().map(|m| m / 2).unwrap_or(4 << 30),
            cpu_seconds: 3600,
            timeout: Duration::from_secs(600),
            file_size_bytes: 64 << 30,
            open_files: 1024,
            max_versions: 20,
            interrupt_grace: Duration::from_millis(1500),
            sync_checkpoints: false,
        }
    }
}

/// A `%fe config` value that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot set `{key}` to `{value}`: {reason}")]
pub struct BadLimit {
    pub key: String,
    pub value: String,
    pub reason: String,
}

/// The keys `set` accepts, with what they mean.
pub const LIMIT_KEYS: &[(&str, &str)] = &[
    ("memory", "worker memory (RLIMIT_DATA), e.g. 4GiB, 512MiB; applied at the next worker start"),
    ("cpu", "CPU seconds per request, e.g. 300s, 10min"),
    ("timeout", "wall-clock time per request, e.g. 300s, 5min"),
    ("file_size", "largest file the worker writes, e.g. 20GiB; applied at the next worker start"),
    ("max_versions", "versions kept per frame, e.g. 20"),
    ("checkpoints", "background (a version's checkpoint file is written after the reply; a crash before that rebuilds it from its step) or sync (the reply waits for the file)"),
];

impl WorkerLimits {
    /// Sets one limit from `%fe config KEY=VALUE`.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), BadLimit> {
        let bad = |reason: &str| BadLimit { key: key.into(), value: value.into(), reason: reason.into() };
        match key {
            "memory" => {
                let bytes = parse_bytes(value).ok_or_else(|| bad("expected a size such as 4GiB or 512MiB"))?;
                if bytes < 64 << 20 {
                    return Err(bad("at least 64MiB is needed to start a worker"));
                }
                self.memory_bytes = bytes;
            }
            "file_size" => {
                self.file_size_bytes = parse_bytes(value).ok_or_else(|| bad("expected a size such as 20GiB"))?;
            }
            "cpu" => {
                let d = parse_duration(value).ok_or_else(|| bad("expected a duration such as 300s or 10min"))?;
                self.cpu_seconds = d.as_secs().max(1);
            }
            "timeout" => {
                let d = parse_duration(value).ok_or_else(|| bad("expected a duration such as 300s or 5min"))?;
                if d < Duration::from_millis(100) {
                    return Err(bad("at least 100ms"));
                }
                self.timeout = d;
            }
            "max_versions" => {
                let n: usize = value.parse().map_err(|_| bad("expected a whole number"))?;
                if !(1..=1000).contains(&n) {
                    return Err(bad("between 1 and 1000"));
                }
                self.max_versions = n;
            }
            "checkpoints" => {
                self.sync_checkpoints = match value {
                    "sync" => true,
                    "background" => false,
                    _ => return Err(bad("expected background or sync")),
                };
            }
            _ => {
                let keys: Vec<&str> = LIMIT_KEYS.iter().map(|(k, _)| *k).collect();
                return Err(bad(&format!("unknown limit; known: {}", keys.join(", "))));
            }
        }
        Ok(())
    }

    /// True when moving from `self` to `next` needs a worker restart (limits set at spawn).
    pub fn needs_restart_for(&self, next: &WorkerLimits) -> bool {
        self.memory_bytes != next.memory_bytes
            || self.file_size_bytes != next.file_size_bytes
            || self.open_files != next.open_files
    }
}

/// Total RAM from sysconf.
pub fn physical_memory_bytes() -> Option<u64> {
    // SAFETY: sysconf has no preconditions.
    let (pages, page) = unsafe { (libc::sysconf(libc::_SC_PHYS_PAGES), libc::sysconf(libc::_SC_PAGESIZE)) };
    (pages > 0 && page > 0).then(|| pages as u64 * page as u64)
}

/// "4GiB", "512MiB", "2GB", "1048576" → bytes.
pub fn parse_bytes(text: &str) -> Option<u64> {
    let text = text.trim();
    let split = text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().ok()?;
    let factor: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kb" => 1e3,
        "kib" => 1024.0,
        "m" | "mb" => 1e6,
        "mib" => 1024.0 * 1024.0,
        "g" | "gb" => 1e9,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        "t" | "tb" => 1e12,
        "tib" => 1024.0f64.powi(4),
        _ => return None,
    };
    let bytes = number * factor;
    (bytes.is_finite() && bytes >= 1.0).then_some(bytes as u64)
}

/// "300s", "5min", "1h", "250ms", "30" (seconds) → a duration.
pub fn parse_duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let split = text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().ok()?;
    let seconds = match unit.trim() {
        "" | "s" | "sec" => number,
        "ms" => number / 1000.0,
        "m" | "min" => number * 60.0,
        "h" => number * 3600.0,
        _ => return None,
    };
    (seconds.is_finite() && seconds > 0.0).then(|| Duration::from_secs_f64(seconds))
}

/// Bytes as "1.5 GiB".
pub fn format_bytes(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 { format!("{bytes} B") } else { format!("{value:.1} {}", UNITS[unit]) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_durations_parse_as_users_write_them() {
        assert_eq!(parse_bytes("4GiB"), Some(4 << 30));
        assert_eq!(parse_bytes("512 MiB"), Some(512 << 20));
        assert_eq!(parse_bytes("2GB"), Some(2_000_000_000));
        assert_eq!(parse_bytes("lots"), None);
        assert_eq!(parse_duration("300s"), Some(Duration::from_secs(300)));
        assert_eq!(parse_duration("5min"), Some(Duration::from_secs(300)));
        assert_eq!(parse_duration("250ms"), Some(Duration::from_millis(250)));
        assert_eq!(parse_duration("soon"), None);
    }

    #[test]
    fn config_keys_set_limits_and_refuse_nonsense() {
        let mut limits = WorkerLimits::default();
        limits.set("memory", "4GiB").unwrap();
        limits.set("timeout", "300s").unwrap();
        limits.set("max_versions", "5").unwrap();
        assert_eq!(limits.memory_bytes, 4 << 30);
        assert_eq!(limits.timeout, Duration::from_secs(300));
        assert_eq!(limits.max_versions, 5);
        assert!(limits.set("memory", "1KiB").is_err());
        assert!(limits.set("colour", "blue").is_err());
    }

    #[test]
    fn the_default_memory_limit_is_half_of_ram() {
        let ram = physical_memory_bytes().unwrap();
        assert_eq!(WorkerLimits::default().memory_bytes, ram / 2);
    }
}
