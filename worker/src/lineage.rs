// A frame's lineage: every committed step since its last load (the load, then each apply with its
// code, provenance and the other frames it read), kept in the manifest even after pruning.
// A frame handed over from a Rust cell starts a lineage too, one no file can rebuild.
//
// The lineage is the recipe, the version files are the checkpoints: `max_versions` deletes old
// files, never steps. Export writes the recipe as a Python script; replay runs it on new data, and
// the replayed frame's lineage starts with that replay (its recipe and the file it ran on).
// A step that reads another frame keeps a copy of that frame's lineage as of the version it read,
// so the recipe stays whole when that frame is later changed, undone or loaded again.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::protocol::LlmProvenance;

/// One committed step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// The frame version this step produced.
    pub version: u32,
    pub action: StepAction,
    pub created_unix_ms: u64,
    pub rows: usize,
    /// The columns after the step, with their dtypes as Python Polars spells them.
    pub columns: Vec<LineageColumn>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StepAction {
    /// Read from a file (the absolute path the loader was given).
    Load { source: String },
    /// Handed over from a variable of the Rust cells (`%fe from-rust`) in that cell.
    RustCell { execution_count: u32 },
    /// Another frame's recipe (`steps`, from its load) replayed on the file `source` (`%fe replay`).
    Replay { of: String, of_version: u32, source: String, mode: ReplayMode, steps: Vec<Step> },
    /// Feature code run with `df` bound to the frame.
    Apply {
        code: String,
        /// Who wrote the code when an LLM did; `None` when it was typed.
        llm: Option<LlmProvenance>,
        /// Other frames the code may read (their names occur in it), as they were at the time.
        reads: Vec<FrameRead>,
    },
}

/// How `%fe replay` treats the statistics a step learns (group means, quantiles, encodings, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplayMode {
    /// Learned on the data each step was originally applied to, applied to the new data.
    Fitted,
    /// Every step recomputed on the new data alone (what an exported script does).
    Recomputed,
}

impl ReplayMode {
    pub fn describe(self) -> &'static str {
        match self {
            ReplayMode::Fitted => "fitted",
            ReplayMode::Recomputed => "recomputed",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineageColumn {
    pub name: String,
    pub dtype: String,
}

/// Another frame as a step saw it: its name, version, and the lineage that built that version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrameRead {
    pub name: String,
    pub version: u32,
    pub steps: Vec<Step>,
}

/// The lineage of one frame's current version, as `%fe export` (and replay) receive it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrameLineage {
    pub name: String,
    pub version: u32,
    /// From the last load to the current version, oldest first.
    pub steps: Vec<Step>,
}

/// Every step a frame record keeps: enough to explain each kept version (the steps from the load
/// before the oldest kept version up to the current one).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Lineage {
    steps: Vec<Step>,
}

impl Lineage {
    pub fn push(&mut self, step: Step) {
        self.steps.push(step);
    }

    /// Removes the step that made `version` (the undone version, always the last one).
    pub fn remove_last(&mut self, version: u32) {
        if self.steps.last().is_some_and(|s| s.version == version) {
            self.steps.pop();
        }
    }

    /// Drops the steps of versions above `current` (versions lost while restoring).
    pub fn truncate_after(&mut self, current: u32) {
        self.steps.retain(|s| s.version <= current);
    }

    /// Forgets steps no kept version needs: those before the last start at or before `oldest_kept`.
    pub fn forget_before(&mut self, oldest_kept: u32) {
        let start = self.steps.iter().rposition(|s| s.version <= oldest_kept && s.starts_lineage()).unwrap_or(0);
        self.steps.drain(..start);
    }

    /// The steps that built the current version: from the last load (or Rust cell) to the end.
    pub fn current(&self) -> &[Step] {
        let start = self.steps.iter().rposition(Step::starts_lineage).unwrap_or(0);
        &self.steps[start..]
    }

    /// Every kept step, oldest first.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }
}

impl Step {
    /// A load, a replay or a hand-over from a Rust cell: the data came from outside the frame's steps.
    pub fn starts_lineage(&self) -> bool {
        !matches!(self.action, StepAction::Apply { .. })
    }

    /// The columns the frame had when its data was read (for the first step of a current
    /// lineage): a replay's are those of the file it ran on, which match its recipe's load.
    pub fn column_names(&self) -> impl Iterator<Item = &str> {
        let columns = match &self.action {
            StepAction::Replay { steps, .. } => steps.first().map(|s| s.columns.as_slice()).unwrap_or(&self.columns),
            _ => &self.columns,
        };
        columns.iter().map(|c| c.name.as_str())
    }
}

/// The names among `candidates` that occur as whole identifiers in `code` (strings and comments
/// included): the frames a step may read. Over-approximate on purpose: a frame named in a comment
/// is rebuilt needlessly by an export, but one the code reads is never missed.
pub fn frames_named_in<'a>(code: &str, candidates: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    let words = identifiers(code);
    candidates.into_iter().filter(|name| words.contains(*name)).map(str::to_string).collect()
}

fn identifiers(code: &str) -> BTreeSet<&str> {
    let mut words = BTreeSet::new();
    let mut start = None;
    for (i, c) in code.char_indices() {
        let part = c == '_' || c.is_alphanumeric();
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.insert(&code[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.insert(&code[s..]);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(version: u32, load: bool) -> Step {
        let action = if load {
            StepAction::Load { source: "/data/tx.csv".into() }
        } else {
            StepAction::Apply { code: format!("df = df  # v{version}"), llm: None, reads: Vec::new() }
        };
        Step { version, action, created_unix_ms: 0, rows: 1, columns: Vec::new() }
    }

    fn versions(steps: &[Step]) -> Vec<u32> {
        steps.iter().map(|s| s.version).collect()
    }

    #[test]
    fn the_current_lineage_starts_at_the_last_load() {
        let mut lineage = Lineage::default();
        for (v, load) in [(1, true), (2, false), (3, true), (4, false), (5, false)] {
            lineage.push(step(v, load));
        }
        assert_eq!(versions(lineage.current()), vec![3, 4, 5]);
        lineage.remove_last(5);
        lineage.remove_last(5);
        assert_eq!(versions(lineage.current()), vec![3, 4]);
        lineage.remove_last(4);
        lineage.remove_last(3);
        assert_eq!(versions(lineage.current()), vec![1, 2]);
    }

    #[test]
    fn a_frame_handed_over_from_a_rust_cell_starts_a_lineage() {
        let mut lineage = Lineage::default();
        lineage.push(step(1, true));
        lineage.push(Step { action: StepAction::RustCell { execution_count: 4 }, ..step(2, true) });
        lineage.push(step(3, false));
        assert_eq!(versions(lineage.current()), vec![2, 3]);
        lineage.forget_before(3);
        assert_eq!(versions(lineage.steps()), vec![2, 3]);
    }

    #[test]
    fn steps_before_the_load_of_the_oldest_kept_version_are_forgotten() {
        let mut lineage = Lineage::default();
        for (v, load) in [(1, true), (2, false), (3, true), (4, false), (5, false)] {
            lineage.push(step(v, load));
        }
        lineage.forget_before(2);
        assert_eq!(versions(lineage.steps()), vec![1, 2, 3, 4, 5]);
        lineage.forget_before(4);
        assert_eq!(versions(lineage.steps()), vec![3, 4, 5]);
        lineage.truncate_after(4);
        assert_eq!(versions(lineage.steps()), vec![3, 4]);
    }

    #[test]
    fn frames_are_found_as_whole_identifiers_only() {
        let code = "df = df.join(customers, on='id')\nx = stores_2.height  # not orders\nordersx = 1";
        let found = frames_named_in(code, ["customers", "stores", "stores_2", "orders", "tx", "é"]);
        assert_eq!(found.into_iter().collect::<Vec<_>>(), vec!["customers", "orders", "stores_2"]);
        assert!(frames_named_in("df = df.join(prix_été)", ["prix_été"]).contains("prix_été"));
    }
}
