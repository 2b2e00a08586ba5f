// How many crates a build of evcxr's generated crate involves: `cargo metadata` on its folder
// (resolved for this machine's target), run beside the build so the progress can say "of N".

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crossbeam_channel::Receiver;

/// Counts in the background; the receiver gets the number of dependency packages (the
/// generated crate itself not included), or nothing if cargo could not tell.
pub fn count_in_background(crate_dir: PathBuf) -> Receiver<usize> {
    let (sender, receiver) = crossbeam_channel::bounded(1);
    let _ = std::thread::Builder::new().name("crate-count".into()).spawn(move || {
        if let Some(count) = dependency_count(&crate_dir) {
            let _ = sender.send(count);
        }
    });
    receiver
}

fn dependency_count(crate_dir: &Path) -> Option<usize> {
    let output = Command::new(cargo())
        .args(["metadata", "--format-version", "1", "--offline", "--filter-platform", host_target()?])
        .arg("--manifest-path")
        .arg(crate_dir.join("Cargo.toml"))
        .current_dir(crate_dir)
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).ok()?;
    let nodes = metadata["resolve"]["nodes"].as_array()?;
    Some(nodes.len().saturating_sub(1))
}

fn cargo() -> std::ffi::OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// `rustc -vV`'s host line (what evcxr builds for), asked once per kernel.
fn host_target() -> Option<&'static str> {
    static HOST: OnceLock<Option<String>> = OnceLock::new();
    HOST.get_or_init(|| {
        let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
        let output = Command::new(rustc).arg("-vV").output().ok()?;
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .find_map(|line| line.strip_prefix("host: ").map(str::to_string))
    })
    .as_deref()
}
