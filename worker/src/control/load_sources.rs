// What `%fe load PATH` names, resolved on the kernel side: one file, or the data files of a folder
// (recursively) or of a glob, with the hive partition values of their `key=value` folders.
//
// The worker cannot open paths itself: the kernel lists and opens every file and hands them over.

use std::fs;
use std::path::{Path, PathBuf};

use crate::loader::{InputFormat, SUPPORTED_EXTENSIONS};
use crate::scan_source::{ScanFile, ScanFormat};

/// `--lazy` / `--eager`, or neither (then the size decides).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadMode {
    Auto,
    Lazy,
    Eager,
}

/// The files a load reads.
#[derive(Debug)]
pub enum LoadSource {
    /// One file (canonical path).
    File { path: PathBuf, format: InputFormat, bytes: u64 },
    /// Several files of one format (a folder or a glob), read as one scan.
    Files { shown: String, format: ScanFormat, files: Vec<(PathBuf, ScanFile)> },
}

const NOTHING_CHANGED: &str = "no frame was changed";

/// Resolves `path` (a file, a folder or a glob) to the files to read.
pub fn resolve(path: &Path) -> Result<LoadSource, String> {
    let text = path.to_string_lossy();
    if text.contains(['*', '?', '[']) {
        return resolve_glob(&text);
    }
    // The type first: `data.xlsx` is refused for what it is, whether or not it exists.
    if !path.is_dir() && path.extension().is_some() && InputFormat::from_path(path).is_none() {
        return Err(format!("cannot load `{text}`: unknown file type (supported: {SUPPORTED_EXTENSIONS}); {NOTHING_CHANGED}"));
    }
    let canonical = path.canonicalize().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("cannot load `{text}`: no such file or folder; {NOTHING_CHANGED}"),
        _ => format!("cannot load `{text}`: {e}; {NOTHING_CHANGED}"),
    })?;
    if canonical.is_dir() {
        let mut found = Vec::new();
        walk(&canonical, &mut found).map_err(|e| format!("cannot list `{text}`: {e}; {NOTHING_CHANGED}"))?;
        // Recorded as the glob that names the same files (what an exported script reads).
        let extension = found.iter().find(|p| InputFormat::from_path(p).is_some()).and_then(|p| p.extension()).map(|e| e.to_string_lossy().into_owned());
        let shown = match extension {
            Some(extension) => format!("{}/**/*.{extension}", canonical.display()),
            None => canonical.display().to_string(),
        };
        return several(&shown, &canonical, found);
    }
    let format = InputFormat::from_path(path)
        .ok_or_else(|| format!("cannot load `{text}`: unknown file type (supported: {SUPPORTED_EXTENSIONS}); {NOTHING_CHANGED}"))?;
    if !canonical.is_file() {
        return Err(format!("cannot load `{text}`: it is not a file; {NOTHING_CHANGED}"));
    }
    let bytes = fs::metadata(&canonical).map(|m| m.len()).unwrap_or(0);
    Ok(LoadSource::File { path: canonical, format, bytes })
}

fn resolve_glob(pattern: &str) -> Result<LoadSource, String> {
    let matches = glob::glob(pattern).map_err(|e| format!("cannot load `{pattern}`: not a valid glob ({e}); {NOTHING_CHANGED}"))?;
    let mut found = Vec::new();
    for entry in matches {
        let path = entry.map_err(|e| format!("cannot load `{pattern}`: {e}; {NOTHING_CHANGED}"))?;
        if path.is_file() {
            found.push(path.canonicalize().map_err(|e| format!("cannot load `{}`: {e}; {NOTHING_CHANGED}", path.display()))?);
        }
    }
    // Hive folders are those below the glob's first wildcard-free folders.
    let prefix: PathBuf = Path::new(pattern).components().take_while(|c| !c.as_os_str().to_string_lossy().contains(['*', '?', '['])).collect();
    let root = prefix.canonicalize().unwrap_or(prefix);
    several(pattern, &root, found)
}

/// Every file below `folder`, sorted (hidden files and folders skipped, as Polars does).
fn walk(folder: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(folder)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name.starts_with('_') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            walk(&path, found)?;
        } else if path.is_file() {
            found.push(path);
        }
    }
    Ok(())
}

/// The files of a folder or glob: one scannable format, hive values from the folders under `root`.
fn several(shown: &str, root: &Path, mut found: Vec<PathBuf>) -> Result<LoadSource, String> {
    found.sort();
    found.dedup();
    let mut format: Option<ScanFormat> = None;
    let mut files = Vec::with_capacity(found.len());
    for path in found {
        let Some(this) = InputFormat::from_path(&path) else { continue };
        let Some(this) = ScanFormat::of(this) else {
            return Err(format!(
                "cannot load `{shown}`: `{}` is {}; a folder or glob is read as one scan of Parquet, CSV or Arrow IPC files; {NOTHING_CHANGED}",
                path.display(),
                this.label()
            ));
        };
        match format {
            Some(first) if first != this => {
                return Err(format!(
                    "cannot load `{shown}`: it mixes {} and {} files (`{}`); {NOTHING_CHANGED}",
                    first.label(),
                    this.label(),
                    path.display()
                ))
            }
            _ => format = Some(this),
        }
        let hive = hive_values(root, &path);
        files.push((path.clone(), ScanFile { path: path.display().to_string(), hive }));
    }
    let Some(format) = format else {
        return Err(format!("cannot load `{shown}`: it holds no Parquet, CSV or Arrow IPC files; {NOTHING_CHANGED}"));
    };
    Ok(LoadSource::Files { shown: shown.to_string(), format, files })
}

/// `key=value` folders between `root` and `file`, outermost first.
fn hive_values(root: &Path, file: &Path) -> Vec<(String, String)> {
    let Ok(relative) = file.strip_prefix(root) else { return Vec::new() };
    let folders: Vec<_> = relative.parent().map(|p| p.components().collect()).unwrap_or_default();
    folders
        .into_iter()
        .filter_map(|c| {
            let part = c.as_os_str().to_string_lossy();
            let (key, value) = part.split_once('=')?;
            (!key.is_empty()).then(|| (key.to_string(), value.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_yields_its_files_with_their_hive_values() {
        let root = std::env::temp_dir().join(format!("fe-load-sources-{}", std::process::id()));
        for (folder, file) in [("year=2024/shop=a", "p0.parquet"), ("year=2025/shop=b", "p1.parquet"), ("_tmp", "x.parquet")] {
            fs::create_dir_all(root.join(folder)).unwrap();
            fs::write(root.join(folder).join(file), b"PAR1").unwrap();
        }
        fs::write(root.join(".hidden.parquet"), b"").unwrap();
        let LoadSource::Files { format, files, .. } = resolve(&root).unwrap() else { panic!("a folder is several files") };
        assert_eq!(format, ScanFormat::Parquet);
        let hive: Vec<_> = files.iter().map(|(_, f)| f.hive.clone()).collect();
        let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
        assert_eq!(hive, vec![vec![pair("year", "2024"), pair("shop", "a")], vec![pair("year", "2025"), pair("shop", "b")]]);
        let pattern = format!("{}/year=*/shop=*/*.parquet", root.display());
        let LoadSource::Files { files, .. } = resolve(Path::new(&pattern)).unwrap() else { panic!("a glob is several files") };
        assert_eq!(files.len(), 2);
        assert_eq!(files[0].1.hive, vec![pair("year", "2024"), pair("shop", "a")]);
        fs::write(root.join("year=2024/notes.csv"), b"a\n1\n").unwrap();
        let mixed = resolve(&root).unwrap_err();
        assert!(mixed.contains("mixes CSV and Parquet files") && mixed.contains("shop=a/p0.parquet"), "{mixed}");
        fs::remove_dir_all(&root).unwrap();
    }
}
