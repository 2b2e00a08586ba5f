// One running child (worker or loader): its pipes drained by threads (framed replies from
// stdout, the last lines of stderr kept for crash reports), and reaping it with its exit cause.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStdin, ExitStatus};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;

use crate::protocol::{read_message_bytes, FrameError};

/// Bytes of stderr kept for classifying a crash and for the log.
const STDERR_TAIL_BYTES: usize = 16 * 1024;

pub enum ReplyEvent {
    Message(Vec<u8>),
    Closed,
}

/// The last lines a child wrote to stderr.
#[derive(Clone, Default)]
pub struct StderrTail(Arc<Mutex<VecDeque<String>>>);

impl StderrTail {
    fn push(&self, line: String) {
        let mut lines = self.0.lock().unwrap_or_else(|p| p.into_inner());
        lines.push_back(line);
        while lines.iter().map(String::len).sum::<usize>() > STDERR_TAIL_BYTES {
            lines.pop_front();
        }
    }

    pub fn text(&self) -> String {
        let lines = self.0.lock().unwrap_or_else(|p| p.into_inner());
        lines.iter().map(String::as_str).collect::<Vec<_>>().join("\n")
    }
}

pub struct RunningChild {
    pub child: Child,
    pub pid: i32,
    pub stdin: Option<ChildStdin>,
    pub replies: mpsc::Receiver<ReplyEvent>,
    pub stderr: StderrTail,
    stderr_thread: Option<thread::JoinHandle<()>>,
}

impl RunningChild {
    /// Takes the child's pipes and starts the threads that drain them.
    pub fn adopt(mut child: Child, log_prefix: Option<&'static str>) -> RunningChild {
        let pid = child.id() as i32;
        let stdin = child.stdin.take();
        let (send, replies) = mpsc::channel();
        if let Some(mut stdout) = child.stdout.take() {
            let _ = thread::Builder::new().name("fe-worker-replies".into()).spawn(move || loop {
                match read_message_bytes(&mut stdout) {
                    Ok(bytes) => {
                        if send.send(ReplyEvent::Message(bytes)).is_err() {
                            return;
                        }
                    }
                    Err(FrameError::TooLarge(_)) | Err(_) => {
                        let _ = send.send(ReplyEvent::Closed);
                        // Drain whatever else comes so the child never blocks on a full pipe.
                        let _ = std::io::copy(&mut stdout, &mut std::io::sink());
                        return;
                    }
                }
            });
        }
        let stderr = StderrTail::default();
        let stderr_thread = child.stderr.take().and_then(|pipe| {
            let tail = stderr.clone();
            thread::Builder::new()
                .name("fe-worker-stderr".into())
                .spawn(move || {
                    for line in BufReader::new(pipe).split(b'\n') {
                        let Ok(line) = line else { break };
                        let line = String::from_utf8_lossy(&line).into_owned();
                        if let Some(prefix) = log_prefix {
                            eprintln!("{prefix}[{pid}] {line}");
                        }
                        tail.push(line);
                    }
                })
                .ok()
        });
        RunningChild { child, pid, stdin, replies, stderr, stderr_thread }
    }

    /// Sends a signal to the child (not to its group: SIGINT must reach only the worker).
    pub fn signal(&self, signal: i32) {
        // SAFETY: kill has no memory-safety preconditions; the pid is our unreaped child.
        unsafe { libc::kill(self.pid, signal) };
    }

    /// Waits for the child to end and for its stderr to be read to the end.
    pub fn reap(&mut self) -> (ExitStatus, String) {
        let status = match self.child.wait() {
            Ok(status) => status,
            Err(_) => std::os::unix::process::ExitStatusExt::from_raw(0),
        };
        if let Some(thread) = self.stderr_thread.take() {
            let _ = thread.join();
        }
        (status, self.stderr.text())
    }

    /// Closes stdin (the lifeline), waits up to `grace` for a clean exit, then kills.
    pub fn stop(&mut self, grace: std::time::Duration) {
        drop(self.stdin.take());
        let deadline = std::time::Instant::now() + grace;
        while std::time::Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                self.reap();
                return;
            }
            thread::sleep(std::time::Duration::from_millis(10));
        }
        self.signal(libc::SIGKILL);
        self.reap();
    }
}
