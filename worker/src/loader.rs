// Reading user files (csv, tsv, parquet, arrow/ipc, json, ndjson) with Polars inside the worker,
// from a descriptor the kernel opened and handed over (see `descriptor_channel`).
//
// The worker never opens a path outside its session folder: Landlock denies it every other path,
// so "grant the worker read access to the file it loads" is not needed and any escape from the
// feature language or any Polars bug exploited through a frame still cannot read the user's home
// folder. The kernel opens the one file the user named and passes the open file; the worker
// parses it in its sandbox (namespaces, Landlock, seccomp, rlimits). A parser bug or a memory
// bomb in a hostile file now costs a worker restart, which restores every committed version
// from checkpoints, instead of only a loader process; in exchange a load reads the file once
// (no second process, no intermediate file) and its checkpoint is written after the reply.

use std::fs::File;
use std::path::Path;

use polars::prelude::*;

/// Input formats, chosen by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    Csv,
    Tsv,
    Parquet,
    Arrow,
    Json,
    Ndjson,
}

impl InputFormat {
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "csv" => InputFormat::Csv,
            "tsv" | "tab" => InputFormat::Tsv,
            "parquet" | "pq" => InputFormat::Parquet,
            "arrow" | "ipc" | "feather" => InputFormat::Arrow,
            "json" => InputFormat::Json,
            "ndjson" | "jsonl" => InputFormat::Ndjson,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            InputFormat::Csv => "CSV",
            InputFormat::Tsv => "TSV",
            InputFormat::Parquet => "Parquet",
            InputFormat::Arrow => "Arrow IPC",
            InputFormat::Json => "JSON",
            InputFormat::Ndjson => "NDJSON",
        }
    }
}

/// Rows the CSV reader looks at to infer column types (`%fe export` writes the same into scripts).
pub const CSV_INFER_SCHEMA_ROWS: usize = 10_000;

pub const SUPPORTED_EXTENSIONS: &str = ".csv, .tsv, .parquet, .arrow/.ipc/.feather, .json, .ndjson/.jsonl";

/// Reads an open file in `format`.
pub fn parse(input: File, format: InputFormat) -> PolarsResult<DataFrame> {
    match format {
        InputFormat::Csv | InputFormat::Tsv => {
            let separator = if format == InputFormat::Tsv { b'\t' } else { b',' };
            CsvReadOptions::default()
                .with_has_header(true)
                .with_infer_schema_length(Some(CSV_INFER_SCHEMA_ROWS))
                .map_parse_options(|o| o.with_separator(separator).with_try_parse_dates(true))
                .into_reader_with_file_handle(input)
                .finish()
        }
        InputFormat::Parquet => ParquetReader::new(input).finish(),
        InputFormat::Arrow => IpcReader::new(input).finish(),
        InputFormat::Json => JsonReader::new(input).with_json_format(JsonFormat::Json).finish(),
        InputFormat::Ndjson => JsonReader::new(input).with_json_format(JsonFormat::JsonLines).finish(),
    }
}

/// Reads the open file `input`, named `shown` in messages, as a frame with at least one column.
pub fn read_source(input: File, shown: &str) -> Result<DataFrame, String> {
    let Some(format) = InputFormat::from_path(Path::new(shown)) else {
        return Err(format!("cannot load `{shown}`: unknown file type; supported: {SUPPORTED_EXTENSIONS}"));
    };
    if input.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(format!("cannot load `{shown}`: it is a folder, not a file"));
    }
    let df = parse(input, format).map_err(|e| format!("cannot read `{shown}` as {}: {e}", format.label()))?;
    if df.width() == 0 {
        return Err(format!("cannot load `{shown}`: it has no columns"));
    }
    Ok(df)
}
