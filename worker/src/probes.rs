// Test-only requests (feature `test-probes`): try forbidden and allowed things from inside the
// sandboxed worker, and inject faults (memory bomb, CPU spin, slow query, fixed-plan applies).

use std::ffi::CString;
use std::path::PathBuf;

use polars::prelude::*;
use serde::{Deserialize, Serialize};

use crate::cell_runner::{self, CellResult};
use crate::protocol::{Failure, Reply};
use crate::service::Worker;

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "probe", rename_all = "snake_case")]
pub enum Probe {
    TcpSocket,
    UdpSocket,
    /// Create a Unix socket and connect it to `path`.
    UnixConnect { path: PathBuf },
    /// Create (or truncate) and write a file.
    WriteFile { path: PathBuf },
    ReadFile { path: PathBuf },
    Fork,
    Exec,
    Chmod { path: PathBuf },
    /// Start a thread and join it.
    Thread,
    /// A small Polars query.
    PolarsQuery,
    /// An in-memory cross join of `rows` x `rows` (a memory bomb under a small RLIMIT_DATA).
    MemoryBomb { rows: i64 },
    /// Burn CPU for `seconds`; with `interruptible` it checks Polars' abort flag as queries do.
    CpuSpin { seconds: u64, interruptible: bool },
    /// A streaming cross join of `rows` x `rows` reduced to one sum (slow, little memory).
    SlowQuery { rows: i64 },
    /// Commits `df.with_columns(pl.lit(value).alias(column))` as the next version of `name`,
    /// through the same path as a feature-language apply.
    ApplyLiteral { name: String, column: String, value: i64 },
    /// Die from a signal (to test crash classification).
    RaiseSignal { signal: i32 },
    /// Keep checkpoints queued (not written) until the next flush or `held: false`: the
    /// window between an apply's reply and its durable checkpoint, made as long as a test needs.
    HoldCheckpoints { held: bool },
}

impl Probe {
    pub fn frame_name(&self) -> Option<&str> {
        match self {
            Probe::ApplyLiteral { name, .. } => Some(name),
            _ => None,
        }
    }
}

/// The result of a probe: whether the thing worked, and the errno when it did not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProbeOutcome {
    pub ok: bool,
    pub errno: Option<i32>,
    pub detail: String,
}

fn outcome_of(result: libc::c_long, what: &str) -> ProbeOutcome {
    if result >= 0 {
        ProbeOutcome { ok: true, errno: None, detail: format!("{what} succeeded") }
    } else {
        let error = std::io::Error::last_os_error();
        ProbeOutcome { ok: false, errno: error.raw_os_error(), detail: format!("{what}: {error}") }
    }
}

fn c_path(path: &std::path::Path) -> CString {
    CString::new(path.as_os_str().as_encoded_bytes()).expect("no NUL in test paths")
}

pub fn run(worker: &mut Worker, probe: Probe) -> Result<Reply, Failure> {
    // SAFETY (all libc calls below): plain syscalls on values we own; fds are closed after use.
    let outcome = match probe {
        Probe::TcpSocket => unsafe { close_after(libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0), "TCP socket") },
        Probe::UdpSocket => unsafe { close_after(libc::socket(libc::AF_INET, libc::SOCK_DGRAM, 0), "UDP socket") },
        Probe::UnixConnect { path } => unsafe {
            let fd = libc::socket(libc::AF_UNIX, libc::SOCK_STREAM, 0);
            if fd < 0 {
                outcome_of(-1, "Unix socket")
            } else {
                let mut address: libc::sockaddr_un = std::mem::zeroed();
                address.sun_family = libc::AF_UNIX as libc::sa_family_t;
                for (slot, byte) in address.sun_path.iter_mut().zip(path.as_os_str().as_encoded_bytes()) {
                    *slot = *byte as libc::c_char;
                }
                let rc = libc::connect(
                    fd,
                    &address as *const libc::sockaddr_un as *const libc::sockaddr,
                    std::mem::size_of::<libc::sockaddr_un>() as libc::socklen_t,
                );
                let outcome = outcome_of(rc as libc::c_long, "connect to Unix socket");
                libc::close(fd);
                outcome
            }
        },
        Probe::WriteFile { path } => match std::fs::write(&path, b"probe") {
            Ok(()) => ProbeOutcome { ok: true, errno: None, detail: format!("wrote {}", path.display()) },
            Err(e) => ProbeOutcome { ok: false, errno: e.raw_os_error(), detail: format!("write {}: {e}", path.display()) },
        },
        Probe::ReadFile { path } => match std::fs::read(&path) {
            Ok(bytes) => ProbeOutcome { ok: true, errno: None, detail: format!("read {} bytes", bytes.len()) },
            Err(e) => ProbeOutcome { ok: false, errno: e.raw_os_error(), detail: format!("read {}: {e}", path.display()) },
        },
        Probe::Fork => unsafe {
            let pid = libc::fork();
            if pid == 0 {
                libc::_exit(0);
            }
            if pid > 0 {
                libc::waitpid(pid, std::ptr::null_mut(), 0);
            }
            outcome_of(pid as libc::c_long, "fork")
        },
        Probe::Exec => unsafe {
            let program = CString::new("/bin/true").unwrap();
            let argv = [program.as_ptr(), std::ptr::null()];
            let envp = [std::ptr::null()];
            outcome_of(libc::execve(program.as_ptr(), argv.as_ptr(), envp.as_ptr()) as libc::c_long, "execve")
        },
        Probe::Chmod { path } => unsafe { outcome_of(libc::chmod(c_path(&path).as_ptr(), 0o777) as libc::c_long, "chmod") },
        Probe::Thread => match std::thread::spawn(|| 6 * 7).join() {
            Ok(42) => ProbeOutcome { ok: true, errno: None, detail: "thread ran".into() },
            _ => ProbeOutcome { ok: false, errno: None, detail: "thread failed".into() },
        },
        Probe::PolarsQuery => {
            let result = df!("k" => [1, 2, 1, 2], "v" => [1.0, 2.0, 3.0, 4.0])
                .and_then(|df| df.lazy().group_by([col("k")]).agg([col("v").sum()]).sort(["k"], Default::default()).collect());
            match result {
                Ok(df) => ProbeOutcome { ok: df.height() == 2, errno: None, detail: format!("{df}") },
                Err(e) => ProbeOutcome { ok: false, errno: None, detail: e.to_string() },
            }
        }
        Probe::MemoryBomb { rows } => {
            let side = || df!("a" => (0..rows).collect::<Vec<i64>>()).unwrap().lazy();
            let result = side().cross_join(side(), None).collect_with_engine(Engine::InMemory);
            let rows = result.map(|r| r.unwrap_single().height()).unwrap_or(0);
            ProbeOutcome { ok: true, errno: None, detail: format!("survived with {rows} rows") }
        }
        Probe::CpuSpin { seconds, interruptible } => {
            let until = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
            let mut x = 0u64;
            while std::time::Instant::now() < until {
                for i in 0..100_000u64 {
                    x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(i));
                }
                if interruptible {
                    polars::error::abort::try_raise_polars_abort();
                }
            }
            ProbeOutcome { ok: true, errno: None, detail: format!("spun ({x})") }
        }
        Probe::SlowQuery { rows } => {
            let side = |name: &str| df!(name => (0..rows).collect::<Vec<i64>>()).unwrap().lazy();
            let plan = side("a").cross_join(side("b"), None).select([(col("a") * col("b")).sum().alias("s")]);
            match cell_runner::collect_with(plan, cell_runner::EngineOptions { streaming: true, ..Default::default() }) {
                Ok(df) => ProbeOutcome { ok: true, errno: None, detail: format!("{df}") },
                Err(e) => ProbeOutcome { ok: false, errno: None, detail: e.to_string() },
            }
        }
        Probe::ApplyLiteral { name, column, value } => {
            let code = format!("df = df.with_columns(pl.lit({value}).alias({column:?}))");
            let unchanged = worker.unchanged(&name);
            let target = name.clone();
            return worker.apply_with(&name, &code, None, move |frames| {
                let df = frames.get(&target).expect("checked by apply_with").clone();
                let plan = df.lazy().with_columns([lit(value).alias(column.as_str())]);
                let frame = cell_runner::collect(plan).map_err(|e| cell_runner::polars_failure(&e, &unchanged))?;
                Ok(CellResult { frame, columns_read: Vec::new() })
            });
        }
        Probe::HoldCheckpoints { held } => {
            worker.store.hold_checkpoints(held);
            ProbeOutcome { ok: true, errno: None, detail: format!("checkpoints held: {held}") }
        }
        Probe::RaiseSignal { signal } => unsafe {
            // The default action, as for a real fault (Rust's own SIGSEGV handler would return).
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
            ProbeOutcome { ok: true, errno: None, detail: "still alive".into() }
        },
    };
    Ok(Reply::Probe(outcome))
}

unsafe fn close_after(fd: libc::c_int, what: &str) -> ProbeOutcome {
    let outcome = outcome_of(fd as libc::c_long, what);
    if fd >= 0 {
        // SAFETY: fd was just returned by socket and is ours.
        unsafe { libc::close(fd) };
    }
    outcome
}
