// Layer 3: seccomp (seccompiler, pure Rust BPF). Refuses with EPERM: sockets, fork/exec,
// ptrace, permission/owner/xattr/timestamp changes, io_uring, namespaces, raising limits.

use std::collections::BTreeMap;
use std::convert::TryInto;

use seccompiler::{
    apply_filter, BpfProgram, SeccompAction, SeccompCmpArgLen, SeccompCmpOp, SeccompCondition, SeccompFilter,
    SeccompRule,
};

use super::LayerState;

/// Syscalls refused whatever their arguments (clone, clone3, prlimit64 and socketpair are
/// handled apart).
pub const DENIED_SYSCALLS: &[(&str, libc::c_long)] = &[
    ("socket", libc::SYS_socket),
    ("connect", libc::SYS_connect),
    ("bind", libc::SYS_bind),
    ("listen", libc::SYS_listen),
    ("accept", libc::SYS_accept),
    ("accept4", libc::SYS_accept4),
    ("execve", libc::SYS_execve),
    ("execveat", libc::SYS_execveat),
    ("ptrace", libc::SYS_ptrace),
    ("process_vm_readv", libc::SYS_process_vm_readv),
    ("process_vm_writev", libc::SYS_process_vm_writev),
    ("fchmod", libc::SYS_fchmod),
    ("fchmodat", libc::SYS_fchmodat),
    ("fchmodat2", libc::SYS_fchmodat2),
    ("fchown", libc::SYS_fchown),
    ("fchownat", libc::SYS_fchownat),
    ("setxattr", libc::SYS_setxattr),
    ("lsetxattr", libc::SYS_lsetxattr),
    ("fsetxattr", libc::SYS_fsetxattr),
    ("removexattr", libc::SYS_removexattr),
    ("lremovexattr", libc::SYS_lremovexattr),
    ("fremovexattr", libc::SYS_fremovexattr),
    ("utimensat", libc::SYS_utimensat),
    ("io_uring_setup", libc::SYS_io_uring_setup),
    ("io_uring_enter", libc::SYS_io_uring_enter),
    ("io_uring_register", libc::SYS_io_uring_register),
    ("unshare", libc::SYS_unshare),
    ("setns", libc::SYS_setns),
    ("mount", libc::SYS_mount),
    ("umount2", libc::SYS_umount2),
    ("pivot_root", libc::SYS_pivot_root),
    ("bpf", libc::SYS_bpf),
    ("perf_event_open", libc::SYS_perf_event_open),
    ("userfaultfd", libc::SYS_userfaultfd),
    ("keyctl", libc::SYS_keyctl),
    ("add_key", libc::SYS_add_key),
    ("request_key", libc::SYS_request_key),
    ("setrlimit", libc::SYS_setrlimit),
    #[cfg(target_arch = "x86_64")]
    ("fork", libc::SYS_fork),
    #[cfg(target_arch = "x86_64")]
    ("vfork", libc::SYS_vfork),
    #[cfg(target_arch = "x86_64")]
    ("chmod", libc::SYS_chmod),
    #[cfg(target_arch = "x86_64")]
    ("chown", libc::SYS_chown),
    #[cfg(target_arch = "x86_64")]
    ("lchown", libc::SYS_lchown),
    #[cfg(target_arch = "x86_64")]
    ("utime", libc::SYS_utime),
    #[cfg(target_arch = "x86_64")]
    ("utimes", libc::SYS_utimes),
    #[cfg(target_arch = "x86_64")]
    ("futimesat", libc::SYS_futimesat),
];

pub fn install() -> LayerState {
    match try_install() {
        Ok(count) => LayerState::InForce {
            detail: format!(
                "{count} syscalls refused: sockets, fork/exec (threads allowed), ptrace, chmod/chown/xattr/utimensat, io_uring, namespaces, raising limits"
            ),
        },
        Err(reason) => LayerState::Unavailable { reason },
    }
}

fn arch() -> Result<seccompiler::TargetArch, String> {
    std::env::consts::ARCH.try_into().map_err(|e: seccompiler::BackendError| format!("unsupported architecture: {e}"))
}

fn try_install() -> Result<usize, String> {
    let condition = |arg, op, value| {
        SeccompCondition::new(arg, SeccompCmpArgLen::Qword, op, value).map_err(|e| e.to_string())
    };
    let mut refused: BTreeMap<i64, Vec<SeccompRule>> =
        DENIED_SYSCALLS.iter().map(|(_, nr)| (*nr as i64, Vec::new())).collect();
    // clone without CLONE_THREAD is a new process (fork); with it, a thread (allowed).
    refused.insert(
        libc::SYS_clone as i64,
        vec![SeccompRule::new(vec![condition(0, SeccompCmpOp::MaskedEq(libc::CLONE_THREAD as u64), 0)?])
            .map_err(|e| e.to_string())?],
    );
    // An unnamed, connected AF_UNIX pair reaches nothing outside the process (Polars' async
    // runtime uses one as a wake-up pipe); every other socketpair domain is refused.
    refused.insert(
        libc::SYS_socketpair as i64,
        vec![SeccompRule::new(vec![condition(0, SeccompCmpOp::Ne, libc::AF_UNIX as u64)?]).map_err(|e| e.to_string())?],
    );
    // prlimit64 may read limits (new_limit == NULL) but not change them.
    refused.insert(
        libc::SYS_prlimit64 as i64,
        vec![SeccompRule::new(vec![condition(2, SeccompCmpOp::Ne, 0)?]).map_err(|e| e.to_string())?],
    );
    let count = refused.len() + 1;
    let refuse_eperm = SeccompFilter::new(
        refused,
        SeccompAction::Allow,
        SeccompAction::Errno(libc::EPERM as u32),
        arch()?,
    )
    .map_err(|e| e.to_string())?;
    // clone3 passes its flags in memory the filter cannot read: answer ENOSYS so that glibc falls
    // back to clone, where CLONE_THREAD is visible.
    let clone3_enosys = SeccompFilter::new(
        [(libc::SYS_clone3 as i64, Vec::new())].into_iter().collect(),
        SeccompAction::Allow,
        SeccompAction::Errno(libc::ENOSYS as u32),
        arch()?,
    )
    .map_err(|e| e.to_string())?;

    // SAFETY: prctl with these arguments has no memory-safety preconditions.
    if unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) } != 0 {
        return Err(format!("no_new_privs refused: {}", std::io::Error::last_os_error()));
    }
    for filter in [refuse_eperm, clone3_enosys] {
        let program: BpfProgram = filter.try_into().map_err(|e: seccompiler::BackendError| e.to_string())?;
        apply_filter(&program).map_err(|e| format!("seccomp refused the filter: {e}"))?;
    }
    Ok(count)
}
