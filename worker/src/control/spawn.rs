// Starting worker processes: from one long-lived thread (PR_SET_PDEATHSIG fires when
// the spawning *thread* exits), with a cleared environment, own process group, rlimits and
// every inherited descriptor closed.

use std::ffi::OsString;
use std::io;
use std::os::fd::RawFd;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;

use crate::limits::WorkerLimits;
use crate::sandbox::{LayerState, SandboxReport};

struct SpawnJob {
    command: Command,
    reply: mpsc::Sender<io::Result<Child>>,
}

/// A thread that lives as long as the control and spawns every child process.
pub struct Spawner {
    jobs: Option<mpsc::Sender<SpawnJob>>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Spawner {
    pub fn start() -> io::Result<Spawner> {
        let (jobs, receive) = mpsc::channel::<SpawnJob>();
        let thread = thread::Builder::new().name("fe-worker-spawner".into()).spawn(move || {
            for mut job in receive {
                let _ = job.reply.send(job.command.spawn());
            }
        })?;
        Ok(Spawner { jobs: Some(jobs), thread: Some(thread) })
    }

    pub fn spawn(&self, command: Command) -> io::Result<Child> {
        let (reply, answer) = mpsc::channel();
        self.jobs
            .as_ref()
            .ok_or_else(|| io::Error::other("the spawner has stopped"))?
            .send(SpawnJob { command, reply })
            .map_err(|_| io::Error::other("the spawner thread has stopped"))?;
        answer.recv().map_err(|_| io::Error::other("the spawner thread has stopped"))?
    }
}

impl Drop for Spawner {
    fn drop(&mut self) {
        drop(self.jobs.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The environment a worker gets: nothing of the kernel's (no API keys, no cloud credentials).
pub fn minimal_environment(session: &Path) -> Vec<(&'static str, OsString)> {
    let mut env = vec![
        ("PATH", OsString::from("/usr/local/bin:/usr/bin:/bin")),
        ("LANG", OsString::from("C.UTF-8")),
        ("TMPDIR", session.as_os_str().to_owned()),
        ("HOME", std::env::var_os("HOME").unwrap_or_else(|| session.as_os_str().to_owned())),
    ];
    if let Some(threads) = std::env::var_os("POLARS_MAX_THREADS") {
        env.push(("POLARS_MAX_THREADS", threads));
    }
    env
}

/// One rlimit to set in the child: (resource, soft, hard), clamped to the kernel's own hard limit.
#[derive(Clone, Copy, Debug)]
struct Rlimit {
    resource: libc::__rlimit_resource_t,
    soft: libc::rlim_t,
    hard: libc::rlim_t,
}

fn rlimits(limits: &WorkerLimits) -> Vec<Rlimit> {
    let wanted = [
        (libc::RLIMIT_DATA, limits.memory_bytes, limits.memory_bytes),
        // The soft CPU limit is re-armed before each request (see `rearm_cpu_limit`).
        (libc::RLIMIT_CPU, limits.cpu_seconds, libc::RLIM_INFINITY),
        (libc::RLIMIT_FSIZE, limits.file_size_bytes, limits.file_size_bytes),
        (libc::RLIMIT_NOFILE, limits.open_files, limits.open_files),
        (libc::RLIMIT_CORE, 0, 0),
    ];
    wanted
        .into_iter()
        .map(|(resource, soft, hard)| {
            let mut current = libc::rlimit { rlim_cur: 0, rlim_max: libc::RLIM_INFINITY };
            // SAFETY: getrlimit writes into the struct we pass.
            unsafe { libc::getrlimit(resource, &mut current) };
            let hard = hard.min(current.rlim_max);
            Rlimit { resource, soft: soft.min(hard), hard }
        })
        .collect()
}

/// A command for `program args` with every kernel-side layer; `descriptor_end` (the worker's end
/// of the descriptor channel) becomes its descriptor 3, the only one it inherits beside stdio.
pub fn sandboxed_command(program: &Path, args: &[OsString], session: &Path, limits: &WorkerLimits, descriptor_end: RawFd) -> Command {
    let mut command = Command::new(program);
    command
        .args(args)
        .env_clear()
        .envs(minimal_environment(session))
        .current_dir(session)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let rlimits = rlimits(limits);
    // SAFETY: getpid has no preconditions.
    let kernel_pid = unsafe { libc::getpid() };
    let channel = crate::descriptor_channel::WORKER_END;
    // SAFETY: the closure runs between fork and exec and only makes async-signal-safe syscalls
    // (prctl, getppid, setrlimit, close_range, fcntl, dup2, _exit); it allocates nothing.
    unsafe {
        command.pre_exec(move || {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong, 0, 0, 0) != 0 {
                return Err(io::Error::last_os_error());
            }
            if libc::getppid() != kernel_pid {
                // The kernel died between fork and prctl: no one would ever talk to us.
                libc::_exit(1);
            }
            for limit in &rlimits {
                let value = libc::rlimit { rlim_cur: limit.soft, rlim_max: limit.hard };
                if libc::setrlimit(limit.resource, &value) != 0 {
                    return Err(io::Error::last_os_error());
                }
            }
            // Mark every descriptor above stdio close-on-exec (std's exec-error pipe keeps working).
            if libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, libc::CLOSE_RANGE_CLOEXEC) != 0 {
                for fd in 3..4096 {
                    libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC);
                }
            }
            // The descriptor channel stays open across exec, as descriptor 3.
            if descriptor_end == channel {
                if libc::fcntl(channel, libc::F_SETFD, 0) != 0 {
                    return Err(io::Error::last_os_error());
                }
            } else if libc::dup2(descriptor_end, channel) != channel {
                return Err(io::Error::last_os_error());
            }
            Ok(())
        });
    }
    command
}

/// Gives the worker `cpu_seconds` more CPU time from now (RLIMIT_CPU counts the whole life of
/// the process, so the soft limit moves forward before each request). Best effort.
pub fn rearm_cpu_limit(pid: i32, cpu_seconds: u64) -> io::Result<()> {
    let used = cpu_seconds_used(pid)?;
    let mut current = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: prlimit reads/writes the structs we pass.
    unsafe {
        if libc::prlimit(pid, libc::RLIMIT_CPU, std::ptr::null(), &mut current) != 0 {
            return Err(io::Error::last_os_error());
        }
        let value = libc::rlimit { rlim_cur: (used + cpu_seconds).min(current.rlim_max), rlim_max: current.rlim_max };
        if libc::prlimit(pid, libc::RLIMIT_CPU, &value, std::ptr::null_mut()) != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// CPU seconds (user + system) a process has used, rounded up.
pub fn cpu_seconds_used(pid: i32) -> io::Result<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // Fields after the command name (which may contain spaces) start after the last ')'.
    let after = stat.rsplit_once(')').map(|(_, rest)| rest).ok_or_else(|| io::Error::other("bad stat"))?;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 = fields.get(11).and_then(|v| v.parse().ok()).unwrap_or(0)
        + fields.get(12).and_then(|v| v.parse().ok()).unwrap_or(0);
    // SAFETY: sysconf has no preconditions.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    Ok(ticks.div_ceil(per_second))
}

/// The kernel-side layers, for `%fe status`.
pub fn kernel_side_report(limits: &WorkerLimits) -> SandboxReport {
    let mut report = SandboxReport::default();
    let in_force = |detail: &str| LayerState::InForce { detail: detail.to_string() };
    report.push("environment", in_force("cleared; only PATH, LANG, HOME and TMPDIR=session folder"));
    report.push("process group", in_force("own group; signals to the kernel's group do not reach it"));
    report.push("parent-death signal", in_force("SIGKILL when the kernel's spawner thread ends; stdin lifeline"));
    report.push(
        "inherited descriptors",
        in_force("all above stdio closed at exec, but for the socket on which the kernel hands over the files you load"),
    );
    let applied = rlimits(limits);
    let value = |resource| applied.iter().find(|l| l.resource == resource).map(|l| l.soft).unwrap_or(0);
    report.push(
        "rlimits",
        in_force(&format!(
            "data {}, cpu {} s per request, file size {}, {} open files, no core dumps",
            crate::limits::format_bytes(value(libc::RLIMIT_DATA)),
            limits.cpu_seconds,
            crate::limits::format_bytes(value(libc::RLIMIT_FSIZE)),
            value(libc::RLIMIT_NOFILE)
        )),
    );
    report
}
