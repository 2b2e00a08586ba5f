// The Python values a step takes from the data (`df["x"].quantile(0.9)`, `df.height`, `.item()`,
// `.to_list()`): recorded when the step runs on data, given back in the same order when it runs again.
//
// A step's control flow depends only on its code, the frames' schemas and these values, so an
// interpretation on schema-only frames that is handed the values of a run on data, collect by
// collect, builds that run's plan with the values as literals (the PySpark export's fitted
// literals). Row-budget counts are not values of the step: they are neither recorded nor needed
// on schema-only frames.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::Cursor;

use polars::prelude::*;
use serde::{Deserialize, Serialize};

/// Where the interpreter's collects come from.
pub(crate) enum DataValues {
    /// Collected from the frames (the worker, the differential tests).
    Live,
    /// Collected from the frames and kept, in order (rows bounded by `max_rows`; larger ones are
    /// kept as `None`).
    Recording { taken: RefCell<Vec<Option<DataFrame>>>, max_rows: usize },
    /// Schema-only frames: each collect is the next recorded value; none left means the step
    /// reads data nobody recorded.
    Replaying(RefCell<VecDeque<Option<DataFrame>>>),
}

/// What a collect on schema-only frames gives instead of data.
pub(crate) enum Replayed {
    Value(DataFrame),
    /// The recorded value was too large to be a literal.
    TooLarge,
    /// Nothing was recorded for this collect.
    Missing,
}

impl DataValues {
    pub fn is_schema_only(&self) -> bool {
        matches!(self, DataValues::Replaying(_))
    }

    pub fn is_recording(&self) -> bool {
        matches!(self, DataValues::Recording { .. })
    }

    pub fn record(&self, df: &DataFrame) {
        if let DataValues::Recording { taken, max_rows } = self {
            let kept = (df.height() <= *max_rows).then(|| df.clone());
            taken.borrow_mut().push(kept);
        }
    }

    pub fn next_replayed(&self) -> Replayed {
        match self {
            DataValues::Replaying(queue) => match queue.borrow_mut().pop_front() {
                Some(Some(df)) => Replayed::Value(df),
                Some(None) => Replayed::TooLarge,
                None => Replayed::Missing,
            },
            _ => Replayed::Missing,
        }
    }

    pub fn into_taken(self) -> Vec<Option<DataFrame>> {
        match self {
            DataValues::Recording { taken, .. } => taken.into_inner(),
            _ => Vec::new(),
        }
    }
}

/// The Python values one step took from the data it was applied to, in the order it took them
/// (each a small collected frame, kept as Arrow IPC so the record can cross the worker pipe).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TakenValues {
    /// Arrow IPC bytes as hex; `None` for a value too large to be a literal.
    pub frames: Vec<Option<String>>,
}

impl TakenValues {
    pub(crate) fn from_frames(frames: Vec<Option<DataFrame>>) -> PolarsResult<TakenValues> {
        let mut out = Vec::with_capacity(frames.len());
        for frame in frames {
            out.push(match frame {
                Some(mut df) => {
                    let mut bytes = Vec::new();
                    IpcWriter::new(&mut bytes).finish(&mut df)?;
                    Some(hex(&bytes))
                }
                None => None,
            });
        }
        Ok(TakenValues { frames: out })
    }

    pub(crate) fn to_frames(&self) -> PolarsResult<VecDeque<Option<DataFrame>>> {
        let mut out = VecDeque::with_capacity(self.frames.len());
        for frame in &self.frames {
            out.push_back(match frame {
                Some(text) => {
                    let bytes = unhex(text).ok_or_else(|| polars_err!(ComputeError: "a recorded value is not valid hex"))?;
                    Some(IpcReader::new(Cursor::new(bytes)).finish()?)
                }
                None => None,
            });
        }
        Ok(out)
    }

    pub fn is_empty(&self) -> bool {
        self.frames.is_empty()
    }

    /// One short line per value, for the script's comments: `0.9 quantile…` is not known here,
    /// so each value is shown as the literal it became (a scalar, a list, or a small frame).
    pub fn describe(&self) -> Vec<String> {
        let Ok(frames) = self.to_frames() else { return vec!["(unreadable record)".into()] };
        frames
            .iter()
            .map(|frame| match frame {
                None => "(too large to be a literal)".to_string(),
                Some(df) => describe_frame(df),
            })
            .collect()
    }
}

fn describe_frame(df: &DataFrame) -> String {
    const SHOWN: usize = 12;
    let cell = |c: &polars::prelude::Column, i: usize| c.get(i).map(|v| v.to_string()).unwrap_or_default();
    let names: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
    if names == [super::fitted_dummies::NAME, super::fitted_dummies::VALUE] {
        let (indicator, value) = (&df.columns()[0], &df.columns()[1]);
        let pairs: Vec<String> = (0..df.height()).map(|i| format!("{} = {}", cell(indicator, i).trim_matches('"'), cell(value, i))).collect();
        return format!("`to_dummies` indicator columns (a value outside them sets none): {}", pairs.join(", "));
    }
    match df.shape() {
        (1, 1) => cell(&df.columns()[0], 0),
        (rows, 1) => {
            let column = &df.columns()[0];
            let mut items: Vec<String> = (0..rows.min(SHOWN)).map(|i| cell(column, i)).collect();
            if rows > SHOWN {
                items.push(format!("… {} more", rows - SHOWN));
            }
            format!("[{}]", items.join(", "))
        }
        (rows, width) => {
            format!("a {rows} x {width} frame of {}", names.join(", "))
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_survive_the_record_in_order() {
        let a = df!("q" => [0.25f64]).unwrap();
        let b = df!("k" => ["x", "y"]).unwrap();
        let record = TakenValues::from_frames(vec![Some(a.clone()), None, Some(b.clone())]).unwrap();
        let back = record.to_frames().unwrap();
        assert_eq!(back.len(), 3);
        assert!(back[0].as_ref().unwrap().equals(&a));
        assert!(back[1].is_none());
        assert!(back[2].as_ref().unwrap().equals(&b));
        assert_eq!(record.describe(), ["0.25", "(too large to be a literal)", "[\"x\", \"y\"]"]);
    }
}
