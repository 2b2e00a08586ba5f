// The session manifest: for every frame, its kept versions (file, code, provenance, shape) and
// its lineage; read at worker start and rewritten (tmp → fsync → rename) after every commit.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::atomic_file::write_atomically;
use crate::lineage::{Lineage, ReplayMode};
use crate::protocol::{LlmProvenance, VersionView};

/// Format 2 added `lineage` to every frame record.
pub const MANIFEST_FORMAT: u32 = 2;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub frames: BTreeMap<String, FrameRecord>,
}

/// One frame's kept versions, oldest first; the last one is current.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrameRecord {
    pub versions: Vec<VersionRecord>,
    /// Version numbers are never reused, even after undo (so "version 3" always means one thing).
    pub next_version: u32,
    /// Every step since the load before the oldest kept version, also of pruned versions.
    pub lineage: Lineage,
}

impl FrameRecord {
    pub fn current(&self) -> &VersionRecord {
        self.versions.last().expect("a frame record always has a version")
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VersionRecord {
    pub version: u32,
    /// File name inside `frames/`.
    pub file: String,
    pub origin: Origin,
    pub code: Option<String>,
    pub llm: Option<LlmProvenance>,
    pub created_unix_ms: u64,
    pub rows: usize,
    pub columns: usize,
}

/// Where a version came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    Load { source: String },
    Apply,
    /// Handed over from a variable of the Rust cells (`%fe from-rust`), in the cell numbered so.
    RustCell { execution_count: u32 },
    /// `%fe replay`: frame `of` (as of `of_version`) replayed on the file `source`.
    Replay { of: String, of_version: u32, source: String, mode: ReplayMode },
}

impl VersionRecord {
    pub fn view(&self) -> VersionView {
        VersionView {
            version: self.version,
            origin: match &self.origin {
                Origin::Load { source } => format!("load {source}"),
                Origin::Apply => "apply".to_string(),
                Origin::RustCell { execution_count } => format!("from Rust cell {execution_count}"),
                Origin::Replay { of, of_version, source, mode } => {
                    format!("replay of `{of}` version {of_version} on {source} ({})", mode.describe())
                }
            },
            code: self.code.clone(),
            llm: self.llm.clone(),
            created_unix_ms: self.created_unix_ms,
            rows: self.rows,
            columns: self.columns,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("cannot read or write the manifest: {0}")]
    Io(#[from] io::Error),
    #[error("the manifest is not valid: {0}")]
    Json(#[from] serde_json::Error),
    #[error("the manifest has format {0}, this worker reads format {MANIFEST_FORMAT}")]
    Format(u32),
}

impl Manifest {
    pub fn empty() -> Manifest {
        Manifest { format: MANIFEST_FORMAT, frames: BTreeMap::new() }
    }

    /// Reads the manifest; a missing file is an empty session.
    pub fn load(path: &Path) -> Result<Manifest, ManifestError> {
        let text = match fs::read(path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Manifest::empty()),
            Err(e) => return Err(e.into()),
        };
        let manifest: Manifest = serde_json::from_slice(&text)?;
        if manifest.format != MANIFEST_FORMAT {
            return Err(ManifestError::Format(manifest.format));
        }
        Ok(manifest)
    }

    /// Replaces the manifest on disk atomically.
    pub fn save(&self, path: &Path) -> Result<(), ManifestError> {
        let text = serde_json::to_vec_pretty(self)?;
        write_atomically::<io::Error>(path, |file| file.write_all(&text))?;
        Ok(())
    }
}

pub fn now_unix_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}
