// The in-memory input/output history of this kernel session, answering
// `history_request` (tail, range, search with glob patterns) the way IPython does.

use jupyter_protocol::HistoryEntry;
use serde::Deserialize;

/// The number this session reports in history entries (the only session we keep).
pub const SESSION_NUMBER: usize = 1;
/// IPython's default for `tail` without `n`.
const DEFAULT_TAIL: usize = 10;

/// A `history_request` content; every field optional, as clients omit the ones they don't use.
#[derive(Debug, Clone, Deserialize)]
pub struct HistoryQuery {
    pub hist_access_type: String,
    #[serde(default)]
    pub output: bool,
    /// Accepted for compatibility: the kernel keeps only the raw input.
    #[serde(default)]
    #[allow(dead_code)]
    pub raw: bool,
    #[serde(default)]
    pub session: Option<i64>,
    #[serde(default)]
    pub start: Option<i64>,
    #[serde(default)]
    pub stop: Option<i64>,
    #[serde(default)]
    pub n: Option<i64>,
    #[serde(default)]
    pub pattern: Option<String>,
    #[serde(default)]
    pub unique: bool,
}

#[derive(Debug, Clone)]
struct Cell {
    line: usize,
    input: String,
    output: Option<String>,
}

#[derive(Debug, Default)]
pub struct History {
    cells: Vec<Cell>,
}

impl History {
    pub fn record_input(&mut self, line: u32, input: &str) {
        self.cells.push(Cell { line: line as usize, input: input.to_string(), output: None });
    }

    /// The `text/plain` of a cell's `execute_result`.
    pub fn record_output(&mut self, line: u32, output: &str) {
        if let Some(cell) = self.cells.iter_mut().rev().find(|c| c.line == line as usize) {
            cell.output = Some(output.to_string());
        }
    }

    pub fn query(&self, query: &HistoryQuery) -> Vec<HistoryEntry> {
        let selected: Vec<&Cell> = match query.hist_access_type.as_str() {
            "tail" => {
                let n = query.n.map_or(DEFAULT_TAIL, |n| n.max(0) as usize);
                self.cells[self.cells.len().saturating_sub(n)..].iter().collect()
            }
            "range" => self.range(query),
            "search" => self.search(query),
            other => {
                tracing::warn!(hist_access_type = other, "unknown history access type");
                Vec::new()
            }
        };
        selected.into_iter().map(|cell| entry(cell, query.output)).collect()
    }

    fn range(&self, query: &HistoryQuery) -> Vec<&Cell> {
        // 0 (or nothing) means the current session; earlier sessions are not kept.
        let current = match query.session {
            None | Some(0) => true,
            Some(s) => s == SESSION_NUMBER as i64,
        };
        if !current {
            return Vec::new();
        }
        let start = query.start.unwrap_or(1).max(1) as usize;
        let stop = query.stop.filter(|s| *s > 0).map_or(usize::MAX, |s| s as usize);
        self.cells.iter().filter(|c| c.line >= start && c.line < stop).collect()
    }

    fn search(&self, query: &HistoryQuery) -> Vec<&Cell> {
        let pattern = query.pattern.as_deref().unwrap_or("*");
        let Some(pattern) = compile_glob(pattern) else { return Vec::new() };
        let mut found: Vec<&Cell> = self.cells.iter().filter(|c| pattern.matches(&c.input)).collect();
        if query.unique {
            // Keep the latest occurrence of each input, in session order.
            let mut seen = std::collections::HashSet::new();
            let mut latest: Vec<&Cell> = found.into_iter().rev().filter(|c| seen.insert(c.input.as_str())).collect();
            latest.reverse();
            found = latest;
        }
        if let Some(n) = query.n {
            let n = n.max(0) as usize;
            found.drain(..found.len().saturating_sub(n));
        }
        found
    }
}

fn entry(cell: &Cell, with_output: bool) -> HistoryEntry {
    if with_output {
        HistoryEntry::InputOutput(
            SESSION_NUMBER,
            cell.line,
            (cell.input.clone(), cell.output.clone().unwrap_or_default()),
        )
    } else {
        HistoryEntry::Input(SESSION_NUMBER, cell.line, cell.input.clone())
    }
}

/// SQLite-GLOB-like matching as IPython's history search uses: `*`, `?`, `[...]`.
/// The glob crate reserves `**` for paths; for plain text it means the same as `*`.
fn compile_glob(pattern: &str) -> Option<glob::Pattern> {
    let mut collapsed = String::with_capacity(pattern.len());
    for ch in pattern.chars() {
        if !(ch == '*' && collapsed.ends_with('*')) {
            collapsed.push(ch);
        }
    }
    match glob::Pattern::new(&collapsed) {
        Ok(pattern) => Some(pattern),
        Err(error) => {
            tracing::warn!(%error, pattern, "history search pattern is not a valid glob");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn history() -> History {
        let mut h = History::default();
        for (line, code) in [(1, "let a = 1;"), (2, "a + 1"), (3, "%fe help"), (4, "a + 1"), (5, "println!(\"hi\")")] {
            h.record_input(line, code);
        }
        h.record_output(2, "2");
        h
    }

    fn query(value: serde_json::Value) -> Vec<serde_json::Value> {
        let q: HistoryQuery = serde_json::from_value(value).unwrap();
        history().query(&q).into_iter().map(|e| serde_json::to_value(e).unwrap()).collect()
    }

    #[test]
    fn tail_returns_the_last_n_in_order() {
        let got = query(json!({"hist_access_type": "tail", "n": 2, "output": false, "raw": true}));
        assert_eq!(got, vec![json!([1, 4, "a + 1"]), json!([1, 5, "println!(\"hi\")"])]);
    }

    #[test]
    fn output_flag_pairs_input_with_result_text() {
        let got = query(json!({"hist_access_type": "range", "session": 0, "start": 2, "stop": 4, "output": true}));
        assert_eq!(got, vec![json!([1, 2, ["a + 1", "2"]]), json!([1, 3, ["%fe help", ""]])]);
    }

    #[test]
    fn range_of_another_session_is_empty() {
        assert!(query(json!({"hist_access_type": "range", "session": -1, "start": 1})).is_empty());
        assert_eq!(query(json!({"hist_access_type": "range", "session": 1, "start": 5})).len(), 1);
    }

    #[test]
    fn search_globs_unique_and_n() {
        // Anchored, as SQLite's GLOB in IPython's history: `a*` is not `*a*`.
        assert_eq!(query(json!({"hist_access_type": "search", "pattern": "a*"})).len(), 2);
        assert_eq!(query(json!({"hist_access_type": "search", "pattern": "*a*"})).len(), 3);
        assert_eq!(query(json!({"hist_access_type": "search", "pattern": "a + ?"})).len(), 2);
        let unique = query(json!({"hist_access_type": "search", "pattern": "a +*", "unique": true}));
        assert_eq!(unique, vec![json!([1, 4, "a + 1"])]);
        let last = query(json!({"hist_access_type": "search", "pattern": "*", "n": 1}));
        assert_eq!(last, vec![json!([1, 5, "println!(\"hi\")"])]);
        assert_eq!(query(json!({"hist_access_type": "search", "pattern": "%fe**"})).len(), 1);
        assert!(query(json!({"hist_access_type": "search", "pattern": "[unclosed"})).is_empty());
    }
}
