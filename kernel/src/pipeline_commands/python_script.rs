// A frame's lineage as a standalone Python Polars script: every frame a step read is rebuilt
// first (from its own lineage, as of the version read), then the frame itself, step by step.
//
// The step code is pasted unchanged (it is Python Polars already) at module level, after the
// frames it reads are bound by name as the kernel binds them; each step ends as a commit does,
// with an eager frame. Sources are read with the loader's own options.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::Path;

use fe_worker::lineage::{frames_named_in, FrameLineage, Step, StepAction};
use fe_worker::loader::{InputFormat, CSV_INFER_SCHEMA_ROWS};

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScriptError {
    #[error("the lineage of `{name}` does not start with a load (version {version}); nothing was written")]
    NoLoad { name: String, version: u32 },
    #[error("`{name}` version {version} was handed over from Rust cell {execution_count}: no file can rebuild it, so it cannot be exported (save it with `%fe save` and load that file instead); nothing was written")]
    FromRustCell { name: String, version: u32, execution_count: u32 },
    #[error("`{name}` version {version} was made by `%fe replay` of `{of}`: export `{of}` instead (its script reads the input file named at its top; point it at the new file), or save this frame with `%fe save`; nothing was written")]
    FromReplay { name: String, version: u32, of: String },
    #[error("`{name}` was loaded from `{path}`, whose file type the script cannot read; nothing was written")]
    UnknownFormat { name: String, path: String },
}

/// One frame version the script builds.
pub(super) struct Block<'a> {
    pub name: &'a str,
    pub version: u32,
    pub steps: &'a [Step],
}

/// The script for `lineage`; `exported_unix_ms` and `kernel_version` go into its header.
pub fn pipeline_script(lineage: &FrameLineage, exported_unix_ms: u64, kernel_version: &str) -> Result<String, ScriptError> {
    let mut blocks = Vec::new();
    collect_blocks(&lineage.name, lineage.version, &lineage.steps, &mut blocks);
    let mut script = header(lineage, exported_unix_ms, kernel_version);
    for (i, block) in blocks.iter().enumerate() {
        let earlier = blocks[..i].iter().filter(|b| b.name == block.name).max_by_key(|b| b.version);
        write_block(&mut script, block, earlier.filter(|b| block.steps.starts_with(b.steps)), i + 1 < blocks.len())?;
    }
    script.push_str(&footer(&lineage.name, lineage.version));
    Ok(script)
}

/// Every frame version the lineage needs, each after the ones it reads (post-order, no repeats).
pub(super) fn collect_blocks<'a>(name: &'a str, version: u32, steps: &'a [Step], blocks: &mut Vec<Block<'a>>) {
    if blocks.iter().any(|b| b.name == name && b.version == version) {
        return;
    }
    for step in steps {
        if let StepAction::Apply { reads, .. } = &step.action {
            for read in reads {
                collect_blocks(&read.name, read.version, &read.steps, blocks);
            }
        }
    }
    blocks.push(Block { name, version, steps });
}

fn header(lineage: &FrameLineage, exported_unix_ms: u64, kernel_version: &str) -> String {
    let name = &lineage.name;
    format!(
        r#"#!/usr/bin/env python3
# Rebuilds frame `{name}` (version {version}) from its source file(s) through every committed
# step, as fekernel computed it. Exported by fekernel {kernel_version} on {when}.
# Written for Python Polars 2.1. Run:  python {{this file}} [OUT.parquet | OUT.csv | OUT.arrow]
# It prints the frame's shape and, given a path, writes the frame there.

import itertools
import math

import numpy as np
import polars as pl
import polars.selectors as cs

# fekernel keeps row order deterministic (ordered joins and group-bys); Python's in-memory
# engine gives the same order for the same plans.
pl.Config.set_engine_affinity("in-memory")


def fekernel_committed(frame):
    """What fekernel commits after a step: an eager DataFrame."""
    return frame.collect() if isinstance(frame, pl.LazyFrame) else frame


# Every frame version built below, by (name, version).
fekernel_frames = {{}}
"#,
        version = lineage.version,
        when = timestamp(exported_unix_ms),
    )
}

fn write_block(script: &mut String, block: &Block, start_from: Option<&Block>, read_later: bool) -> Result<(), ScriptError> {
    let name = block.name;
    let role = if read_later { ", read by a later step" } else { "" };
    let _ = write!(script, "\n\n# ---- `{name}` as of version {}{role} ----\n", block.version);
    let remaining = match start_from {
        Some(earlier) => {
            let _ = writeln!(script, "# versions up to {} are built above", earlier.version);
            let _ = writeln!(script, "df = {}", frame_key(name, earlier.version));
            &block.steps[earlier.steps.len()..]
        }
        None => {
            match block.steps.first() {
                Some(Step { action: StepAction::Load { .. }, .. }) => block.steps,
                Some(Step { action: StepAction::RustCell { execution_count }, version, .. }) => {
                    return Err(ScriptError::FromRustCell { name: name.to_string(), version: *version, execution_count: *execution_count })
                }
                Some(Step { action: StepAction::Replay { of, .. }, version, .. }) => {
                    return Err(ScriptError::FromReplay { name: name.to_string(), version: *version, of: of.clone() })
                }
                Some(Step { version, .. }) => return Err(ScriptError::NoLoad { name: name.to_string(), version: *version }),
                None => return Err(ScriptError::NoLoad { name: name.to_string(), version: block.version }),
            }
        }
    };
    for step in remaining {
        write_step(script, name, step)?;
    }
    let _ = writeln!(script, "{} = df", frame_key(name, block.version));
    Ok(())
}

fn write_step(script: &mut String, name: &str, step: &Step) -> Result<(), ScriptError> {
    let when = timestamp(step.created_unix_ms);
    match &step.action {
        StepAction::Load { source } => {
            let _ = writeln!(script, "\n# version {}: loaded {when} from {}", step.version, one_line(source));
            let _ = writeln!(script, "df = {}", read_call(name, source)?);
        }
        StepAction::RustCell { execution_count } => {
            return Err(ScriptError::FromRustCell { name: name.to_string(), version: step.version, execution_count: *execution_count })
        }
        StepAction::Replay { of, .. } => {
            return Err(ScriptError::FromReplay { name: name.to_string(), version: step.version, of: of.clone() })
        }
        StepAction::Apply { code, llm, reads } => {
            let author = match llm {
                Some(llm) => format!(
                    "suggested by {} / {} (prompt {}){}",
                    one_line(&llm.provider),
                    one_line(&llm.model),
                    one_line(&llm.prompt_hash),
                    if llm.edited { ", edited before it was applied" } else { "" }
                ),
                None => "typed in the notebook".to_string(),
            };
            let _ = writeln!(script, "\n# version {}: applied {when}, {author}", step.version);
            if !reads.is_empty() {
                let list: Vec<String> = reads.iter().map(|r| format!("`{}` version {}", r.name, r.version)).collect();
                let _ = writeln!(script, "# reads {}", list.join(", "));
            }
            for read in reads {
                let _ = writeln!(script, "{} = {}", read.name, frame_key(&read.name, read.version));
            }
            // In the kernel the frame is also visible by its own name, as `df` is at the start.
            if frames_named_in(code, [name]) == BTreeSet::from([name.to_string()]) {
                let _ = writeln!(script, "{name} = df");
            }
            script.push_str(code.trim_end());
            script.push('\n');
            script.push_str("df = fekernel_committed(df)\n");
        }
    }
    Ok(())
}

fn footer(name: &str, version: u32) -> String {
    format!(
        r#"

if __name__ == "__main__":
    import sys

    result = {key}
    print(f"{name}: {{result.height}} rows x {{result.width}} columns")
    if len(sys.argv) > 1:
        out = sys.argv[1]
        if out.endswith((".parquet", ".pq")):
            result.write_parquet(out)
        elif out.endswith(".csv"):
            result.write_csv(out)
        elif out.endswith((".arrow", ".ipc", ".feather")):
            result.write_ipc(out)
        else:
            sys.exit(f"cannot write {{out}}: use a .parquet, .csv or .arrow file name")
        print(f"wrote {{out}}")
"#,
        key = frame_key(name, version),
    )
}

/// The reader call the loader's options correspond to (see `fe_worker::loader`).
pub(super) fn read_call(name: &str, source: &str) -> Result<String, ScriptError> {
    let path = python_string(source);
    let csv = |separator: &str| {
        format!("pl.read_csv({path}{separator}, try_parse_dates=True, infer_schema_length={CSV_INFER_SCHEMA_ROWS})")
    };
    // A folder or glob (`%fe load` keeps it as a scan; a folder is recorded as `DIR/**/*.EXT`):
    // Python Polars reads the same files with the same hive columns.
    if source.contains(['*', '?', '[']) {
        let scan = match InputFormat::from_path(Path::new(source)) {
            Some(InputFormat::Csv) => format!("pl.scan_csv({path}, try_parse_dates=True, infer_schema_length={CSV_INFER_SCHEMA_ROWS})"),
            Some(InputFormat::Parquet) => format!("pl.scan_parquet({path}, hive_partitioning=True)"),
            Some(InputFormat::Arrow) => format!("pl.scan_ipc({path}, hive_partitioning=True)"),
            _ => return Err(ScriptError::UnknownFormat { name: name.to_string(), path: source.to_string() }),
        };
        return Ok(format!("{scan}.collect()"));
    }
    match InputFormat::from_path(Path::new(source)) {
        Some(InputFormat::Csv) => Ok(csv("")),
        Some(InputFormat::Tsv) => Ok(csv(r#", separator="\t""#)),
        Some(InputFormat::Parquet) => Ok(format!("pl.read_parquet({path})")),
        Some(InputFormat::Arrow) => Ok(format!("pl.read_ipc({path})")),
        Some(InputFormat::Json) => Ok(format!("pl.read_json({path})")),
        Some(InputFormat::Ndjson) => Ok(format!("pl.read_ndjson({path})")),
        None => Err(ScriptError::UnknownFormat { name: name.to_string(), path: source.to_string() }),
    }
}

fn frame_key(name: &str, version: u32) -> String {
    format!("fekernel_frames[{}, {version}]", python_string(name))
}

/// A Python string literal. JSON's escapes (`\"`, `\\`, `\n`, `\u00XX` for control characters)
/// all mean the same in Python, and JSON leaves every other character as it is.
fn python_string(text: &str) -> String {
    serde_json::to_string(text).expect("a string always serialises")
}

/// Text for a comment line: control characters (a newline would end the comment) become spaces.
fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

pub(super) fn timestamp(unix_ms: u64) -> String {
    chrono::DateTime::from_timestamp_millis(unix_ms as i64)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_else(|| "at an unknown time".into())
}

#[cfg(test)]
mod tests {
    use fe_worker::lineage::{FrameRead, LineageColumn};
    use fe_worker::protocol::LlmProvenance;

    use super::*;

    fn load(version: u32, source: &str) -> Step {
        Step {
            version,
            action: StepAction::Load { source: source.into() },
            created_unix_ms: 1_767_225_600_000,
            rows: 3,
            columns: vec![LineageColumn { name: "id".into(), dtype: "Int64".into() }],
        }
    }

    fn apply(version: u32, code: &str, reads: Vec<FrameRead>) -> Step {
        Step {
            version,
            action: StepAction::Apply { code: code.into(), llm: None, reads },
            created_unix_ms: 1_767_225_660_000,
            rows: 3,
            columns: Vec::new(),
        }
    }

    fn customers_v2() -> Vec<Step> {
        vec![load(1, "/data/customers.csv"), apply(2, "df = df.with_columns(vip=pl.col(\"tier\") > 1)", Vec::new())]
    }

    #[test]
    fn frames_read_by_a_step_are_built_first_and_bound_by_name() {
        let read = FrameRead { name: "customers".into(), version: 2, steps: customers_v2() };
        let lineage = FrameLineage {
            name: "tx".into(),
            version: 4,
            steps: vec![
                load(3, "/data/tx.tsv"),
                apply(4, "df = df.join(customers, on=\"id\", how=\"left\")", vec![read]),
            ],
        };
        let script = pipeline_script(&lineage, 1_767_225_720_000, "0.1.0").unwrap();
        let customers = script.find("# ---- `customers` as of version 2, read by a later step ----").unwrap();
        let tx = script.find("# ---- `tx` as of version 4 ----").unwrap();
        assert!(customers < tx);
        assert!(script.contains(
            "df = pl.read_csv(\"/data/customers.csv\", try_parse_dates=True, infer_schema_length=10000)\n"
        ));
        assert!(script.contains(r#"pl.read_csv("/data/tx.tsv", separator="\t", try_parse_dates=True"#));
        assert!(script.contains("# reads `customers` version 2\ncustomers = fekernel_frames[\"customers\", 2]\ndf = df.join("));
        assert!(script.contains("# version 4: applied 2026-01-01 00:01:00 UTC, typed in the notebook\n"));
        assert!(script.contains("fekernel_frames[\"tx\", 4] = df\n"));
        assert!(script.contains("    result = fekernel_frames[\"tx\", 4]\n"));
    }

    #[test]
    fn a_later_version_of_an_already_built_frame_starts_from_it() {
        let mut customers_v3 = customers_v2();
        customers_v3.push(apply(3, "df = df.with_columns(x=1)", Vec::new()));
        let lineage = FrameLineage {
            name: "tx".into(),
            version: 6,
            steps: vec![
                load(4, "/data/tx.parquet"),
                apply(5, "df = df.join(customers, on=\"id\")", vec![FrameRead { name: "customers".into(), version: 2, steps: customers_v2() }]),
                apply(6, "df = df.join(customers, on=\"id\")", vec![FrameRead { name: "customers".into(), version: 3, steps: customers_v3 }]),
            ],
        };
        let script = pipeline_script(&lineage, 0, "0.1.0").unwrap();
        assert_eq!(script.matches("pl.read_csv(\"/data/customers.csv\"").count(), 1);
        assert!(script.contains("# versions up to 2 are built above\ndf = fekernel_frames[\"customers\", 2]\n\n# version 3:"));
        assert!(script.contains("df = pl.read_parquet(\"/data/tx.parquet\")"));
    }

    #[test]
    fn provenance_and_self_references_are_written() {
        let mut step = apply(2, "df = df.with_columns(n=tx.height)", Vec::new());
        if let StepAction::Apply { llm, .. } = &mut step.action {
            *llm = Some(LlmProvenance {
                provider: "anthropic".into(),
                model: "claude\nx".into(),
                prompt_hash: "sha256:ab12".into(),
                suggested_unix_ms: 0,
                edited: true,
            });
        }
        let lineage = FrameLineage { name: "tx".into(), version: 2, steps: vec![load(1, "/data/a \"b\".csv"), step] };
        let script = pipeline_script(&lineage, 0, "0.1.0").unwrap();
        assert!(script.contains("suggested by anthropic / claude x (prompt sha256:ab12), edited before it was applied\ntx = df\ndf = df.with_columns(n=tx.height)\n"));
        assert!(script.contains(r#"pl.read_csv("/data/a \"b\".csv""#));
    }

    #[test]
    fn a_lineage_without_a_load_or_with_an_unknown_file_type_is_refused() {
        let lineage = FrameLineage { name: "tx".into(), version: 2, steps: vec![apply(2, "df = df", Vec::new())] };
        assert_eq!(pipeline_script(&lineage, 0, "0.1.0"), Err(ScriptError::NoLoad { name: "tx".into(), version: 2 }));
        let lineage = FrameLineage { name: "tx".into(), version: 1, steps: vec![load(1, "/data/tx.xlsx")] };
        assert!(matches!(pipeline_script(&lineage, 0, "0.1.0"), Err(ScriptError::UnknownFormat { .. })));
        let handed_over = Step { action: StepAction::RustCell { execution_count: 7 }, ..load(3, "") };
        let lineage = FrameLineage { name: "r".into(), version: 3, steps: vec![handed_over] };
        let error = pipeline_script(&lineage, 0, "0.1.0").unwrap_err();
        assert_eq!(error, ScriptError::FromRustCell { name: "r".into(), version: 3, execution_count: 7 });
        assert!(error.to_string().contains("handed over from Rust cell 7"));
    }
}
