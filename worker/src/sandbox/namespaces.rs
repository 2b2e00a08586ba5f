// Layer 1: a new user namespace (the worker holds no capability outside it) and a new network
// namespace (no interfaces but a loopback that is down). Only possible while single-threaded.

use super::{thread_count, LayerState};

pub fn enter_user_and_network_namespaces() -> LayerState {
    if let Some(threads) = thread_count().filter(|&n| n > 1) {
        return LayerState::Unavailable {
            reason: format!("the process already runs {threads} threads; namespaces need a single thread"),
        };
    }
    // SAFETY: unshare has no memory-safety preconditions.
    if unsafe { libc::unshare(libc::CLONE_NEWUSER | libc::CLONE_NEWNET) } == 0 {
        return LayerState::InForce { detail: "no capabilities outside the namespace; no network interfaces".into() };
    }
    let user_ns_error = std::io::Error::last_os_error();
    // Without user namespaces (disabled by sysctl or a container policy) a privileged process
    // can still drop the network on its own.
    if unsafe { libc::unshare(libc::CLONE_NEWNET) } == 0 {
        return LayerState::Partial {
            detail: format!("network namespace only; user namespace refused: {user_ns_error}"),
        };
    }
    LayerState::Unavailable { reason: format!("unshare refused: {user_ns_error}") }
}
