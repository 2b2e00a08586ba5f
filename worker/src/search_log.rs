// The searches run on a frame (`%%fe search`), kept in its manifest record beside its versions:
// who proposed each round's code, from which prompt, and what was decided. A search commits no
// version; only the apply cell it inserts does, when the user runs it.

use serde::{Deserialize, Serialize};

/// Searches kept per frame (the oldest are dropped first).
pub const MAX_SEARCHES: usize = 20;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchRecord {
    pub started_unix_ms: u64,
    pub finished_unix_ms: u64,
    /// The version of the frame the search ran on.
    pub frame_version: u32,
    pub provider: String,
    pub model: String,
    pub seed: u64,
    pub target: String,
    pub metric: String,
    pub folds: usize,
    /// Rows that took part in the cross-validation.
    pub rows: usize,
    /// SHA-256 of the cell's description (its body), as hex.
    pub description_hash: String,
    /// Mean and standard deviation over the folds, before any round and after the kept ones.
    pub baseline: Option<MeanSpread>,
    pub final_score: Option<MeanSpread>,
    pub rounds: Vec<SearchRound>,
    /// Why the search ended ("5 rounds", "budget of 60 s", "interrupted", …).
    pub ended: String,
    /// The code of the inserted `%%fe apply` cell (the kept rounds), if any was kept.
    pub kept_code: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeanSpread {
    pub mean: f64,
    pub std: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchRound {
    pub round: usize,
    /// SHA-256 of the round's first prompt (system and user message), as hex.
    pub prompt_hash: String,
    /// The last code the provider gave, if it gave any.
    pub code: Option<String>,
    /// `kept`, `refused`, `error`, `leakage`, `no gain`, `no code` or `stopped`.
    pub decision: String,
    pub reason: String,
    /// The cross-validated gain (mean and spread over the folds), when the code was evaluated.
    pub gain: Option<MeanSpread>,
    pub new_columns: Vec<String>,
}
