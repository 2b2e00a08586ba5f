// Files crossing the sandbox boundary: `load` and `replay` open the user's file here and hand the
// open file to the worker; `save` moves a file the worker staged to the user's path.

use std::fs::{self, File};
use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use super::load_sources::{self, LoadMode, LoadSource};
use super::{lock, shown, unexpected, WorkerControl, WorkerError};
use crate::atomic_file::{publish, tmp_path_for, TMP_SUFFIX};
use crate::frame_names::{check_frame_name, name_from_file_stem};
use crate::loader::{InputFormat, SUPPORTED_EXTENSIONS};
use crate::manifest::Origin;
use crate::protocol::{FrameInfo, Reply, Request, SaveFormat};
use crate::scan_source::{ScanFile, ScanFormat};

/// A frame written to the user's file system by `%fe save`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedFile {
    pub path: PathBuf,
    pub format: SaveFormat,
    pub rows: usize,
    pub columns: usize,
}

const NOTHING_CHANGED: &str = "no frame was changed";

impl WorkerControl {
    /// `%fe load PATH [as NAME]`: the worker reads the file handed over and commits it as the
    /// next version of NAME (the file stem by default).
    pub fn load(&self, path: &Path, name: Option<&str>) -> Result<FrameInfo, WorkerError> {
        self.load_as(path, name, LoadMode::Auto)
    }

    /// `load` with `--lazy` / `--eager`: a folder or glob, or a source larger than a quarter of
    /// the worker's memory (`Auto`), is kept as a scan (see `scan_source`).
    pub fn load_as(&self, path: &Path, name: Option<&str>, mode: LoadMode) -> Result<FrameInfo, WorkerError> {
        let name = match name {
            Some(name) => name.to_string(),
            None => path
                .file_stem()
                .and_then(|s| s.to_str())
                .and_then(name_from_file_stem)
                .ok_or_else(|| {
                    WorkerError::usage(format!(
                        "cannot derive a frame name from `{}`; give one with `%fe load PATH as NAME`",
                        shown(path)
                    ))
                })?,
        };
        check_frame_name(&name).map_err(|e| WorkerError::usage(e.to_string()))?;
        let resolved = load_sources::resolve(path).map_err(WorkerError::usage)?;
        let scan_above = self.limits().memory_bytes / 4;
        let (request, paths, files) = match resolved {
            LoadSource::File { path, format, bytes } => {
                let lazy = match mode {
                    LoadMode::Lazy => true,
                    LoadMode::Eager => false,
                    LoadMode::Auto => bytes > scan_above,
                };
                let scannable = ScanFormat::of(format);
                if lazy && scannable.is_none() && mode == LoadMode::Lazy {
                    return Err(WorkerError::usage(format!(
                        "cannot keep `{}` as a scan: only Parquet, CSV and Arrow IPC files can be scanned (load it without `--lazy`); {NOTHING_CHANGED}",
                        shown(&path)
                    )));
                }
                let (_, file) = open_source(&path)?;
                let request = match scannable.filter(|_| lazy) {
                    Some(format) => {
                        let shown = path.display().to_string();
                        Request::LoadScan { name, source: shown.clone(), format, files: vec![ScanFile { path: shown, hive: Vec::new() }] }
                    }
                    None => Request::Load { name, source: path.display().to_string() },
                };
                (request, vec![path], vec![file])
            }
            LoadSource::Files { shown: source, format, files, .. } => {
                if mode == LoadMode::Eager {
                    return Err(WorkerError::usage(format!(
                        "`--eager` loads one file; `{source}` names {} files, which are kept as one scan (leave out `--eager`); {NOTHING_CHANGED}",
                        files.len()
                    )));
                }
                let mut opened = Vec::with_capacity(files.len());
                for (path, _) in &files {
                    opened.push(open_source(path)?.1);
                }
                let (paths, wanted): (Vec<PathBuf>, Vec<ScanFile>) = files.into_iter().unzip();
                (Request::LoadScan { name, source, format, files: wanted }, paths, opened)
            }
        };
        let reply = {
            let mut slot = lock(&self.worker);
            self.request_locked(&mut slot, &request, &files)
        };
        // A version read from them may need them again after a crash (see `finish_restore`).
        if reply.is_ok() {
            lock(&self.sources).extend(paths);
        }
        match reply? {
            Reply::Adopted { frame } => Ok(frame),
            other => Err(unexpected(other)),
        }
    }

    /// Sends `make(canonical path)` with `path` opened and handed over (`%fe replay`).
    pub(super) fn request_with_source(&self, path: &Path, make: impl FnOnce(&Path) -> Request) -> Result<Reply, WorkerError> {
        let (source, file) = open_source(path)?;
        let mut slot = lock(&self.worker);
        self.request_locked(&mut slot, &make(&source), std::slice::from_ref(&file))
    }

    /// A fresh path in the session's `frames/` folder where a process other than the worker (the
    /// Rust cells) may write one Arrow IPC file for [`adopt_staged`](Self::adopt_staged).
    pub fn staging_path(&self, name: &str) -> Result<PathBuf, WorkerError> {
        check_frame_name(name).map_err(|e| WorkerError::usage(e.to_string()))?;
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        Ok(lock(&self.config).session.frames_dir().join(format!(".handover-{name}-{nanos}.arrow{TMP_SUFFIX}")))
    }

    /// Adopts a file written at a [`staging_path`](Self::staging_path) as the next version of
    /// `name` (the worker checks it is a readable Arrow IPC file); the staged file is removed
    /// whatever happens.
    pub fn adopt_staged(&self, name: &str, staged: &Path, origin: Origin) -> Result<FrameInfo, WorkerError> {
        let frames_dir = lock(&self.config).session.frames_dir();
        let staged_file = staged
            .file_name()
            .and_then(|f| f.to_str())
            .filter(|f| staged.parent() == Some(frames_dir.as_path()) && f.ends_with(TMP_SUFFIX))
            .map(str::to_string);
        let Some(staged_file) = staged_file else {
            let _ = fs::remove_file(staged);
            return Err(WorkerError::usage(format!("`{}` is not a staging path of this session", shown(staged))));
        };
        let adopted = self.request(Request::Adopt { name: name.to_string(), staged_file, origin });
        let _ = fs::remove_file(staged);
        match adopted? {
            Reply::Adopted { frame } => Ok(frame),
            other => Err(unexpected(other)),
        }
    }

    /// `%fe save NAME PATH`: the worker writes into its session folder; the file is then moved
    /// to `destination` (the worker itself can write nowhere else).
    pub fn save(&self, name: &str, destination: &Path) -> Result<SavedFile, WorkerError> {
        let format = SaveFormat::from_path(destination).ok_or_else(|| {
            WorkerError::usage(format!(
                "cannot save to `{}`: use a .parquet, .csv or .arrow file name",
                shown(destination)
            ))
        })?;
        let destination = if destination.is_absolute() {
            destination.to_path_buf()
        } else {
            std::env::current_dir().map(|d| d.join(destination)).unwrap_or_else(|_| destination.to_path_buf())
        };
        if destination.is_dir() {
            return Err(WorkerError::usage(format!("cannot save to `{}`: it is a folder", shown(&destination))));
        }
        // Folders on the way are created, as `mkdir -p` would.
        if let Some(folder) = destination.parent() {
            fs::create_dir_all(folder).map_err(|e| {
                WorkerError::usage(format!("cannot save to `{}`: cannot create its folder: {e}", shown(&destination)))
            })?;
        }
        let (staged, rows, columns) = match self.request(Request::Save { name: name.into(), format })? {
            Reply::Saved { staged_file, rows, columns } => (staged_file, rows, columns),
            other => return Err(unexpected(other)),
        };
        // The worker names the staged file; accept only a file directly in its exports folder.
        let exports = self.session().exports_dir();
        let inside = staged.parent().and_then(|p| p.canonicalize().ok()) == exports.canonicalize().ok()
            && staged.file_name().is_some();
        if !inside {
            return Err(WorkerError::WorkerCrashed {
                message: format!("the worker staged `{}` outside its exports folder; refused", shown(&staged)),
            });
        }
        let moved = move_into_place(&staged, &destination);
        let _ = fs::remove_file(&staged);
        moved.map_err(|e| WorkerError::ExecutionError {
            message: format!("cannot write `{}`: {e}", shown(&destination)),
            rendered: None,
            diagnostics: Vec::new(),
        })?;
        Ok(SavedFile { path: destination, format, rows, columns })
    }
}

/// Checks that `path` is a file of a known format and opens it: its canonical path and the file.
fn open_source(path: &Path) -> Result<(PathBuf, File), WorkerError> {
    if InputFormat::from_path(path).is_none() {
        return Err(WorkerError::usage(format!(
            "cannot load `{}`: unknown file type (supported: {SUPPORTED_EXTENSIONS}); {NOTHING_CHANGED}",
            shown(path)
        )));
    }
    let refused = |e: io::Error| match e.kind() {
        io::ErrorKind::NotFound => WorkerError::usage(format!("cannot load `{}`: no such file; {NOTHING_CHANGED}", shown(path))),
        _ => WorkerError::usage(format!("cannot load `{}`: {e}; {NOTHING_CHANGED}", shown(path))),
    };
    let source = path.canonicalize().map_err(refused)?;
    if !source.is_file() {
        return Err(WorkerError::usage(format!("cannot load `{}`: it is not a file; {NOTHING_CHANGED}", shown(path))));
    }
    let file = File::open(&source).map_err(refused)?;
    Ok((source, file))
}

/// Renames (same file system) or copies through `<destination>.tmp` (across file systems).
fn move_into_place(staged: &Path, destination: &Path) -> io::Result<()> {
    let result = match fs::rename(staged, destination) {
        Ok(()) => crate::atomic_file::sync_folder_of(destination),
        Err(e) if e.raw_os_error() == Some(libc::EXDEV) => {
            let tmp = tmp_path_for(destination);
            let copied = fs::copy(staged, &tmp)
                .and_then(|_| fs::File::open(&tmp)?.sync_all())
                .and_then(|_| publish(&tmp, destination));
            if copied.is_err() {
                let _ = fs::remove_file(&tmp);
            }
            copied
        }
        Err(e) => Err(e),
    };
    result?;
    fs::set_permissions(destination, fs::Permissions::from_mode(0o644))
}
