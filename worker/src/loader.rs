// The loader process: parses one user file (csv, parquet, arrow/ipc, json, ndjson) with Polars
// inside its own sandbox and writes it as an Arrow IPC file into the session folder.
//
// Why a separate, short-lived process instead of letting the worker read user files:
// * The worker never gets read access outside its session folder. If it could read the file
//   system, any escape from the feature language or any Polars bug exploited through a frame
//   could read the user's home folder (SSH keys, cloud credentials). Landlock rules cannot be
//   widened after they are in force, so "grant the worker read access to the file it loads"
//   would mean granting it read access to everything it might ever load.
// * Parsers are where hostile input hits native code first (a crafted Parquet or CSV file). The
//   loader lives for one file: it opens that file, then locks itself down (namespaces, Landlock
//   granting read of only that file and write of only the session folder, the same seccomp
//   filter and rlimits as the worker). A parser bug can then at most corrupt the one output file,
//   which the worker validates when it adopts it. A crash or a memory bomb kills only the loader,
//   never the session.
// * The hand-over costs one uncompressed IPC write and a memory-mapped read (about 1 s for 1e7
//   rows x 7 columns), and the written file is the version-0 checkpoint the worker needs anyway.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};

use polars::prelude::*;
use serde::{Deserialize, Serialize};

use crate::atomic_file::TMP_SUFFIX;
use crate::protocol::write_message;
use crate::sandbox::{self, SandboxPlan};

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

/// What the loader reports on its stdout (one framed message).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum LoaderOutcome {
    Loaded { rows: usize, columns: usize },
    Failed { message: String },
}

/// Arguments of the hidden `worker-load` subcommand.
#[derive(Clone, Debug)]
pub struct LoaderArgs {
    pub path: PathBuf,
    pub out: PathBuf,
    pub session: PathBuf,
}

impl LoaderArgs {
    /// Parses `--path FILE --out SESSION/frames/NAME.tmp --session SESSION`.
    pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<LoaderArgs, String> {
        let (mut path, mut out, mut session) = (None, None, None);
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let slot = match arg.to_str() {
                Some("--path") => &mut path,
                Some("--out") => &mut out,
                Some("--session") => &mut session,
                _ => return Err(format!("unknown loader argument {arg:?}")),
            };
            *slot = args.next().map(PathBuf::from);
        }
        Ok(LoaderArgs {
            path: path.ok_or("--path is required")?,
            out: out.ok_or("--out is required")?,
            session: session.ok_or("--session is required")?,
        })
    }
}

/// Runs the loader; returns the exit code (0 loaded, 1 refused or failed).
pub fn run(args: LoaderArgs) -> i32 {
    let outcome = load(&args);
    if matches!(outcome, LoaderOutcome::Failed { .. }) {
        let _ = fs::remove_file(&args.out);
    }
    let code = if matches!(outcome, LoaderOutcome::Loaded { .. }) { 0 } else { 1 };
    if write_message(&mut io::stdout().lock(), &outcome).is_err() {
        return 2;
    }
    code
}

fn load(args: &LoaderArgs) -> LoaderOutcome {
    let fail = |message: String| LoaderOutcome::Failed { message };
    let shown = args.path.display();
    let Some(format) = InputFormat::from_path(&args.path) else {
        return fail(format!("cannot load `{shown}`: unknown file type; supported: {SUPPORTED_EXTENSIONS}"));
    };
    let session = match args.session.canonicalize() {
        Ok(s) => s,
        Err(e) => return fail(format!("session folder {}: {e}", args.session.display())),
    };
    let out_ok = args.out.parent().and_then(|p| p.canonicalize().ok()).is_some_and(|p| p.starts_with(&session))
        && args.out.to_string_lossy().ends_with(TMP_SUFFIX);
    if !out_ok {
        return fail(format!("the output {} is not a temporary file in the session folder", args.out.display()));
    }
    // Opened before the sandbox: the open itself is the only access to the user's file system.
    let input = match File::open(&args.path) {
        Ok(file) => file,
        Err(e) => return fail(format!("cannot open `{shown}`: {e}")),
    };
    if input.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return fail(format!("cannot load `{shown}`: it is a folder, not a file"));
    }
    let report = sandbox::install(&SandboxPlan { session_folder: session, readable_files: vec![args.path.clone()] });
    for line in report.lines() {
        eprintln!("fe-loader: {line}");
    }
    let mut df = match parse(input, format) {
        Ok(df) => df,
        Err(e) => return fail(format!("cannot read `{shown}` as {}: {e}", format.label())),
    };
    if df.width() == 0 {
        return fail(format!("cannot load `{shown}`: it has no columns"));
    }
    match write_ipc(&args.out, &mut df) {
        Ok(()) => LoaderOutcome::Loaded { rows: df.height(), columns: df.width() },
        Err(e) => fail(format!("cannot write the loaded frame into the session folder: {e}")),
    }
}

fn parse(input: File, format: InputFormat) -> PolarsResult<DataFrame> {
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

fn write_ipc(out: &Path, df: &mut DataFrame) -> io::Result<()> {
    df.rechunk_mut_par();
    let file = File::create(out)?;
    let mut writer = BufWriter::new(file);
    IpcWriter::new(&mut writer).with_compression(None).finish(df).map_err(|e| io::Error::other(e.to_string()))?;
    let file = writer.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()
}
