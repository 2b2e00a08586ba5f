// The worker-side sandbox: namespaces, Landlock and seccomp, installed before any thread starts,
// each layer detected, optional where the OS lacks it, and reported.

mod filesystem_rules;
mod namespaces;
mod syscall_filter;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use syscall_filter::DENIED_SYSCALLS;

/// What a sandboxed process may touch.
#[derive(Clone, Debug)]
pub struct SandboxPlan {
    /// Read and write: the session folder (the only writable place besides /dev/null). User
    /// files are never opened by path: the kernel hands them over open.
    pub session_folder: PathBuf,
}

/// The state of one layer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum LayerState {
    InForce { detail: String },
    Partial { detail: String },
    Unavailable { reason: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerReport {
    pub layer: String,
    #[serde(flatten)]
    pub state: LayerState,
}

/// Every layer, worker side and kernel side (the kernel side adds its own lines).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SandboxReport {
    pub layers: Vec<LayerReport>,
}

impl SandboxReport {
    pub fn push(&mut self, layer: &str, state: LayerState) {
        self.layers.push(LayerReport { layer: layer.to_string(), state });
    }

    pub fn layer(&self, layer: &str) -> Option<&LayerState> {
        self.layers.iter().find(|l| l.layer == layer).map(|l| &l.state)
    }

    /// One line per layer, for `%fe status` and the worker's log.
    pub fn lines(&self) -> Vec<String> {
        self.layers
            .iter()
            .map(|l| match &l.state {
                LayerState::InForce { detail } => format!("{}: in force ({detail})", l.layer),
                LayerState::Partial { detail } => format!("{}: partly in force ({detail})", l.layer),
                LayerState::Unavailable { reason } => format!("{}: unavailable ({reason})", l.layer),
            })
            .collect()
    }
}

/// Locks the calling process down. Must run while the process has a single thread (the user
/// namespace needs it, and seccomp applies to the calling thread and its future children only).
pub fn install(plan: &SandboxPlan) -> SandboxReport {
    let mut report = SandboxReport::default();
    report.push("user+network namespace", namespaces::enter_user_and_network_namespaces());
    report.push("landlock", filesystem_rules::restrict(plan));
    report.push("seccomp", syscall_filter::install());
    report
}

/// Number of threads of this process (from /proc/self/status), if known.
pub fn thread_count() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find_map(|l| l.strip_prefix("Threads:")).and_then(|n| n.trim().parse().ok())
}
