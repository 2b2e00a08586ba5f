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
    /// The `%%fe search` runs on this frame, oldest first (at most `search_log::MAX_SEARCHES`).
    #[serde(default)]
    pub searches: Vec<crate::search_log::SearchRecord>,
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
    /// Set when the version is kept as a plan over a scanned source (no checkpoint file: the
    /// source and the recorded steps are its checkpoint). `rows` is then the source's row count
    /// for the load and 0 (not counted) after an apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scan: Option<crate::scan_source::ScanRecord>,
}

/// Where a version came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    /// Read from the file `source`; `identity` is what the file was when it was read (a
    /// version whose checkpoint was not written yet is read from the same file again).
    Load {
        source: String,
        #[serde(default)]
        identity: Option<SourceIdentity>,
    },
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
                Origin::Load { source, .. } if self.scan.is_some() => format!("load {source} (kept as a scan)"),
            Origin::Load { source, .. } => format!("load {source}"),
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

/// What a source file was when it was read: enough to notice that it changed since.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceIdentity {
    pub bytes: u64,
    pub modified_unix_ns: i64,
    pub device: u64,
    pub inode: u64,
}

impl SourceIdentity {
    /// The identity of an open file (fstat: works on a descriptor the kernel handed over).
    pub fn of(file: &fs::File) -> io::Result<SourceIdentity> {
        use std::os::unix::fs::MetadataExt;
        let meta = file.metadata()?;
        Ok(SourceIdentity {
            bytes: meta.size(),
            modified_unix_ns: meta.mtime().saturating_mul(1_000_000_000).saturating_add(meta.mtime_nsec()),
            device: meta.dev(),
            inode: meta.ino(),
        })
    }

    /// How `now` differs from `self`, in words ("size 120 → 98 bytes, modified"), if it does.
    pub fn difference(&self, now: &SourceIdentity) -> Option<String> {
        let mut parts = Vec::new();
        if self.bytes != now.bytes {
            parts.push(format!("size {} → {} bytes", self.bytes, now.bytes));
        }
        if self.modified_unix_ns != now.modified_unix_ns {
            parts.push("modified since".to_string());
        }
        if (self.device, self.inode) != (now.device, now.inode) {
            parts.push("replaced by another file".to_string());
        }
        (!parts.is_empty()).then(|| parts.join(", "))
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
