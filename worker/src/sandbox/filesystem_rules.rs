// Layer 2: Landlock. Write only the session folder; read only what the process needs (shared
// libraries, its own /proc entry, CPU/memory facts, time zones); no TCP.

use std::path::PathBuf;

use landlock::{
    path_beneath_rules, Access, AccessFs, AccessNet, CompatLevel, Compatible, LandlockStatus, Ruleset,
    RulesetAttr, RulesetCreatedAttr, RulesetStatus, Scope, ABI,
};

use super::{LayerState, SandboxPlan};

/// The ABI whose rights we ask for (file system, TCP, scopes); older kernels get what they have.
const REQUESTED_ABI: ABI = ABI::V7;

/// Read-only places every worker needs.
const SYSTEM_READ_PATHS: &[&str] = &[
    "/lib",
    "/lib64",
    "/usr/lib",
    "/usr/lib64",
    "/etc/ld.so.cache",
    "/etc/localtime",
    "/usr/share/zoneinfo",
    "/proc/self",
    "/proc/meminfo",
    "/proc/cpuinfo",
    "/proc/stat",
    "/sys/fs/cgroup",
    "/sys/devices/system/cpu",
    "/sys/devices/system/node",
    "/dev/urandom",
];

pub fn restrict(plan: &SandboxPlan) -> LayerState {
    match try_restrict(plan) {
        Ok(state) => state,
        Err(e) => LayerState::Unavailable { reason: e.to_string() },
    }
}

fn try_restrict(plan: &SandboxPlan) -> Result<LayerState, landlock::RulesetError> {
    let read = AccessFs::from_read(REQUESTED_ABI);
    let all = AccessFs::from_all(REQUESTED_ABI);
    let mut read_paths: Vec<PathBuf> = SYSTEM_READ_PATHS.iter().map(PathBuf::from).collect();
    if let Ok(exe) = std::env::current_exe() {
        read_paths.push(exe);
    }
    let write_paths = [plan.session_folder.clone(), PathBuf::from("/dev/null")];

    let status = Ruleset::default()
        .set_compatibility(CompatLevel::BestEffort)
        .handle_access(all)?
        .handle_access(AccessNet::BindTcp | AccessNet::ConnectTcp)?
        .scope(Scope::AbstractUnixSocket | Scope::Signal)?
        .create()?
        .add_rules(path_beneath_rules(read_paths, read))?
        .add_rules(path_beneath_rules(write_paths, all))?
        .restrict_self()?;

    let abi = match status.landlock {
        LandlockStatus::Available { effective_abi, .. } => format!("ABI {}", effective_abi as i32),
        LandlockStatus::NotEnabled => return Ok(LayerState::Unavailable { reason: "Landlock is built in but not enabled".into() }),
        LandlockStatus::NotImplemented => return Ok(LayerState::Unavailable { reason: "the kernel has no Landlock".into() }),
    };
    Ok(match status.ruleset {
        RulesetStatus::FullyEnforced => LayerState::InForce {
            detail: format!("{abi}: write only the session folder, read only system libraries (user files arrive as open descriptors), no TCP bind/connect, no abstract sockets or signals outside"),
        },
        RulesetStatus::PartiallyEnforced => LayerState::Partial {
            detail: format!("{abi}: older kernel, some rights (TCP, scopes or truncate/ioctl) not enforced"),
        },
        RulesetStatus::NotEnforced => LayerState::Unavailable { reason: format!("{abi}: ruleset not enforced") },
    })
}
