// Checkpoints off the reply path: one thread writes committed versions as write-once Arrow IPC
// files (tmp → fsync → rename) in commit order, and removes the files of dropped versions after.
//
// A version is committed when the manifest lists it (before the reply); its file follows here.
// Until the file exists, the version is rebuilt from its recorded step if the worker dies
// (see `rebuild`). Every file change of `frames/` after start-up goes through this queue, so
// a removal can never overtake the write of the same file, and files are only removed once
// everything committed before them is durable.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};

use polars::prelude::*;

use crate::atomic_file::write_atomically;

enum Job {
    Write { path: PathBuf, frame: DataFrame, label: String },
    Remove { paths: Vec<PathBuf> },
}

#[derive(Default)]
struct Progress {
    /// Jobs sent and not yet finished.
    queued: usize,
    /// Set by a test probe: the thread waits before its next job while this is true.
    held: bool,
    /// Writes that failed since the last `take_failures`, as sentences for the user.
    failures: Vec<String>,
}

struct Shared {
    progress: Mutex<Progress>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Progress> {
        self.progress.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The writer thread and its queue.
pub struct CheckpointWriter {
    jobs: Option<Sender<Job>>,
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl CheckpointWriter {
    pub fn start() -> io::Result<CheckpointWriter> {
        let (jobs, receive) = mpsc::channel();
        let shared = Arc::new(Shared { progress: Mutex::new(Progress::default()), changed: Condvar::new() });
        let for_thread = Arc::clone(&shared);
        let thread = thread::Builder::new().name("fe-checkpoints".into()).spawn(move || work(receive, for_thread))?;
        Ok(CheckpointWriter { jobs: Some(jobs), shared, thread: Some(thread) })
    }

    /// Queues `frame` to be written at `path`; `label` names it in messages ("frame `tx` version 3").
    pub fn write(&self, path: PathBuf, frame: DataFrame, label: String) {
        self.send(Job::Write { path, frame, label });
    }

    /// Queues the removal of `paths`, after every write queued before.
    pub fn remove(&self, paths: Vec<PathBuf>) {
        if !paths.is_empty() {
            self.send(Job::Remove { paths });
        }
    }

    fn send(&self, job: Job) {
        self.shared.lock().queued += 1;
        let sent = self.jobs.as_ref().map(|jobs| jobs.send(job).is_ok()).unwrap_or(false);
        if !sent {
            // The thread is gone (it only stops when the writer is dropped): nothing will run.
            let mut progress = self.shared.lock();
            progress.queued -= 1;
            progress.failures.push("the checkpoint thread has stopped".into());
        }
    }

    /// Releases a held queue and waits until every queued job has finished.
    pub fn flush(&self) {
        // `hold(false)` wakes the writer thread if a probe held it.
        self.hold(false);
        self.wait_unless_held();
    }

    /// Waits until every queued job has finished, unless a test probe holds them (then returns
    /// at once): for work that would otherwise hold a second copy of a frame's encoding in
    /// memory at the same time (a `%fe save` right after an apply).
    pub fn wait_unless_held(&self) {
        let mut progress = self.shared.lock();
        while progress.queued > 0 && !progress.held {
            progress = self.shared.changed.wait(progress).unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }

    /// Jobs not yet finished.
    pub fn queued(&self) -> usize {
        self.shared.lock().queued
    }

    /// Failed writes since the last call, as sentences for the user.
    pub fn take_failures(&self) -> Vec<String> {
        std::mem::take(&mut self.shared.lock().failures)
    }

    /// Test probe: keep queued jobs waiting until `flush` (or `hold(false)`).
    pub fn hold(&self, held: bool) {
        self.shared.lock().held = held;
        self.shared.changed.notify_all();
    }
}

impl Drop for CheckpointWriter {
    /// Finishes the queue before the worker exits (stdin closed): a restart then has nothing to
    /// rebuild.
    fn drop(&mut self) {
        self.hold(false);
        drop(self.jobs.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn work(jobs: Receiver<Job>, shared: Arc<Shared>) {
    for job in jobs {
        {
            let mut progress = shared.lock();
            while progress.held {
                progress = shared.changed.wait(progress).unwrap_or_else(|poisoned| poisoned.into_inner());
            }
        }
        let failure = match job {
            Job::Write { path, mut frame, label } => {
                write_checkpoint(&path, &mut frame).err().map(|e| format!("the checkpoint of {label} could not be written ({e})"))
            }
            Job::Remove { paths } => {
                for path in paths {
                    // Best effort: a file left here is removed as an orphan at the next start.
                    let _ = std::fs::remove_file(path);
                }
                None
            }
        };
        let mut progress = shared.lock();
        progress.queued -= 1;
        progress.failures.extend(failure);
        shared.changed.notify_all();
    }
}

/// Writes one version file: uncompressed Arrow IPC (memory-mapped when read back), published
/// only once complete and fsynced.
pub fn write_checkpoint(path: &Path, frame: &mut DataFrame) -> io::Result<()> {
    write_atomically(path, |out| {
        IpcWriter::new(out).with_compression(None).finish(frame).map_err(|e| io::Error::other(e.to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("fe-checkpoints-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn frame(n: i64) -> DataFrame {
        df!("x" => (0..n).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn writes_and_removals_run_in_order_and_flush_waits_for_them() {
        let dir = scratch("order");
        let writer = CheckpointWriter::start().unwrap();
        let (a, b) = (dir.join("a.arrow"), dir.join("b.arrow"));
        writer.hold(true);
        writer.write(a.clone(), frame(10), "a".into());
        writer.write(b.clone(), frame(20), "b".into());
        writer.remove(vec![a.clone()]);
        assert_eq!(writer.queued(), 3);
        assert!(!a.exists() && !b.exists(), "held jobs have not run");
        writer.flush();
        assert_eq!(writer.queued(), 0);
        assert!(!a.exists(), "the removal ran after the write of the same file");
        let read = IpcReader::new(std::fs::File::open(&b).unwrap()).finish().unwrap();
        assert_eq!(read.height(), 20);
        assert!(writer.take_failures().is_empty());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_failed_write_is_reported_once_and_leaves_no_file() {
        let dir = scratch("fail");
        let writer = CheckpointWriter::start().unwrap();
        let path = dir.join("missing-folder").join("a.arrow");
        writer.write(path.clone(), frame(5), "frame `a` version 2".into());
        writer.flush();
        let failures = writer.take_failures();
        assert_eq!(failures.len(), 1, "{failures:?}");
        assert!(failures[0].contains("frame `a` version 2"), "{failures:?}");
        assert!(writer.take_failures().is_empty());
        assert!(!path.exists());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn dropping_the_writer_finishes_its_queue() {
        let dir = scratch("drop");
        let path = dir.join("a.arrow");
        {
            let writer = CheckpointWriter::start().unwrap();
            writer.write(path.clone(), frame(1000), "a".into());
        }
        assert!(path.exists());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
