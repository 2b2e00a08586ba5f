// Rebuilding versions whose checkpoint file was not yet written when the worker died: an
// apply's version is its base version plus its recorded code (and the frames it read, as of the
// versions it read), run again — the same deterministic plan gives the same frame.

use std::collections::HashMap;
use std::path::Path;

use polars::prelude::*;

use crate::lineage::{Lineage, StepAction};
use crate::manifest::Manifest;
use crate::session_folder::SessionFolder;
use crate::store::read_version_file;

/// Why a version cannot be rebuilt.
#[derive(Debug, thiserror::Error)]
pub enum RebuildError {
    #[error("frame `{name}` version {version} has neither a checkpoint nor a recorded step to rebuild it from")]
    NoStep { name: String, version: u32 },
    #[error("frame `{name}` version {version} was read from `{path}`, which the worker cannot open itself")]
    NeedsSource { name: String, version: u32, path: String },
    #[error("rebuilding frame `{name}` version {version} failed: {message}")]
    Failed { name: String, version: u32, message: String },
    #[error("frame `{name}` version {version} cannot be rebuilt: {reason}")]
    Unsupported { name: String, version: u32, reason: String },
}

/// Resolves frame versions from checkpoints, or from their steps when a checkpoint is missing.
pub struct Rebuilder<'a> {
    folder: &'a SessionFolder,
    manifest: &'a Manifest,
    /// Frames already resolved (or supplied, e.g. read from a source the kernel handed over).
    known: HashMap<(String, u32), DataFrame>,
    /// Versions that had no checkpoint and were rebuilt: they need one written.
    rebuilt: Vec<(String, u32)>,
}

impl<'a> Rebuilder<'a> {
    pub fn new(folder: &'a SessionFolder, manifest: &'a Manifest) -> Rebuilder<'a> {
        Rebuilder { folder, manifest, known: HashMap::new(), rebuilt: Vec::new() }
    }

    /// The versions rebuilt so far (they had no checkpoint), with their data.
    pub fn take_rebuilt(&mut self) -> Vec<(String, u32, DataFrame)> {
        std::mem::take(&mut self.rebuilt)
            .into_iter()
            .filter_map(|(name, version)| self.known.get(&(name.clone(), version)).map(|df| (name, version, df.clone())))
            .collect()
    }

    /// Makes `df` the data of `name` at `version` (a load whose source was handed over).
    pub fn supply(&mut self, name: &str, version: u32, df: DataFrame) {
        self.known.insert((name.to_string(), version), df);
    }

    /// The data of `name` at `version`.
    pub fn resolve(&mut self, name: &str, version: u32) -> Result<DataFrame, RebuildError> {
        if let Some(df) = self.known.get(&(name.to_string(), version)) {
            return Ok(df.clone());
        }
        let path = self.folder.frames_dir().join(SessionFolder::version_file_name(name, version));
        let df = if path.exists() {
            read_version_file(&path).map_err(|e| RebuildError::Failed { name: name.into(), version, message: e.to_string() })?
        } else {
            let df = self.rebuild(name, version)?;
            self.rebuilt.push((name.to_string(), version));
            df
        };
        self.known.insert((name.to_string(), version), df.clone());
        Ok(df)
    }

    fn rebuild(&mut self, name: &str, version: u32) -> Result<DataFrame, RebuildError> {
        let no_step = || RebuildError::NoStep { name: name.into(), version };
        let lineage: &Lineage = &self.manifest.frames.get(name).ok_or_else(no_step)?.lineage;
        let steps = lineage.steps();
        let at = steps.iter().position(|s| s.version == version).ok_or_else(no_step)?;
        match &steps[at].action {
            StepAction::Apply { code, reads, .. } => {
                let base = at.checked_sub(1).map(|i| steps[i].version).ok_or_else(no_step)?;
                let (code, reads) = (code.clone(), reads.clone());
                let mut frames = HashMap::new();
                frames.insert(name.to_string(), self.resolve(name, base)?);
                for read in &reads {
                    frames.insert(read.name.clone(), self.resolve(&read.name, read.version)?);
                }
                run_step(name, version, &code, &frames)
            }
            StepAction::Load { source } => Err(RebuildError::NeedsSource { name: name.into(), version, path: source.clone() }),
            StepAction::RustCell { .. } | StepAction::Replay { .. } => Err(RebuildError::Unsupported {
                name: name.into(),
                version,
                reason: "its data came from outside its recorded steps and its checkpoint is missing".into(),
            }),
        }
    }
}

#[cfg(feature = "lang")]
fn run_step(name: &str, version: u32, code: &str, frames: &HashMap<String, DataFrame>) -> Result<DataFrame, RebuildError> {
    let unchanged = format!("frame `{name}` version {version} was not rebuilt");
    crate::cell_runner::run(code, 1, name, frames, &unchanged)
        .map(|result| result.frame)
        .map_err(|failure| RebuildError::Failed { name: name.into(), version, message: failure.message })
}

#[cfg(not(feature = "lang"))]
fn run_step(name: &str, version: u32, _code: &str, _frames: &HashMap<String, DataFrame>) -> Result<DataFrame, RebuildError> {
    Err(RebuildError::Unsupported { name: name.into(), version, reason: "the feature language is not built into this worker".into() })
}

/// A marker in the session folder while a rebuild runs: if the worker dies during one (the step
/// that once fit in memory no longer does), the next start does not try again.
pub fn marker_path(folder: &SessionFolder) -> std::path::PathBuf {
    folder.root().join("rebuilding")
}

pub fn marker_present(folder: &SessionFolder) -> bool {
    Path::new(&marker_path(folder)).exists()
}
