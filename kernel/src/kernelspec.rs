// `fekernel install` / `uninstall`: writes or removes the kernelspec (kernel.json + logos)
// in the Jupyter data directory chosen by --user, --sys-prefix or --prefix.

use std::path::{Path, PathBuf};
use std::process::Command;

use jupyter_protocol::JupyterKernelspec;

const TEMPLATE: &str = include_str!("../../kernelspec/kernel.json");
const LOGO_32: &[u8] = include_bytes!("../../kernelspec/logo-32x32.png");
const LOGO_64: &[u8] = include_bytes!("../../kernelspec/logo-64x64.png");
pub const DEFAULT_NAME: &str = "fekernel";

#[derive(Debug, thiserror::Error)]
pub enum KernelspecError {
    #[error("kernel name {0:?} is invalid: use letters, digits, '.', '_' and '-' only")]
    BadName(String),
    #[error("cannot find the home directory for --user (set JUPYTER_DATA_DIR)")]
    NoHome,
    #[error("--sys-prefix: no VIRTUAL_ENV and `python3 -c 'import sys; print(sys.prefix)'` failed: {0}")]
    NoSysPrefix(String),
    #[error("cannot find the path of the fekernel binary: {0}")]
    NoExecutable(std::io::Error),
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("no kernelspec named {name:?} in {dir}")]
    NotInstalled { name: String, dir: PathBuf },
    #[error("cannot remove {path}: {source}")]
    Remove { path: PathBuf, source: std::io::Error },
}

/// Where the kernelspec goes (Jupyter's own three choices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The Jupyter user data directory.
    User,
    /// The active Python environment's `share/jupyter`.
    SysPrefix,
    /// `DIR/share/jupyter`.
    Prefix(PathBuf),
}

impl Location {
    /// The `kernels` directory of this location.
    pub fn kernels_dir(&self) -> Result<PathBuf, KernelspecError> {
        let data_dir = match self {
            Location::User => user_data_dir()?,
            Location::SysPrefix => sys_prefix()?.join("share").join("jupyter"),
            Location::Prefix(dir) => dir.join("share").join("jupyter"),
        };
        Ok(data_dir.join("kernels"))
    }
}

/// jupyter_core's rule: $JUPYTER_DATA_DIR, else the platform's user data directory.
fn user_data_dir() -> Result<PathBuf, KernelspecError> {
    if let Some(dir) = std::env::var_os("JUPYTER_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    let home = dirs::home_dir().ok_or(KernelspecError::NoHome)?;
    if cfg!(target_os = "macos") {
        return Ok(home.join("Library").join("Jupyter"));
    }
    let xdg = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()).map(PathBuf::from);
    Ok(xdg.unwrap_or_else(|| home.join(".local").join("share")).join("jupyter"))
}

fn sys_prefix() -> Result<PathBuf, KernelspecError> {
    if let Some(venv) = std::env::var_os("VIRTUAL_ENV").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(venv));
    }
    let output = Command::new("python3")
        .args(["-c", "import sys; print(sys.prefix)"])
        .output()
        .map_err(|e| KernelspecError::NoSysPrefix(e.to_string()))?;
    let prefix = String::from_utf8_lossy(&output.stdout).trim().to_string();
    if !output.status.success() || prefix.is_empty() {
        return Err(KernelspecError::NoSysPrefix(String::from_utf8_lossy(&output.stderr).trim().to_string()));
    }
    Ok(PathBuf::from(prefix))
}

fn check_name(name: &str) -> Result<(), KernelspecError> {
    let valid = !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
        && name.chars().any(|c| c != '.');
    if valid {
        Ok(())
    } else {
        Err(KernelspecError::BadName(name.to_string()))
    }
}

/// The kernel.json for a binary at `executable`.
pub fn kernel_json(executable: &Path, display_name: Option<&str>) -> String {
    let mut spec: JupyterKernelspec = serde_json::from_str(TEMPLATE).expect("kernelspec/kernel.json is valid");
    spec.argv[0] = executable.to_string_lossy().into_owned();
    if let Some(display_name) = display_name {
        spec.display_name = display_name.to_string();
    }
    serde_json::to_string_pretty(&spec).expect("kernelspecs serialise") + "\n"
}

/// Writes `<kernels dir>/<name>/` and returns that directory.
pub fn install(location: &Location, name: &str, display_name: Option<&str>) -> Result<PathBuf, KernelspecError> {
    check_name(name)?;
    let executable = std::env::current_exe()
        .and_then(|path| path.canonicalize())
        .map_err(KernelspecError::NoExecutable)?;
    let dir = location.kernels_dir()?.join(name);
    let write = |path: PathBuf, bytes: &[u8]| {
        std::fs::write(&path, bytes).map_err(|source| KernelspecError::Write { path, source })
    };
    std::fs::create_dir_all(&dir).map_err(|source| KernelspecError::Write { path: dir.clone(), source })?;
    write(dir.join("kernel.json"), kernel_json(&executable, display_name).as_bytes())?;
    write(dir.join("logo-32x32.png"), LOGO_32)?;
    write(dir.join("logo-64x64.png"), LOGO_64)?;
    Ok(dir)
}

/// Removes `<kernels dir>/<name>/` and returns the removed directory.
pub fn uninstall(location: &Location, name: &str) -> Result<PathBuf, KernelspecError> {
    check_name(name)?;
    let kernels = location.kernels_dir()?;
    let dir = kernels.join(name);
    if !dir.join("kernel.json").is_file() {
        return Err(KernelspecError::NotInstalled { name: name.to_string(), dir: kernels });
    }
    std::fs::remove_dir_all(&dir).map_err(|source| KernelspecError::Remove { path: dir.clone(), source })?;
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernel_json_runs_this_binary_with_message_interrupts() {
        let json: serde_json::Value = serde_json::from_str(&kernel_json(Path::new("/opt/fe/fekernel"), None)).unwrap();
        assert_eq!(json["argv"], serde_json::json!(["/opt/fe/fekernel", "run", "--connection-file", "{connection_file}"]));
        assert_eq!(json["interrupt_mode"], "message");
        assert_eq!(json["language"], "rust");
        assert!(json["display_name"].as_str().unwrap().contains("fekernel"));
        // jupyter_client rejects null for these (traitlets Dict).
        assert!(json["env"].is_object() && json["metadata"].is_object());
    }

    #[test]
    fn logos_are_pngs() {
        for logo in [LOGO_32, LOGO_64] {
            assert_eq!(&logo[..8], b"\x89PNG\r\n\x1a\n");
        }
    }

    #[test]
    fn prefix_install_and_uninstall() {
        let root = std::env::temp_dir().join(format!("fekernel-spec-{}", std::process::id()));
        let location = Location::Prefix(root.clone());
        let dir = install(&location, "fe-test", Some("FE test")).unwrap();
        assert_eq!(dir, root.join("share/jupyter/kernels/fe-test"));
        let json: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("kernel.json")).unwrap()).unwrap();
        assert_eq!(json["display_name"], "FE test");
        assert!(Path::new(json["argv"][0].as_str().unwrap()).is_absolute());
        assert!(dir.join("logo-64x64.png").is_file());
        uninstall(&location, "fe-test").unwrap();
        assert!(!dir.exists());
        assert!(matches!(uninstall(&location, "fe-test"), Err(KernelspecError::NotInstalled { .. })));
        assert!(matches!(install(&location, "../evil", None), Err(KernelspecError::BadName(_))));
        assert!(matches!(install(&location, "..", None), Err(KernelspecError::BadName(_))));
        std::fs::remove_dir_all(root).ok();
    }
}
