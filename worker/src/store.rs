// The frame store inside the worker: current versions in memory, every kept version as a
// write-once Arrow IPC file, each frame's lineage, the manifest as the source of truth after a restart.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::atomic_file::{publish, write_atomically, TMP_SUFFIX};
use crate::dtype_names::python_name;
use crate::lineage::{frames_named_in, FrameLineage, FrameRead, LineageColumn, ReplayMode, Step, StepAction};
use crate::manifest::{now_unix_ms, FrameRecord, Manifest, ManifestError, Origin, VersionRecord};
use crate::protocol::{FrameHistoryView, FrameInfo, LlmProvenance};
use crate::session_folder::SessionFolder;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("there is no frame named `{name}`; {known}")]
    UnknownFrame { name: String, known: String },
    #[error("frame `{name}` has no earlier version to go back to; it is still at version {version}")]
    NothingToUndo { name: String, version: u32 },
    #[error("the staged file `{0}` is missing or not a file staged in the session folder")]
    BadStagedFile(String),
    #[error("the staged file `{0}` claims to come from the worker's own computation (an apply or a replay); only loads and Rust cells stage files")]
    AdoptedApply(String),
    #[error("the staged file `{staged}` is not a readable Arrow IPC file ({message})")]
    NotArrow { staged: String, message: String },
    #[error("cannot write a version of frame `{name}`: {message}")]
    Write { name: String, message: String },
    #[error("cannot read `{file}`: {message}")]
    Read { file: String, message: String },
    #[error("version {version} of frame `{name}` is no longer kept (its checkpoint was deleted: `max_versions` keeps the {kept} newest versions)")]
    VersionNotKept { name: String, version: u32, kept: usize },
    #[error(transparent)]
    Manifest(#[from] ManifestError),
    #[error("session folder error: {0}")]
    Io(#[from] io::Error),
}

/// Frames held by this worker.
pub struct FrameStore {
    folder: SessionFolder,
    manifest: Manifest,
    max_versions: usize,
    current: HashMap<String, DataFrame>,
}

/// The version a loaded file becomes; every commit adds one and numbers are never reused.
pub const FIRST_VERSION: u32 = 1;

/// What `open` found.
#[derive(Debug, Default)]
pub struct RestoreReport {
    pub frames_restored: usize,
    pub warnings: Vec<String>,
}

impl FrameStore {
    /// Opens the session: removes temporary and orphan files, then loads the current version of
    /// every frame listed in the manifest (walking back past unreadable versions, with a warning).
    pub fn open(folder: SessionFolder, max_versions: usize) -> Result<(FrameStore, RestoreReport), StoreError> {
        let manifest = Manifest::load(&folder.manifest_path())?;
        let mut store = FrameStore { folder, manifest, max_versions: max_versions.max(1), current: HashMap::new() };
        let mut report = RestoreReport::default();
        store.remove_leftovers(&mut report)?;
        let names: Vec<String> = store.manifest.frames.keys().cloned().collect();
        let mut manifest_changed = false;
        for name in names {
            let record = store.manifest.frames.get_mut(&name).expect("listed above");
            loop {
                let Some(version) = record.versions.last() else { break };
                match read_version_file(&store.folder.frames_dir().join(&version.file)) {
                    Ok(df) => {
                        store.current.insert(name.clone(), df);
                        report.frames_restored += 1;
                        break;
                    }
                    Err(e) => {
                        report.warnings.push(format!(
                            "frame `{name}` version {} could not be restored ({e}); it was dropped",
                            version.version
                        ));
                        record.versions.pop();
                        manifest_changed = true;
                    }
                }
            }
            if let Some(current) = record.versions.last().map(|v| v.version) {
                record.lineage.truncate_after(current);
            }
            if record.versions.is_empty() {
                store.manifest.frames.remove(&name);
            }
        }
        if manifest_changed {
            store.manifest.save(&store.folder.manifest_path())?;
        }
        Ok((store, report))
    }

    /// Temporary files of interrupted writes and version files the manifest does not list
    /// (written just before a crash, never committed) are removed.
    fn remove_leftovers(&self, report: &mut RestoreReport) -> io::Result<()> {
        let referenced: std::collections::HashSet<&str> =
            self.manifest.frames.values().flat_map(|f| f.versions.iter().map(|v| v.file.as_str())).collect();
        for entry in fs::read_dir(self.folder.frames_dir())? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if !referenced.contains(name.as_str()) {
                fs::remove_file(entry.path())?;
                if !name.ends_with(TMP_SUFFIX) {
                    report.warnings.push(format!("removed `{name}`, written but never committed"));
                }
            }
        }
        for entry in fs::read_dir(self.folder.exports_dir())? {
            fs::remove_file(entry?.path())?;
        }
        for entry in fs::read_dir(self.folder.root())? {
            let entry = entry?;
            if entry.file_name().to_string_lossy().ends_with(TMP_SUFFIX) {
                fs::remove_file(entry.path())?;
            }
        }
        Ok(())
    }

    pub fn folder(&self) -> &SessionFolder {
        &self.folder
    }

    pub fn set_max_versions(&mut self, max_versions: usize) {
        self.max_versions = max_versions.max(1);
    }

    /// The current version of a frame, with its record.
    pub fn frame(&self, name: &str) -> Result<(&DataFrame, &VersionRecord), StoreError> {
        match (self.current.get(name), self.manifest.frames.get(name)) {
            (Some(df), Some(record)) => Ok((df, record.current())),
            _ => Err(self.unknown(name)),
        }
    }

    /// Every frame's current data, by name (what feature code can see).
    pub fn current_frames(&self) -> &HashMap<String, DataFrame> {
        &self.current
    }

    pub fn current_version(&self, name: &str) -> Option<u32> {
        self.manifest.frames.get(name).map(|f| f.current().version)
    }

    fn unknown(&self, name: &str) -> StoreError {
        let known = if self.manifest.frames.is_empty() {
            "no frame is loaded yet (use `%fe load PATH`)".to_string()
        } else {
            let names: Vec<String> = self.manifest.frames.keys().map(|n| format!("`{n}`")).collect();
            format!("loaded frames: {}", names.join(", "))
        };
        StoreError::UnknownFrame { name: name.to_string(), known }
    }

    pub fn infos(&self) -> Vec<FrameInfo> {
        self.manifest
            .frames
            .iter()
            .filter_map(|(name, record)| {
                let df = self.current.get(name)?;
                Some(FrameInfo {
                    name: name.clone(),
                    version: record.current().version,
                    rows: df.height(),
                    columns: df.width(),
                    estimated_bytes: df.estimated_size(),
                    dtypes: df.dtypes().iter().map(python_name).collect(),
                })
            })
            .collect()
    }

    pub fn info(&self, name: &str) -> Result<FrameInfo, StoreError> {
        self.infos().into_iter().find(|i| i.name == name).ok_or_else(|| self.unknown(name))
    }

    /// The steps that built the current version of `name`, from its last load.
    pub fn lineage(&self, name: &str) -> Result<FrameLineage, StoreError> {
        let record = self.manifest.frames.get(name).ok_or_else(|| self.unknown(name))?;
        Ok(FrameLineage {
            name: name.to_string(),
            version: record.current().version,
            steps: record.lineage.current().to_vec(),
        })
    }

    /// The other frames `code` may read (see `frames_named_in`), as they are now.
    fn frames_read_by(&self, name: &str, code: &str) -> Vec<FrameRead> {
        let others = self.manifest.frames.keys().map(String::as_str).filter(|other| *other != name);
        frames_named_in(code, others)
            .into_iter()
            .filter_map(|other| {
                let record = self.manifest.frames.get(&other)?;
                Some(FrameRead { version: record.current().version, steps: record.lineage.current().to_vec(), name: other })
            })
            .collect()
    }

    pub fn history(&self, name: &str) -> Result<FrameHistoryView, StoreError> {
        let record = self.manifest.frames.get(name).ok_or_else(|| self.unknown(name))?;
        Ok(FrameHistoryView {
            name: name.to_string(),
            current: record.current().version,
            versions: record.versions.iter().map(VersionRecord::view).collect(),
        })
    }

    /// A kept version of `name`: its checkpoint, read (memory-mapped) from the session folder.
    pub fn kept_version(&self, name: &str, version: u32) -> Result<DataFrame, StoreError> {
        let record = self.manifest.frames.get(name).ok_or_else(|| self.unknown(name))?;
        if record.current().version == version {
            if let Some(df) = self.current.get(name) {
                return Ok(df.clone());
            }
        }
        match record.versions.iter().find(|v| v.version == version) {
            Some(kept) => read_version_file(&self.folder.frames_dir().join(&kept.file)),
            None => Err(StoreError::VersionNotKept { name: name.to_string(), version, kept: self.max_versions }),
        }
    }

    /// Commits `df` as the next version of `name` (file first, then the manifest).
    pub fn commit_apply(
        &mut self,
        name: &str,
        df: DataFrame,
        code: &str,
        llm: Option<LlmProvenance>,
    ) -> Result<VersionRecord, StoreError> {
        let reads = self.frames_read_by(name, code);
        let action = StepAction::Apply { code: code.to_string(), llm: llm.clone(), reads };
        self.commit_computed(name, df, Origin::Apply, Some(code.to_string()), llm, action)
    }

    /// Commits the result of `%fe replay` (the recipe `of` ran on `source`) as the next version
    /// of `name`; its lineage starts there.
    pub fn commit_replay(&mut self, name: &str, df: DataFrame, of: &FrameLineage, source: &str, mode: ReplayMode) -> Result<VersionRecord, StoreError> {
        let origin = Origin::Replay { of: of.name.clone(), of_version: of.version, source: source.to_string(), mode };
        let action = StepAction::Replay { of: of.name.clone(), of_version: of.version, source: source.to_string(), mode, steps: of.steps.clone() };
        self.commit_computed(name, df, origin, None, None, action)
    }

    /// Writes a version the worker computed, then records it with its lineage step.
    fn commit_computed(
        &mut self,
        name: &str,
        mut df: DataFrame,
        origin: Origin,
        code: Option<String>,
        llm: Option<LlmProvenance>,
        action: StepAction,
    ) -> Result<VersionRecord, StoreError> {
        let version = self.next_version(name);
        let file = SessionFolder::version_file_name(name, version);
        let path = self.folder.frames_dir().join(&file);
        df.rechunk_mut_par();
        write_atomically(&path, |out| {
            IpcWriter::new(out)
                .with_compression(None)
                .finish(&mut df)
                .map_err(|e| io::Error::other(e.to_string()))
        })
        .map_err(|e: io::Error| StoreError::Write { name: name.to_string(), message: e.to_string() })?;
        let record = VersionRecord { version, file, origin, code, llm, created_unix_ms: now_unix_ms(), rows: df.height(), columns: df.width() };
        let step = lineage_step(&record, action, &df);
        self.record_version(name, record.clone(), step, df, &path)?;
        Ok(record)
    }

    /// Adopts a file staged in `frames/` (by the loader or a Rust cell) as the next version of
    /// `name`.
    pub fn adopt(&mut self, name: &str, staged_file: &str, origin: Origin) -> Result<VersionRecord, StoreError> {
        let action = match &origin {
            Origin::Load { source } => StepAction::Load { source: source.clone() },
            Origin::RustCell { execution_count } => StepAction::RustCell { execution_count: *execution_count },
            Origin::Apply | Origin::Replay { .. } => return Err(StoreError::AdoptedApply(staged_file.to_string())),
        };
        let staged = self.staged_path(staged_file)?;
        let version = self.next_version(name);
        let file = SessionFolder::version_file_name(name, version);
        let path = self.folder.frames_dir().join(&file);
        if let Err(e) = File::open(&staged).and_then(|f| f.sync_all()).and_then(|_| publish(&staged, &path)) {
            let _ = fs::remove_file(&staged);
            return Err(StoreError::Io(e));
        }
        let df = match read_version_file(&path) {
            Ok(df) => df,
            Err(StoreError::Read { message, .. }) => {
                let _ = fs::remove_file(&path);
                return Err(StoreError::NotArrow { staged: staged_file.to_string(), message });
            }
            Err(e) => {
                let _ = fs::remove_file(&path);
                return Err(e);
            }
        };
        let record = VersionRecord {
            version,
            file,
            origin,
            code: None,
            llm: None,
            created_unix_ms: now_unix_ms(),
            rows: df.height(),
            columns: df.width(),
        };
        let step = lineage_step(&record, action, &df);
        self.record_version(name, record.clone(), step, df, &path)?;
        Ok(record)
    }

    /// Reads a file the loader staged in `frames/` (for `%fe replay`) and removes it.
    pub fn take_staged(&self, staged_file: &str) -> Result<DataFrame, StoreError> {
        let staged = self.staged_path(staged_file)?;
        let read = File::open(&staged)
            .map_err(|e| e.to_string())
            .and_then(|file| IpcReader::new(file).finish().map_err(|e| e.to_string()));
        let _ = fs::remove_file(&staged);
        read.map_err(|message| StoreError::NotArrow { staged: staged_file.to_string(), message })
    }

    /// The path of a file staged in `frames/`: a plain temporary file name, and an existing file.
    fn staged_path(&self, staged_file: &str) -> Result<PathBuf, StoreError> {
        let plain_name = Path::new(staged_file).file_name().map(|f| f == staged_file).unwrap_or(false);
        let staged = self.folder.frames_dir().join(staged_file);
        if !plain_name || !staged_file.ends_with(TMP_SUFFIX) || !staged.is_file() {
            return Err(StoreError::BadStagedFile(staged_file.to_string()));
        }
        Ok(staged)
    }

    fn next_version(&self, name: &str) -> u32 {
        self.manifest.frames.get(name).map(|f| f.next_version).unwrap_or(FIRST_VERSION)
    }

    /// Adds a written version to the manifest and saves it; on failure the new file is removed
    /// and the frame stays where it was. Version files beyond the bound are then deleted; their
    /// steps stay in the lineage.
    fn record_version(
        &mut self,
        name: &str,
        record: VersionRecord,
        step: Step,
        df: DataFrame,
        path: &Path,
    ) -> Result<(), StoreError> {
        let before = self.manifest.clone();
        let entry = self
            .manifest
            .frames
            .entry(name.to_string())
            .or_insert_with(|| FrameRecord { versions: Vec::new(), next_version: FIRST_VERSION, lineage: Default::default() });
        entry.next_version = record.version + 1;
        entry.versions.push(record);
        entry.lineage.push(step);
        let excess = entry.versions.len().saturating_sub(self.max_versions);
        let pruned: Vec<VersionRecord> = entry.versions.drain(..excess).collect();
        let oldest_kept = entry.versions[0].version;
        entry.lineage.forget_before(oldest_kept);
        if let Err(e) = self.manifest.save(&self.folder.manifest_path()) {
            self.manifest = before;
            let _ = fs::remove_file(path);
            return Err(e.into());
        }
        self.current.insert(name.to_string(), df);
        self.remove_version_files(&pruned);
        Ok(())
    }

    fn remove_version_files(&self, records: &[VersionRecord]) {
        for record in records {
            // Best effort: a file left here is removed as an orphan at the next start.
            let _ = fs::remove_file(self.folder.frames_dir().join(&record.file));
        }
    }

    /// Drops the current version of `name`; returns the new current record and the dropped number.
    pub fn undo(&mut self, name: &str) -> Result<(VersionRecord, u32), StoreError> {
        let record = self.manifest.frames.get(name).ok_or_else(|| self.unknown(name))?;
        if record.versions.len() < 2 {
            return Err(StoreError::NothingToUndo { name: name.to_string(), version: record.current().version });
        }
        let previous = record.versions[record.versions.len() - 2].clone();
        let df = read_version_file(&self.folder.frames_dir().join(&previous.file))?;
        let before = self.manifest.clone();
        let entry = self.manifest.frames.get_mut(name).expect("checked above");
        let dropped = entry.versions.pop().expect("two versions");
        entry.lineage.remove_last(dropped.version);
        if let Err(e) = self.manifest.save(&self.folder.manifest_path()) {
            self.manifest = before;
            return Err(e.into());
        }
        self.current.insert(name.to_string(), df);
        self.remove_version_files(std::slice::from_ref(&dropped));
        Ok((previous, dropped.version))
    }

    /// A path in `exports/` for a staged save.
    pub fn export_path(&self, name: &str, extension: &str) -> PathBuf {
        self.folder.exports_dir().join(format!("{name}.{}.{extension}", now_unix_ms()))
    }
}

/// The lineage step of a version record: what was done, and the columns it left.
fn lineage_step(record: &VersionRecord, action: StepAction, df: &DataFrame) -> Step {
    let columns = df
        .columns()
        .iter()
        .map(|c| LineageColumn { name: c.name().to_string(), dtype: python_name(c.dtype()) })
        .collect();
    Step { version: record.version, action, created_unix_ms: record.created_unix_ms, rows: record.rows, columns }
}

/// Reads a committed version file, memory-mapped. Sound because version files are write-once:
/// they are published by rename and never opened for writing again.
pub fn read_version_file(path: &Path) -> Result<DataFrame, StoreError> {
    let read_error = |message: String| StoreError::Read { file: path.display().to_string(), message };
    let file = File::open(path).map_err(|e| read_error(e.to_string()))?;
    // SAFETY: see the function comment; nothing in this crate writes to a published file.
    let reader = unsafe { IpcReader::new(file).memory_mapped(Some(path.to_path_buf())) };
    reader.set_rechunk(false).finish().map_err(|e| read_error(e.to_string()))
}

#[cfg(test)]
#[path = "store_lineage_tests.rs"]
mod lineage_tests;
