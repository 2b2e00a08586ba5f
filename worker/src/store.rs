// The frame store inside the worker: current versions in memory, every kept version as a
// write-once Arrow IPC file, each frame's lineage, the manifest as the source of truth after a restart.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::atomic_file::{publish, TMP_SUFFIX};
use crate::checkpoint_writer::CheckpointWriter;
use crate::dtype_names::python_name;
use crate::lineage::{frames_named_in, FrameLineage, FrameRead, LineageColumn, ReplayMode, Step, StepAction};
use crate::manifest::{now_unix_ms, FrameRecord, Manifest, ManifestError, Origin, SourceIdentity, VersionRecord};
use crate::protocol::{FrameHistoryView, FrameInfo, LlmProvenance};
use crate::rebuild::{self, RebuildError, Rebuilder};
use crate::scan_source::OpenScan;
use crate::scanned_frames::{OtherFrames, ScannedFrame, ScannedVersion};
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
    #[error("frame `{name}` is kept as a scan of `{from}` (it is not in memory); {what} needs a frame in memory: load a smaller part of it with `%fe load PATH as NAME --eager`")]
    Scanned { name: String, from: String, what: String },
    #[error("cannot scan `{from}`: {message}")]
    Scan { from: String, message: String },
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
    /// Frames with versions kept as scans (their current version is one when its record says so).
    scanned: HashMap<String, ScannedFrame>,
    /// Writes checkpoint files after the reply; every later file change of `frames/` goes
    /// through it too, in order.
    checkpoints: CheckpointWriter,
    /// While a restore waits for the kernel to hand over source files.
    restoring: Option<Restoring>,
    /// `checkpoints=sync`: a commit returns once its checkpoint file is written.
    sync_checkpoints: bool,
}

/// The state of a restore that needs source files (see `FrameStore::awaiting_sources`).
struct Restoring {
    may_rebuild: bool,
    supplied: HashMap<(String, u32), DataFrame>,
    unavailable: HashMap<(String, u32), String>,
    awaiting: Vec<SourceNeed>,
    /// Versions rebuilt so far: their checkpoints are written once the restore is finished
    /// (after the leftovers of the previous worker are removed).
    rebuilt: Vec<(String, u32, DataFrame)>,
    /// Scanned sources handed over again, by the version that needs them.
    scans: HashMap<(String, u32), OpenScan>,
}

/// A version to be read from its source file again, which only the kernel can open.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SourceNeed {
    pub name: String,
    pub version: u32,
    pub source: String,
    pub identity: Option<SourceIdentity>,
    /// For a version kept as a scan: every file of its source, in order (`source` is then what
    /// the user named).
    #[serde(default)]
    pub scan_files: Vec<String>,
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
    /// Opens the session: loads the current version of every frame listed in the manifest from
    /// its checkpoint, rebuilds a version whose checkpoint was not written yet from its recorded
    /// step (walking back past versions that can be neither read nor rebuilt, with a warning),
    /// then removes temporary and orphan files. A version that must be read from its source
    /// file again waits for the kernel to hand it over (see `awaiting_sources`).
    pub fn open(folder: SessionFolder, max_versions: usize) -> Result<(FrameStore, RestoreReport), StoreError> {
        let manifest = Manifest::load(&folder.manifest_path())?;
        let checkpoints = CheckpointWriter::start()?;
        let mut report = RestoreReport::default();
        // A rebuild that killed the previous worker is not tried again.
        let may_rebuild = !rebuild::marker_present(&folder);
        if !may_rebuild {
            report.warnings.push(
                "the previous worker stopped while rebuilding versions whose checkpoints were not written; those versions were dropped".into(),
            );
        }
        let restoring = Restoring {
            may_rebuild,
            supplied: HashMap::new(),
            unavailable: HashMap::new(),
            awaiting: Vec::new(),
            rebuilt: Vec::new(),
            scans: HashMap::new(),
        };
        let mut store = FrameStore {
            folder,
            manifest,
            max_versions: max_versions.max(1),
            current: HashMap::new(),
            scanned: HashMap::new(),
            checkpoints,
            restoring: Some(restoring),
            sync_checkpoints: false,
        };
        let _ = fs::write(rebuild::marker_path(&store.folder), b"");
        store.restore_pending(&mut report)?;
        Ok((store, report))
    }

    /// Restores every frame not restored yet; when nothing waits for a source any more, the
    /// restore is finished (marker and leftovers removed).
    fn restore_pending(&mut self, report: &mut RestoreReport) -> Result<(), StoreError> {
        let Some(mut restoring) = self.restoring.take() else { return Ok(()) };
        restoring.awaiting.clear();
        let names: Vec<String> = self
            .manifest
            .frames
            .iter()
            .filter(|(n, record)| !self.current.contains_key(*n) && !self.is_scanned_now(n) && record.current().scan.is_none())
            .map(|(n, _)| n.clone())
            .collect();
        let scanned_names: Vec<String> = self
            .manifest
            .frames
            .iter()
            .filter(|(n, record)| record.current().scan.is_some() && !self.is_scanned_now(n))
            .map(|(n, _)| n.clone())
            .collect();
        let mut restored = Vec::new();
        let mut dropped: Vec<(String, u32)> = Vec::new();
        {
            let mut rebuilder = Rebuilder::new(&self.folder, &self.manifest);
            for ((name, version), df) in &restoring.supplied {
                rebuilder.supply(name, *version, df.clone());
            }
            for name in &names {
                let versions: Vec<(u32, String)> =
                    self.manifest.frames[name].versions.iter().rev().map(|v| (v.version, v.file.clone())).collect();
                for (version, file) in versions {
                    let has_file = self.folder.frames_dir().join(&file).exists();
                    if !has_file && !restoring.may_rebuild {
                        report.warnings.push(format!("frame `{name}` version {version} was dropped: its checkpoint was never written"));
                        dropped.push((name.clone(), version));
                        continue;
                    }
                    match rebuilder.resolve(name, version) {
                        Ok(df) => {
                            restored.push((name.clone(), df));
                            break;
                        }
                        Err(RebuildError::NeedsSource { name: source_of, version: source_version, path })
                            if !restoring.unavailable.contains_key(&(source_of.clone(), source_version)) =>
                        {
                            let identity = self.source_identity(&source_of, source_version);
                            restoring.awaiting.push(SourceNeed { name: source_of, version: source_version, source: path, identity, scan_files: Vec::new() });
                            break;
                        }
                        Err(RebuildError::NeedsSource { name: source_of, version: source_version, path: source }) => {
                            let reason = &restoring.unavailable[&(source_of.clone(), source_version)];
                            report.warnings.push(format!(
                                "frame `{name}` version {version} could not be restored: it needs `{source}` as it was when frame `{source_of}` version {source_version} was loaded, and {reason}; it was dropped"
                            ));
                            dropped.push((name.clone(), version));
                        }
                        Err(e) => {
                            report.warnings.push(restore_warning(name, version, &e));
                            dropped.push((name.clone(), version));
                        }
                    }
                }
            }
            restoring.rebuilt.extend(rebuilder.take_rebuilt());
        }
        for (name, version) in dropped {
            let record = self.manifest.frames.get_mut(&name).expect("listed above");
            record.versions.retain(|v| v.version != version);
            if let Some(current) = record.versions.last().map(|v| v.version) {
                record.lineage.truncate_after(current);
            } else {
                self.manifest.frames.remove(&name);
            }
            self.manifest.save(&self.folder.manifest_path())?;
        }
        for (name, df) in restored {
            self.current.insert(name, df);
            report.frames_restored += 1;
        }
        for name in scanned_names {
            self.restore_scanned(&name, &mut restoring, report)?;
        }
        restoring.awaiting.sort_by(|a, b| (&a.name, a.version).cmp(&(&b.name, b.version)));
        restoring.awaiting.dedup_by(|a, b| (&a.name, a.version) == (&b.name, b.version));
        if restoring.awaiting.is_empty() {
            let _ = fs::remove_file(rebuild::marker_path(&self.folder));
            self.remove_leftovers()?;
            self.write_rebuilt(restoring.rebuilt);
        } else {
            self.restoring = Some(restoring);
        }
        Ok(())
    }

    /// Re-plans the current version of a scanned frame from its source, once the kernel handed
    /// the files over again; a source that changed drops the frame with a warning naming the file.
    fn restore_scanned(&mut self, name: &str, restoring: &mut Restoring, report: &mut RestoreReport) -> Result<(), StoreError> {
        let record = &self.manifest.frames[name];
        let current = record.current().clone();
        let scan_record = current.scan.clone().expect("a scanned version");
        let key = (name.to_string(), current.version);
        if let Some(reason) = restoring.unavailable.get(&key) {
            report.warnings.push(format!(
                "frame `{name}` (kept as a scan of `{}`) could not be restored: {reason}; load it again with `%fe load`",
                scan_record.source
            ));
            self.manifest.frames.remove(name);
            self.manifest.save(&self.folder.manifest_path())?;
            return Ok(());
        }
        let Some(scan) = restoring.scans.remove(&key) else {
            restoring.awaiting.push(SourceNeed {
                name: name.to_string(),
                version: current.version,
                source: scan_record.source.clone(),
                identity: None,
                scan_files: scan_record.files.iter().map(|f| f.file.path.clone()).collect(),
            });
            return Ok(());
        };
        let steps = record.lineage.current().to_vec();
        let loaded_as = steps.first().map(|s| s.version).unwrap_or(current.version);
        let others = self.other_frames(name);
        let replanned = ScannedFrame::load(scan, loaded_as)
            .map_err(|e| e.to_string())
            .and_then(|mut frame| frame.replan(name, current.version, &steps, &others).map(|_| frame));
        match replanned {
            Ok(frame) => {
                self.scanned.insert(name.to_string(), frame);
                report.frames_restored += 1;
            }
            Err(reason) => {
                report.warnings.push(format!("frame `{name}` version {} could not be re-planned ({reason}); it was dropped", current.version));
                self.manifest.frames.remove(name);
                self.manifest.save(&self.folder.manifest_path())?;
            }
        }
        Ok(())
    }

    /// True when `name`'s current version is a scan already planned in this worker.
    fn is_scanned_now(&self, name: &str) -> bool {
        let current = self.manifest.frames.get(name).map(|r| r.current().version);
        match (current, self.scanned.get(name)) {
            (Some(version), Some(frame)) => frame.versions.contains_key(&version),
            _ => false,
        }
    }

    /// Sources the kernel must hand over before the restore can finish (empty once it has).
    pub fn awaiting_sources(&self) -> Vec<SourceNeed> {
        self.restoring.as_ref().map(|r| r.awaiting.clone()).unwrap_or_default()
    }

    /// The kernel handed over the source of `name` at `version` (read from `file`), or said why
    /// it cannot (`Err(reason)`); the restore continues with it.
    pub fn provide_source(&mut self, name: &str, version: u32, files: Result<Vec<fs::File>, String>) -> Result<RestoreReport, StoreError> {
        let mut report = RestoreReport::default();
        let scan_record = self.manifest.frames.get(name).and_then(|r| r.versions.iter().find(|v| v.version == version)).and_then(|v| v.scan.clone());
        if let Some(scan_record) = scan_record {
            let Some(restoring) = self.restoring.as_mut() else { return Ok(report) };
            let key = (name.to_string(), version);
            match files.and_then(|files| OpenScan::reopen(&scan_record, files)) {
                Ok(scan) => {
                    restoring.scans.insert(key, scan);
                }
                Err(reason) => {
                    restoring.unavailable.insert(key, reason);
                }
            }
            self.restore_pending(&mut report)?;
            return Ok(report);
        }
        let file = files.and_then(|files| files.into_iter().next().ok_or_else(|| "no file was handed over".to_string()));
        let expected = self.source_identity(name, version);
        let Some(restoring) = self.restoring.as_mut() else { return Ok(report) };
        let source = restoring.awaiting.iter().find(|n| n.name == name && n.version == version).map(|n| n.source.clone());
        let read = file.and_then(|file| {
            let now = SourceIdentity::of(&file).map_err(|e| e.to_string())?;
            match expected.as_ref().map(|then| then.difference(&now)) {
                None => return Err("its identity when it was loaded is not recorded".into()),
                Some(Some(difference)) => return Err(format!("the file changed since it was loaded ({difference})")),
                Some(None) => {}
            }
            crate::loader::read_source(file, source.as_deref().unwrap_or_default())
        });
        let key = (name.to_string(), version);
        match read {
            Ok(df) => {
                restoring.supplied.insert(key, df);
            }
            Err(reason) => {
                restoring.unavailable.insert(key, reason);
            }
        }
        self.restore_pending(&mut report)?;
        Ok(report)
    }

    /// The identity recorded when `name` at `version` was loaded.
    fn source_identity(&self, name: &str, version: u32) -> Option<SourceIdentity> {
        let record = self.manifest.frames.get(name)?.versions.iter().find(|v| v.version == version)?;
        match &record.origin {
            Origin::Load { identity, .. } => *identity,
            _ => None,
        }
    }

    /// Temporary files of interrupted writes and version files the manifest does not list (of
    /// versions dropped by undo or `max_versions` whose removal had not run yet, or staged and
    /// not adopted) are removed: no kept version needs them.
    fn remove_leftovers(&self) -> io::Result<()> {
        let referenced: std::collections::HashSet<&str> =
            self.manifest.frames.values().flat_map(|f| f.versions.iter().map(|v| v.file.as_str())).collect();
        for entry in fs::read_dir(self.folder.frames_dir())? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if !referenced.contains(name.as_str()) {
                fs::remove_file(entry.path())?;
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

    pub fn set_sync_checkpoints(&mut self, sync: bool) {
        self.sync_checkpoints = sync;
    }

    /// The current version of a frame, with its record.
    pub fn frame(&self, name: &str) -> Result<(&DataFrame, &VersionRecord), StoreError> {
        self.frame_for(name, "this command")
    }

    /// `frame`, saying which command (`what`) needs the frame in memory when it is a scan.
    pub fn frame_for(&self, name: &str, what: &str) -> Result<(&DataFrame, &VersionRecord), StoreError> {
        let record = self.manifest.frames.get(name).map(FrameRecord::current);
        if let Some(scan) = record.and_then(|r| r.scan.as_ref()) {
            return Err(StoreError::Scanned { name: name.to_string(), from: scan.source.clone(), what: what.to_string() });
        }
        match (self.current.get(name), record) {
            (Some(df), Some(record)) => Ok((df, record)),
            _ => Err(self.unknown(name)),
        }
    }

    /// The current data of `name`, or its sample when it is kept as a scan (then `true`).
    pub fn frame_or_sample(&self, name: &str) -> Result<(&DataFrame, &VersionRecord, bool), StoreError> {
        match self.scanned(name) {
            Some((scanned, record)) => Ok((&scanned.sample, record, true)),
            None => self.frame(name).map(|(df, record)| (df, record, false)),
        }
    }

    /// The current version of `name` when it is kept as a scan, with its record.
    pub fn scanned(&self, name: &str) -> Option<(&ScannedVersion, &VersionRecord)> {
        let record = self.manifest.frames.get(name)?.current();
        record.scan.as_ref()?;
        Some((self.scanned.get(name)?.versions.get(&record.version)?, record))
    }

    /// Every frame as a plan: frames in memory as their data, scanned ones as their plans
    /// (what feature code on a frame in memory can read).
    pub fn plans(&self) -> crate::cell_runner::Plans {
        let mut plans: crate::cell_runner::Plans = self.current.iter().map(|(n, df)| (n.clone(), df.clone().lazy())).collect();
        for name in self.scanned.keys() {
            if let Some((version, _)) = self.scanned(name) {
                plans.insert(name.clone(), version.plan.clone());
            }
        }
        plans
    }

    /// The frames other than `name`, for a step on a scanned frame (see `OtherFrames`).
    pub fn other_frames(&self, name: &str) -> OtherFrames {
        let mut others = OtherFrames::default();
        for (other, df) in self.current.iter().filter(|(n, _)| n.as_str() != name) {
            others.plans.insert(other.clone(), df.clone().lazy());
            others.samples.insert(other.clone(), df.clone().lazy());
        }
        for other in self.scanned.keys().filter(|n| n.as_str() != name) {
            if let Some((version, _)) = self.scanned(other) {
                others.plans.insert(other.clone(), version.plan.clone());
                others.samples.insert(other.clone(), version.sample.clone().lazy());
            }
        }
        others
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
                if let Some((scanned, current)) = self.scanned(name) {
                    let scan = current.scan.as_ref().expect("a scanned version");
                    let rows_known = scan.rows().is_some_and(|rows| rows == current.rows) && current.version == self.scanned[name].loaded_as;
                    return Some(FrameInfo {
                        name: name.clone(),
                        version: current.version,
                        rows: current.rows,
                        columns: scanned.schema.len(),
                        estimated_bytes: crate::scanned_frames::estimated_bytes(scanned, scan) as usize,
                        dtypes: scanned.schema.iter_values().map(python_name).collect(),
                        scan: Some(crate::protocol::ScanInfo {
                            source: scan.source.clone(),
                            format: scan.format.label().to_string(),
                            files: scan.files.len(),
                            source_bytes: scan.bytes(),
                            rows_known,
                        }),
                    });
                }
                let df = self.current.get(name)?;
                Some(FrameInfo {
                    name: name.clone(),
                    version: record.current().version,
                    rows: df.height(),
                    columns: df.width(),
                    estimated_bytes: df.estimated_size(),
                    dtypes: df.dtypes().iter().map(python_name).collect(),
                    scan: None,
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
            searches: record.searches.clone(),
        })
    }

    /// Keeps a finished `%%fe search` in the history of `name` (no version is committed);
    /// returns how many searches the frame's history now holds.
    pub fn record_search(&mut self, name: &str, search: crate::search_log::SearchRecord) -> Result<usize, StoreError> {
        if !self.manifest.frames.contains_key(name) {
            return Err(self.unknown(name));
        }
        let before = self.manifest.clone();
        let record = self.manifest.frames.get_mut(name).expect("checked above");
        record.searches.push(search);
        let excess = record.searches.len().saturating_sub(crate::search_log::MAX_SEARCHES);
        record.searches.drain(..excess);
        let count = record.searches.len();
        if let Err(e) = self.manifest.save(&self.folder.manifest_path()) {
            self.manifest = before;
            return Err(e.into());
        }
        Ok(count)
    }

    /// A kept version of `name`: its checkpoint, read (memory-mapped) from the session folder.
    pub fn kept_version(&self, name: &str, version: u32) -> Result<DataFrame, StoreError> {
        let record = self.manifest.frames.get(name).ok_or_else(|| self.unknown(name))?;
        if let Some(scan) = record.versions.iter().find(|v| v.version == version).and_then(|v| v.scan.as_ref()) {
            let what = format!("reading version {version} whole");
            return Err(StoreError::Scanned { name: name.to_string(), from: scan.source.clone(), what });
        }
        if record.current().version == version {
            if let Some(df) = self.current.get(name) {
                return Ok(df.clone());
            }
        }
        match record.versions.iter().find(|v| v.version == version) {
            Some(kept) => self.version_data(name, kept.version),
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

    /// Commits a frame read from the file `source` (`%fe load`) as the next version of `name`;
    /// its checkpoint follows after the reply (until then a restart reads the source again).
    pub fn commit_loaded(&mut self, name: &str, df: DataFrame, source: &str, identity: SourceIdentity) -> Result<VersionRecord, StoreError> {
        let origin = Origin::Load { source: source.to_string(), identity: Some(identity) };
        let action = StepAction::Load { source: source.to_string() };
        self.commit_computed(name, df, origin, None, None, action)
    }

    /// Commits a scanned source (`%fe load` of data kept as a scan) as the next version of `name`.
    pub fn commit_scanned(&mut self, name: &str, scan: OpenScan) -> Result<VersionRecord, StoreError> {
        let (source, format) = (scan.record.source.clone(), scan.record.format);
        let version = self.next_version(name);
        let frame = ScannedFrame::load(scan, version)
            .map_err(|e| StoreError::Scan { from: source.clone(), message: format!("it cannot be read as {}: {e}", format.label()) })?;
        let loaded = &frame.versions[&version];
        let scan_record = frame.scan.record.clone();
        let record = VersionRecord {
            version,
            file: SessionFolder::version_file_name(name, version),
            origin: Origin::Load { source: source.clone(), identity: None },
            code: None,
            llm: None,
            created_unix_ms: now_unix_ms(),
            rows: scan_record.rows().unwrap_or(0),
            columns: loaded.schema.len(),
            scan: Some(scan_record),
        };
        let step = step_from_schema(&record, StepAction::Load { source }, &loaded.schema);
        self.record_scanned_version(name, record.clone(), step, frame)?;
        Ok(record)
    }

    /// Commits `next` (a plan over the scan, see `scanned_frames::next_version`) as the next
    /// version of the scanned frame `name`.
    pub fn commit_scanned_apply(&mut self, name: &str, next: ScannedVersion, code: &str, llm: Option<LlmProvenance>) -> Result<VersionRecord, StoreError> {
        let (_, current) = self.scanned(name).ok_or_else(|| self.unknown(name))?;
        let scan_record = current.scan.clone();
        let reads = self.frames_read_by(name, code);
        let action = StepAction::Apply { code: code.to_string(), llm: llm.clone(), reads };
        let version = self.next_version(name);
        let record = VersionRecord {
            version,
            file: SessionFolder::version_file_name(name, version),
            origin: Origin::Apply,
            code: Some(code.to_string()),
            llm,
            created_unix_ms: now_unix_ms(),
            rows: 0,
            columns: next.schema.len(),
            scan: scan_record,
        };
        let step = step_from_schema(&record, action, &next.schema);
        let mut frame = self.scanned.remove(name).expect("scanned above");
        frame.versions.insert(version, next);
        self.record_scanned_version(name, record.clone(), step, frame)?;
        Ok(record)
    }

    /// `record_version` for a version kept as a plan (nothing is written but the manifest).
    fn record_scanned_version(&mut self, name: &str, record: VersionRecord, step: Step, mut frame: ScannedFrame) -> Result<(), StoreError> {
        let version = record.version;
        let placeholder = DataFrame::empty();
        self.record_version(name, record, step, placeholder).inspect_err(|_| {
            frame.versions.remove(&version);
        })?;
        self.current.remove(name);
        let kept: std::collections::HashSet<u32> = self.manifest.frames[name].versions.iter().map(|v| v.version).collect();
        frame.versions.retain(|v, _| kept.contains(v));
        self.scanned.insert(name.to_string(), frame);
        Ok(())
    }

    /// Commits the result of `%fe replay` (the recipe `of` ran on `source`) as the next version
    /// of `name`; its lineage starts there.
    pub fn commit_replay(&mut self, name: &str, df: DataFrame, of: &FrameLineage, source: &str, mode: ReplayMode) -> Result<VersionRecord, StoreError> {
        let origin = Origin::Replay { of: of.name.clone(), of_version: of.version, source: source.to_string(), mode };
        let action = StepAction::Replay { of: of.name.clone(), of_version: of.version, source: source.to_string(), mode, steps: of.steps.clone() };
        self.commit_computed(name, df, origin, None, None, action)
    }

    /// Records a version the worker computed with its lineage step and makes it current; its
    /// checkpoint is written after the reply (until then a restart rebuilds it from the step).
    /// A replay waits for its checkpoint: its data cannot be rebuilt from its step.
    fn commit_computed(
        &mut self,
        name: &str,
        df: DataFrame,
        origin: Origin,
        code: Option<String>,
        llm: Option<LlmProvenance>,
        action: StepAction,
    ) -> Result<VersionRecord, StoreError> {
        let durable_now = matches!(action, StepAction::Replay { .. });
        let version = self.next_version(name);
        let file = SessionFolder::version_file_name(name, version);
        let path = self.folder.frames_dir().join(&file);
        let record = VersionRecord { version, file, origin, code, llm, created_unix_ms: now_unix_ms(), rows: df.height(), columns: df.width(), scan: None };
        let step = lineage_step(&record, action, &df);
        if durable_now {
            self.write_now(name, version, &path, &df)?;
        }
        self.record_version(name, record.clone(), step, df.clone())?;
        if !durable_now {
            self.checkpoints.write(path, df, format!("frame `{name}` version {version}"));
            if self.sync_checkpoints {
                self.checkpoints.flush();
            }
        }
        Ok(record)
    }

    /// Writes a checkpoint before its version is recorded (after everything queued before it).
    fn write_now(&self, name: &str, version: u32, path: &Path, df: &DataFrame) -> Result<(), StoreError> {
        self.checkpoints.flush();
        crate::checkpoint_writer::write_checkpoint(path, &mut df.clone())
            .map_err(|e| StoreError::Write { name: name.to_string(), message: format!("version {version}: {e}") })
    }

    /// Waits until every committed version has its checkpoint file (for readers of the files:
    /// the Rust cells, and tests).
    pub fn flush_checkpoints(&self) {
        self.checkpoints.flush();
    }

    /// Waits for the checkpoint files being written after earlier replies (see
    /// `CheckpointWriter::wait_unless_held`).
    pub fn wait_for_checkpoints(&self) {
        self.checkpoints.wait_unless_held();
    }

    /// Queues the checkpoints of rebuilt versions that are still kept.
    fn write_rebuilt(&self, rebuilt: Vec<(String, u32, DataFrame)>) {
        for (name, version, df) in rebuilt {
            let kept = self.manifest.frames.get(&name).and_then(|r| r.versions.iter().find(|v| v.version == version));
            if let Some(kept) = kept {
                self.checkpoints.write(self.folder.frames_dir().join(&kept.file), df, format!("frame `{name}` version {version}"));
            }
        }
    }

    /// A kept version's data: its checkpoint (once queued writes are done), or rebuilt from its
    /// step when the checkpoint could not be written.
    fn version_data(&self, name: &str, version: u32) -> Result<DataFrame, StoreError> {
        self.checkpoints.flush();
        let mut rebuilder = Rebuilder::new(&self.folder, &self.manifest);
        let df = rebuilder.resolve(name, version).map_err(|e| StoreError::Read {
            file: SessionFolder::version_file_name(name, version),
            message: e.to_string(),
        })?;
        self.write_rebuilt(rebuilder.take_rebuilt());
        Ok(df)
    }

    /// The current version of `name` and its checkpoint file, written first if it is queued
    /// (or was never written).
    pub fn checkpoint_file(&self, name: &str) -> Result<(u32, PathBuf), StoreError> {
        let (df, record) = self.frame(name)?;
        let path = self.folder.frames_dir().join(&record.file);
        self.checkpoints.flush();
        if !path.exists() {
            self.write_now(name, record.version, &path, df)?;
        }
        Ok((record.version, path))
    }

    /// Checkpoints that failed to be written since the last call (the versions stay committed:
    /// they are rebuilt from their steps after a restart).
    pub fn checkpoint_failures(&self) -> Vec<String> {
        self.checkpoints.take_failures()
    }

    /// Checkpoint writes (and removals) not finished yet.
    pub fn checkpoints_queued(&self) -> usize {
        self.checkpoints.queued()
    }

    /// Test probe: keep checkpoints queued until the next flush.
    pub fn hold_checkpoints(&self, held: bool) {
        self.checkpoints.hold(held);
    }

    /// Adopts a file staged in `frames/` (by the loader or a Rust cell) as the next version of
    /// `name`.
    pub fn adopt(&mut self, name: &str, staged_file: &str, origin: Origin) -> Result<VersionRecord, StoreError> {
        let action = match &origin {
            Origin::Load { source, .. } => StepAction::Load { source: source.clone() },
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
            scan: None,
        };
        let step = lineage_step(&record, action, &df);
        if let Err(e) = self.record_version(name, record.clone(), step, df) {
            let _ = fs::remove_file(&path);
            return Err(e);
        }
        Ok(record)
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

    /// Adds a version to the manifest and saves it; on failure the frame stays where it was.
    /// Version files beyond the bound are then deleted (after every queued checkpoint); their
    /// steps stay in the lineage.
    fn record_version(&mut self, name: &str, record: VersionRecord, step: Step, df: DataFrame) -> Result<(), StoreError> {
        let before = self.manifest.clone();
        let entry = self
            .manifest
            .frames
            .entry(name.to_string())
            .or_insert_with(|| FrameRecord { versions: Vec::new(), next_version: FIRST_VERSION, lineage: Default::default(), searches: Vec::new() });
        entry.next_version = record.version + 1;
        entry.versions.push(record);
        entry.lineage.push(step);
        let excess = entry.versions.len().saturating_sub(self.max_versions);
        let pruned: Vec<VersionRecord> = entry.versions.drain(..excess).collect();
        let oldest_kept = entry.versions[0].version;
        entry.lineage.forget_before(oldest_kept);
        if let Err(e) = self.manifest.save(&self.folder.manifest_path()) {
            self.manifest = before;
            return Err(e.into());
        }
        self.current.insert(name.to_string(), df);
        self.remove_version_files(&pruned);
        Ok(())
    }

    fn remove_version_files(&self, records: &[VersionRecord]) {
        self.checkpoints.remove(records.iter().map(|r| self.folder.frames_dir().join(&r.file)).collect());
    }

    /// Drops the current version of `name`; returns the new current record and the dropped number.
    pub fn undo(&mut self, name: &str) -> Result<(VersionRecord, u32), StoreError> {
        let record = self.manifest.frames.get(name).ok_or_else(|| self.unknown(name))?;
        if record.versions.len() < 2 {
            return Err(StoreError::NothingToUndo { name: name.to_string(), version: record.current().version });
        }
        let previous = record.versions[record.versions.len() - 2].clone();
        if previous.scan.is_some() {
            return self.undo_to_scanned(name, previous);
        }
        let df = self.version_data(name, previous.version)?;
        let dropped = self.drop_current_version(name)?;
        self.current.insert(name.to_string(), df);
        self.remove_version_files(std::slice::from_ref(&dropped));
        Ok((previous, dropped.version))
    }

    /// Removes the current version of `name` (it has an earlier one) and its step from the
    /// manifest and saves it; on failure the manifest stays as it was.
    fn drop_current_version(&mut self, name: &str) -> Result<VersionRecord, StoreError> {
        let before = self.manifest.clone();
        let entry = self.manifest.frames.get_mut(name).expect("the caller checked the frame");
        let dropped = entry.versions.pop().expect("two versions");
        entry.lineage.remove_last(dropped.version);
        if let Err(e) = self.manifest.save(&self.folder.manifest_path()) {
            self.manifest = before;
            return Err(e.into());
        }
        Ok(dropped)
    }

    /// Undo to a version kept as a plan: re-planned from its steps when its plan is not held.
    fn undo_to_scanned(&mut self, name: &str, previous: VersionRecord) -> Result<(VersionRecord, u32), StoreError> {
        let steps = self.manifest.frames[name].lineage.steps().to_vec();
        let others = self.other_frames(name);
        let same_scan = self.scanned.get(name).is_some_and(|f| Some(&f.scan.record) == previous.scan.as_ref());
        let scan_source = previous.scan.as_ref().map(|s| s.source.clone()).unwrap_or_default();
        if !same_scan {
            let what = format!("going back to version {} (its source was loaded again since)", previous.version);
            return Err(StoreError::Scanned { name: name.to_string(), from: scan_source, what });
        }
        let frame = self.scanned.get_mut(name).expect("checked above");
        frame
            .replan(name, previous.version, &steps, &others)
            .map_err(|message| StoreError::Scan { from: scan_source, message })?;
        let dropped = self.drop_current_version(name)?;
        self.current.remove(name);
        if let Some(frame) = self.scanned.get_mut(name) {
            frame.versions.remove(&dropped.version);
        }
        if dropped.scan.is_none() {
            self.remove_version_files(std::slice::from_ref(&dropped));
        }
        Ok((previous, dropped.version))
    }

    /// A path in `exports/` for a staged save.
    pub fn export_path(&self, name: &str, extension: &str) -> PathBuf {
        self.folder.exports_dir().join(format!("{name}.{}.{extension}", now_unix_ms()))
    }
}

fn restore_warning(name: &str, version: u32, error: &RebuildError) -> String {
    format!("frame `{name}` version {version} could not be restored ({error}); it was dropped")
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

/// `lineage_step` of a version kept as a plan (its columns from the plan's schema).
fn step_from_schema(record: &VersionRecord, action: StepAction, schema: &Schema) -> Step {
    let columns = schema.iter().map(|(name, dtype)| LineageColumn { name: name.to_string(), dtype: python_name(dtype) }).collect();
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
