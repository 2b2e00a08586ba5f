// A source kept as a scan (a frame larger than memory): the files the kernel handed over, read
// by one Polars scan with hive partition values as columns, and what they were when loaded.
//
// The worker holds the open files for as long as the frame lives (it cannot open paths outside
// its session folder); a restarted worker gets them again and checks they did not change.

use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;
use std::sync::Arc;

use polars::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::loader::{InputFormat, CSV_INFER_SCHEMA_ROWS};
use crate::manifest::SourceIdentity;

/// Formats a scan reads (the others are read whole).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScanFormat {
    Parquet,
    Csv,
    Ipc,
}

impl ScanFormat {
    pub fn of(format: InputFormat) -> Option<ScanFormat> {
        match format {
            InputFormat::Parquet => Some(ScanFormat::Parquet),
            InputFormat::Csv => Some(ScanFormat::Csv),
            InputFormat::Arrow => Some(ScanFormat::Ipc),
            InputFormat::Tsv | InputFormat::Json | InputFormat::Ndjson => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ScanFormat::Parquet => "Parquet",
            ScanFormat::Csv => "CSV",
            ScanFormat::Ipc => "Arrow IPC",
        }
    }
}

/// One file of a scanned source, as the kernel names it: its canonical path and the hive
/// partition values (`key=value` folders between the source's root and the file).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanFile {
    pub path: String,
    #[serde(default)]
    pub hive: Vec<(String, String)>,
}

/// One file as it was when the frame was loaded (kept in the manifest).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScannedFile {
    pub file: ScanFile,
    pub identity: SourceIdentity,
    /// SHA-256 of a Parquet file's footer (its schema, row groups and statistics).
    pub footer_sha256: Option<String>,
    /// Rows, when the format says without reading the data (Parquet).
    pub rows: Option<usize>,
}

/// What a scanned frame was loaded from (kept in the manifest with the frame).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanRecord {
    /// The path, folder or glob the user gave (for messages and exports).
    pub source: String,
    pub format: ScanFormat,
    pub files: Vec<ScannedFile>,
}

impl ScanRecord {
    pub fn bytes(&self) -> u64 {
        self.files.iter().map(|f| f.identity.bytes).sum()
    }

    /// Rows of the whole source, when every file says.
    pub fn rows(&self) -> Option<usize> {
        self.files.iter().map(|f| f.rows).sum()
    }
}

/// A scanned source with its files open.
#[derive(Clone)]
pub struct OpenScan {
    pub record: ScanRecord,
    files: Arc<[File]>,
}

impl OpenScan {
    /// Records what the handed-over `files` are now (identity, Parquet footer).
    pub fn open(source: &str, format: ScanFormat, wanted: Vec<ScanFile>, files: Vec<File>) -> Result<OpenScan, String> {
        if wanted.is_empty() {
            return Err(format!("cannot load `{source}`: it holds no {} files", format.label()));
        }
        let mut scanned = Vec::with_capacity(files.len());
        for (file, wanted) in files.iter().zip(wanted) {
            let identity = SourceIdentity::of(file).map_err(|e| format!("cannot read `{}`: {e}", wanted.path))?;
            let (footer_sha256, rows) = match format {
                ScanFormat::Parquet => {
                    let footer = parquet_footer(file).map_err(|e| format!("cannot read `{}` as Parquet: {e}", wanted.path))?;
                    (Some(hex_digest(&footer)), Some(parquet_rows(file, &wanted.path)?))
                }
                ScanFormat::Csv | ScanFormat::Ipc => (None, None),
            };
            scanned.push(ScannedFile { file: wanted, identity, footer_sha256, rows });
        }
        // Whether a scan can read them is found when its plan is first resolved (`ScannedFrame::load`).
        Ok(OpenScan { record: ScanRecord { source: source.to_string(), format, files: scanned }, files: files.into() })
    }

    /// Opens `record`'s files again (after a restart): each must be what it was when loaded.
    pub fn reopen(record: &ScanRecord, files: Vec<File>) -> Result<OpenScan, String> {
        if files.len() != record.files.len() {
            return Err(format!("{} of its {} files were handed over", files.len(), record.files.len()));
        }
        for (file, then) in files.iter().zip(&record.files) {
            let path = &then.file.path;
            let now = SourceIdentity::of(file).map_err(|e| format!("`{path}` cannot be read ({e})"))?;
            if let Some(difference) = then.identity.difference(&now) {
                return Err(format!("`{path}` changed since it was loaded ({difference})"));
            }
            if let Some(footer) = &then.footer_sha256 {
                let now = parquet_footer(file).map(|f| hex_digest(&f)).map_err(|e| format!("`{path}` is no longer Parquet ({e})"))?;
                if &now != footer {
                    return Err(format!("`{path}` changed since it was loaded (its Parquet footer differs)"));
                }
            }
        }
        Ok(OpenScan { record: record.clone(), files: files.into() })
    }

    /// The scan: one over every file, or one per file with its hive values as columns
    /// (appended after the file's own columns, as Python Polars does).
    pub fn plan(&self) -> PolarsResult<LazyFrame> {
        let hive_keys = hive_keys(&self.record.files);
        if hive_keys.is_empty() {
            let files: Vec<File> = self.files.iter().map(File::try_clone).collect::<io::Result<_>>()?;
            return scan_files(self.record.format, files.into());
        }
        let dtypes: Vec<DataType> = hive_keys.iter().map(|key| hive_dtype(&self.record.files, key)).collect();
        let mut parts = Vec::with_capacity(self.files.len());
        for (file, scanned) in self.files.iter().zip(&self.record.files) {
            let part = scan_files(self.record.format, Arc::from([file.try_clone()?]))?;
            let values: Vec<Expr> = hive_keys
                .iter()
                .zip(&dtypes)
                .map(|(key, dtype)| {
                    let value = scanned.file.hive.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
                    hive_literal(value, dtype).alias(key.as_str())
                })
                .collect();
            parts.push(part.with_columns(values));
        }
        concat(parts, UnionArgs { rechunk: false, parallel: true, ..Default::default() })
    }
}

fn scan_files(format: ScanFormat, files: Arc<[File]>) -> PolarsResult<LazyFrame> {
    let sources = ScanSources::Files(files);
    // Hive values come from the kernel's paths (open files have none): Polars' own is off.
    let hive_options = HiveOptions::new_disabled();
    match format {
        ScanFormat::Parquet => LazyFrame::scan_parquet_sources(sources, ScanArgsParquet { hive_options, ..Default::default() }),
        ScanFormat::Csv => LazyCsvReader::new_with_sources(sources)
            .with_has_header(true)
            .with_infer_schema_length(Some(CSV_INFER_SCHEMA_ROWS))
            .with_try_parse_dates(true)
            .finish(),
        ScanFormat::Ipc => LazyFrame::scan_ipc_sources(sources, Default::default(), UnifiedScanArgs { hive_options, ..Default::default() }),
    }
}

/// Hive keys in the order the first file names them.
fn hive_keys(files: &[ScannedFile]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for file in files {
        for (key, _) in &file.file.hive {
            if !keys.contains(key) {
                keys.push(key.clone());
            }
        }
    }
    keys
}

/// The hive value that stands for null (Hive's and Python Polars' spelling).
const HIVE_NULL: &str = "__HIVE_DEFAULT_PARTITION__";

/// Int64 when every value is an integer, Float64 when every value is a number, Date when every
/// value is a date, else String (Python Polars infers the same kinds for hive columns).
fn hive_dtype(files: &[ScannedFile], key: &str) -> DataType {
    let values: Vec<&str> = files
        .iter()
        .filter_map(|f| f.file.hive.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()))
        .filter(|v| *v != HIVE_NULL)
        .collect();
    if values.is_empty() {
        return DataType::String;
    }
    if values.iter().all(|v| v.parse::<i64>().is_ok()) {
        DataType::Int64
    } else if values.iter().all(|v| v.parse::<f64>().is_ok()) {
        DataType::Float64
    } else if values.iter().all(|v| parse_date(v).is_some()) {
        DataType::Date
    } else {
        DataType::String
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` value that is a real date.
fn parse_date(value: &str) -> Option<i32> {
    let mut parts = value.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (year, month, day): (i64, i64, i64) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let month_days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&month) || day < 1 || day > month_days[(month - 1) as usize] {
        return None;
    }
    // Days from the civil calendar (the proleptic Gregorian algorithm of H. Hinnant).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some((era * 146_097 + day_of_era - 719_468) as i32)
}

fn hive_literal(value: Option<&str>, dtype: &DataType) -> Expr {
    let value = value.filter(|v| *v != HIVE_NULL);
    let typed = match (value, dtype) {
        (None, _) => return lit(NULL).cast(dtype.clone()),
        (Some(v), DataType::Int64) => v.parse::<i64>().map(|v| lit(v).cast(DataType::Int64)).ok(),
        (Some(v), DataType::Float64) => v.parse::<f64>().map(|v| lit(v).cast(DataType::Float64)).ok(),
        (Some(v), DataType::Date) => parse_date(v).map(|days| lit(days).cast(DataType::Date)),
        (Some(v), _) => Some(lit(v.to_string())),
    };
    typed.unwrap_or_else(|| lit(NULL).cast(dtype.clone()))
}

/// The footer of a Parquet file (read with pread: the file's position is the scan's).
fn parquet_footer(file: &File) -> io::Result<Vec<u8>> {
    let size = file.metadata()?.len();
    if size < 12 {
        return Err(io::Error::other("too short for a Parquet file"));
    }
    let mut tail = [0u8; 8];
    file.read_exact_at(&mut tail, size - 8)?;
    if &tail[4..] != b"PAR1" {
        return Err(io::Error::other("no Parquet magic bytes at its end"));
    }
    let length = u32::from_le_bytes(tail[..4].try_into().expect("four bytes")) as u64;
    if length + 12 > size {
        return Err(io::Error::other("its footer length is larger than the file"));
    }
    let mut footer = vec![0u8; length as usize];
    file.read_exact_at(&mut footer, size - 8 - length)?;
    Ok(footer)
}

fn parquet_rows(file: &File, path: &str) -> Result<usize, String> {
    let clone = file.try_clone().map_err(|e| format!("cannot read `{path}`: {e}"))?;
    ParquetReader::new(clone).num_rows().map_err(|e| format!("cannot read `{path}` as Parquet: {e}"))
}

fn hex_digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanned(hive: &[(&str, &str)]) -> ScannedFile {
        ScannedFile {
            file: ScanFile { path: "x".into(), hive: hive.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect() },
            identity: SourceIdentity { bytes: 0, modified_unix_ns: 0, device: 0, inode: 0 },
            footer_sha256: None,
            rows: None,
        }
    }

    #[test]
    fn hive_values_get_the_kind_every_value_has() {
        let files = [scanned(&[("year", "2024"), ("day", "2024-01-02"), ("shop", "a")]), scanned(&[("year", "2025"), ("day", "2024-02-30"), ("shop", "7")])];
        assert_eq!(hive_dtype(&files, "year"), DataType::Int64);
        assert_eq!(hive_dtype(&files, "day"), DataType::String, "2024-02-30 is not a date");
        assert_eq!(hive_dtype(&files, "shop"), DataType::String);
        let files = [scanned(&[("p", "1.5")]), scanned(&[("p", HIVE_NULL)]), scanned(&[("p", "2")])];
        assert_eq!(hive_dtype(&files, "p"), DataType::Float64, "the null partition does not decide the kind");
        assert_eq!(hive_keys(&files), vec!["p".to_string()]);
        assert_eq!(parse_date("1970-01-01"), Some(0));
        assert_eq!(parse_date("2024-03-01"), Some(19_783));
        assert_eq!(parse_date("2000-02-29"), Some(11_016));
    }

    #[test]
    fn a_parquet_footer_is_found_and_a_truncated_file_refused() {
        let dir = std::env::temp_dir().join(format!("fe-scan-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.parquet");
        let mut df = df!("a" => [1i64, 2, 3]).unwrap();
        ParquetWriter::new(File::create(&path).unwrap()).finish(&mut df).unwrap();
        let file = File::open(&path).unwrap();
        assert!(!parquet_footer(&file).unwrap().is_empty());
        assert_eq!(parquet_rows(&file, "a.parquet").unwrap(), 3);
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
        assert!(parquet_footer(&File::open(&path).unwrap()).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
