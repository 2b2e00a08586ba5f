// The per-kernel session folder: where it lives ($XDG_RUNTIME_DIR/fekernel/ or
// ~/.local/state/fekernel/sessions/), its layout, and creating it with mode 0700.

use std::fs;
use std::io;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Subfolder holding `<name>.<version>.arrow` files.
pub const FRAMES_DIR: &str = "frames";
/// Subfolder where `save` stages files before the kernel moves them to the user's path.
pub const EXPORTS_DIR: &str = "exports";
/// The manifest file name.
pub const MANIFEST_FILE: &str = "manifest.json";

/// A session folder (the worker's whole writable world).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionFolder {
    root: PathBuf,
}

impl SessionFolder {
    /// The folder that holds every session of this user.
    pub fn sessions_root() -> io::Result<PathBuf> {
        if let Some(runtime) = std::env::var_os("XDG_RUNTIME_DIR").filter(|v| !v.is_empty()) {
            let runtime = PathBuf::from(runtime);
            if runtime.is_dir() {
                return Ok(runtime.join("fekernel"));
            }
        }
        let home = std::env::var_os("HOME")
            .filter(|v| !v.is_empty())
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "neither XDG_RUNTIME_DIR nor HOME is set"))?;
        Ok(PathBuf::from(home).join(".local/state/fekernel/sessions"))
    }

    /// Creates (or reuses) the session folder `<sessions_root>/<session_id>`.
    pub fn create_for_session(session_id: &str) -> io::Result<SessionFolder> {
        let safe_id: String =
            session_id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
        if safe_id.is_empty() {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "empty session id"));
        }
        SessionFolder::create_at(&Self::sessions_root()?.join(safe_id))
    }

    /// Creates (or reuses) a session folder at `root`, with its subfolders, all mode 0700.
    pub fn create_at(root: &Path) -> io::Result<SessionFolder> {
        fs::DirBuilder::new().recursive(true).mode(0o700).create(root)?;
        fs::set_permissions(root, fs::Permissions::from_mode(0o700))?;
        for sub in [FRAMES_DIR, EXPORTS_DIR] {
            fs::DirBuilder::new().recursive(true).mode(0o700).create(root.join(sub))?;
        }
        let root = root.canonicalize()?;
        Ok(SessionFolder { root })
    }

    /// An existing session folder (the worker side: it never creates one).
    pub fn open_existing(root: &Path) -> io::Result<SessionFolder> {
        let root = root.canonicalize()?;
        for sub in [FRAMES_DIR, EXPORTS_DIR] {
            if !root.join(sub).is_dir() {
                fs::DirBuilder::new().mode(0o700).create(root.join(sub))?;
            }
        }
        Ok(SessionFolder { root })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
    pub fn frames_dir(&self) -> PathBuf {
        self.root.join(FRAMES_DIR)
    }
    pub fn exports_dir(&self) -> PathBuf {
        self.root.join(EXPORTS_DIR)
    }
    pub fn manifest_path(&self) -> PathBuf {
        self.root.join(MANIFEST_FILE)
    }
    /// File name (inside `frames/`) of a committed version.
    pub fn version_file_name(name: &str, version: u32) -> String {
        format!("{name}.{version}.arrow")
    }

    /// Deletes the whole session (the kernel does this on shutdown and restart from Jupyter).
    pub fn remove(&self) -> io::Result<()> {
        match fs::remove_dir_all(&self.root) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            other => other,
        }
    }
}
