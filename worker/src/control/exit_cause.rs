// Why a worker or loader process ended, from its exit signal and the tail of its stderr, and
// the error class that cause maps to.

use std::os::unix::process::ExitStatusExt;
use std::process::ExitStatus;

use super::errors::{LimitKind, WorkerError};
use crate::limits::{format_bytes, WorkerLimits};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExitCause {
    /// SIGKILL we did not send: the out-of-memory killer (or another process).
    Killed,
    /// SIGABRT; `allocation` when Rust reported a failed allocation (RLIMIT_DATA reached).
    Aborted { allocation: bool },
    /// SIGXCPU: RLIMIT_CPU reached.
    CpuLimit,
    /// SIGXFSZ: RLIMIT_FSIZE reached.
    FileSizeLimit,
    /// SIGSYS: a syscall the seccomp filter kills for.
    SandboxViolation,
    OtherSignal(i32),
    Exited(i32),
}

pub fn classify(status: ExitStatus, stderr_tail: &str) -> ExitCause {
    match status.signal() {
        Some(libc::SIGKILL) => ExitCause::Killed,
        Some(libc::SIGABRT) => ExitCause::Aborted {
            allocation: stderr_tail.contains("memory allocation") || stderr_tail.contains("capacity overflow"),
        },
        Some(libc::SIGXCPU) => ExitCause::CpuLimit,
        Some(libc::SIGXFSZ) => ExitCause::FileSizeLimit,
        Some(libc::SIGSYS) => ExitCause::SandboxViolation,
        Some(signal) => ExitCause::OtherSignal(signal),
        None => ExitCause::Exited(status.code().unwrap_or(-1)),
    }
}

impl ExitCause {
    /// The error for a request during which the process died this way.
    pub fn error(&self, what: &str, limits: &WorkerLimits) -> WorkerError {
        let memory = || WorkerError::ResourceLimit {
            limit: LimitKind::Memory,
            message: format!(
                "{what} ran out of memory (limit {} of data; change it with `%fe config memory=…`)",
                format_bytes(limits.memory_bytes)
            ),
        };
        match self {
            ExitCause::Aborted { allocation: true } => memory(),
            // RLIMIT_DATA makes an overrun abort (above); a SIGKILL we did not send came from
            // another process or from the system's out-of-memory killer.
            ExitCause::Killed => WorkerError::WorkerCrashed {
                message: format!("{what} was killed by SIGKILL (by another process or the system's out-of-memory killer)"),
            },
            ExitCause::CpuLimit => WorkerError::ResourceLimit {
                limit: LimitKind::Cpu,
                message: format!(
                    "{what} used more than its CPU limit of {} s (change it with `%fe config cpu=…`)",
                    limits.cpu_seconds
                ),
            },
            ExitCause::FileSizeLimit => WorkerError::ResourceLimit {
                limit: LimitKind::FileSize,
                message: format!(
                    "{what} tried to write a file larger than {} (change it with `%fe config file_size=…`)",
                    format_bytes(limits.file_size_bytes)
                ),
            },
            ExitCause::SandboxViolation => WorkerError::WorkerCrashed {
                message: format!("{what} was stopped for a sandbox violation (a forbidden system call)"),
            },
            ExitCause::Aborted { allocation: false } => {
                WorkerError::WorkerCrashed { message: format!("{what} aborted (SIGABRT)") }
            }
            ExitCause::OtherSignal(signal) => {
                WorkerError::WorkerCrashed { message: format!("{what} crashed (signal {signal})") }
            }
            ExitCause::Exited(code) => {
                WorkerError::WorkerCrashed { message: format!("{what} exited unexpectedly (status {code})") }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signalled(signal: i32) -> ExitStatus {
        ExitStatus::from_raw(signal)
    }

    #[test]
    fn signals_map_to_the_limit_they_mean() {
        let limits = WorkerLimits::default();
        let e = classify(signalled(libc::SIGABRT), "memory allocation of 8589934592 bytes failed\n").error("the worker", &limits);
        assert!(matches!(e, WorkerError::ResourceLimit { limit: LimitKind::Memory, .. }));
        let e = classify(signalled(libc::SIGXCPU), "").error("the worker", &limits);
        assert!(matches!(e, WorkerError::ResourceLimit { limit: LimitKind::Cpu, .. }));
        let e = classify(signalled(libc::SIGXFSZ), "").error("the worker", &limits);
        assert!(matches!(e, WorkerError::ResourceLimit { limit: LimitKind::FileSize, .. }));
        let e = classify(signalled(libc::SIGSYS), "").error("the worker", &limits);
        assert!(matches!(e, WorkerError::WorkerCrashed { .. }));
        let e = classify(signalled(libc::SIGSEGV), "").error("the worker", &limits);
        assert_eq!(e.ename(), "WorkerCrashed");
        assert_eq!(classify(ExitStatus::from_raw(3 << 8), ""), ExitCause::Exited(3));
    }
}
