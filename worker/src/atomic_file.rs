// Crash-safe file replacement: write `<target>.tmp`, fsync it, rename it over the target,
// fsync the folder. A failure at any step removes the temporary file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// Suffix of every temporary file in a session folder (cleaned up when a worker starts).
pub const TMP_SUFFIX: &str = ".tmp";

/// The temporary path used while writing `target`.
pub fn tmp_path_for(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(TMP_SUFFIX);
    target.with_file_name(name)
}

/// Writes a file through `write` at `<target>.tmp`, then publishes it at `target`.
/// On error nothing is left behind and `target` is unchanged.
pub fn write_atomically<E>(
    target: &Path,
    write: impl FnOnce(&mut File) -> Result<(), E>,
) -> Result<(), E>
where
    E: From<io::Error>,
{
    let tmp = tmp_path_for(target);
    let result = (|| {
        let mut file = OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(&tmp)?;
        write(&mut file)?;
        file.flush()?;
        file.sync_all()?;
        drop(file);
        publish(&tmp, target)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Renames a finished temporary file onto `target` and makes the rename durable.
pub fn publish(tmp: &Path, target: &Path) -> io::Result<()> {
    fs::rename(tmp, target)?;
    sync_folder_of(target)
}

/// fsyncs the folder containing `path` (so a rename or unlink survives a power cut).
pub fn sync_folder_of(path: &Path) -> io::Result<()> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    File::open(folder)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("fe-atomic-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_tmp() {
        let dir = scratch("fail");
        let target = dir.join("m.json");
        fs::write(&target, "old").unwrap();
        let result: Result<(), io::Error> = write_atomically(&target, |f| {
            f.write_all(b"half")?;
            Err(io::Error::other("disk on fire"))
        });
        assert!(result.is_err());
        assert_eq!(fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_successful_write_replaces_the_file() {
        let dir = scratch("ok");
        let target = dir.join("m.json");
        fs::write(&target, "old").unwrap();
        write_atomically::<io::Error>(&target, |f| f.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert!(!tmp_path_for(&target).exists());
        fs::remove_dir_all(dir).unwrap();
    }
}
