// Forwards a running cell's stdout/stderr lines to its CellIo as they arrive (batching lines
// that are already waiting), and picks out the panic marker printed by our hook.

use std::time::{Duration, Instant};

use crossbeam_channel::Receiver;

use super::panic_capture::{parse_marker, CellPanic};
use crate::server::publisher::CellIo;

/// Lines sent as one stream message at most (keeps messages small for chatty loops).
const MAX_LINES_PER_MESSAGE: usize = 500;

pub struct CellStream<'a> {
    io: &'a CellIo,
    panic: Option<CellPanic>,
}

impl<'a> CellStream<'a> {
    pub fn new(io: &'a CellIo) -> Self {
        CellStream { io, panic: None }
    }

    /// The first panic reported on the main thread, if any.
    pub fn take_panic(&mut self) -> Option<CellPanic> {
        self.panic.take()
    }

    /// Publishes `first` and every stdout line already waiting behind it.
    pub fn stdout(&mut self, first: String, more: &Receiver<String>) {
        let mut text = String::new();
        for line in std::iter::once(first).chain(more.try_iter().take(MAX_LINES_PER_MESSAGE - 1)) {
            match parse_marker(&line) {
                Some((before, panic)) => {
                    if !before.is_empty() {
                        text.push_str(before);
                        text.push('\n');
                    }
                    self.panic.get_or_insert(panic);
                }
                None => {
                    text.push_str(&line);
                    text.push('\n');
                }
            }
        }
        if !text.is_empty() {
            self.io.stdout(&text);
        }
    }

    /// Publishes `first` and every stderr line already waiting behind it.
    pub fn stderr(&mut self, first: String, more: &Receiver<String>) {
        let mut text = String::new();
        for line in std::iter::once(first).chain(more.try_iter().take(MAX_LINES_PER_MESSAGE - 1)) {
            text.push_str(&line);
            text.push('\n');
        }
        self.io.stderr(&text);
    }

    /// Publishes the stderr that trails the end of the cell: the child wrote it before it
    /// finished, but evcxr's reader thread may not have passed it on yet (seen on a busy
    /// machine). Waits until the channel has been quiet for `quiet`, at most `limit` in all (a
    /// thread the cell left running may print on; its lines then go to the next cell).
    pub fn flush_stderr(&mut self, stderr: &Receiver<String>, quiet: Duration, limit: Duration) {
        let deadline = Instant::now() + limit;
        while let Ok(first) = stderr.recv_timeout(quiet.min(deadline.saturating_duration_since(Instant::now()))) {
            self.stderr(first, stderr);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cells::test_io::{drain, recording_io};

    #[test]
    fn waiting_lines_go_out_as_one_stream_message() {
        let (io, mut outputs) = recording_io();
        let (sender, receiver) = crossbeam_channel::unbounded();
        sender.send("b".to_string()).unwrap();
        sender.send("c".to_string()).unwrap();
        CellStream::new(&io).stdout("a".into(), &receiver);
        let messages = drain(&mut outputs);
        assert_eq!(messages.len(), 1);
        assert_eq!(messages[0].content["name"], "stdout");
        assert_eq!(messages[0].content["text"], "a\nb\nc\n");
    }

    #[test]
    fn the_panic_marker_is_taken_out_of_stdout() {
        let (io, mut outputs) = recording_io();
        let (_sender, receiver) = crossbeam_channel::unbounded::<String>();
        let mut stream = CellStream::new(&io);
        stream.stdout("\u{1}FEKERNEL_PANIC\u{1}boom\tsrc/lib.rs:3:5".into(), &receiver);
        assert!(drain(&mut outputs).is_empty());
        assert_eq!(stream.take_panic().map(|p| p.message), Some("boom".to_string()));
    }

    #[test]
    fn stderr_that_trails_the_cell_is_waited_for_but_not_forever() {
        let (io, mut outputs) = recording_io();
        let (sender, receiver) = crossbeam_channel::unbounded();
        let late = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            sender.send("late".to_string()).unwrap();
            // A thread that keeps printing: the wait must still end.
            for _ in 0..200 {
                std::thread::sleep(Duration::from_millis(10));
                if sender.send("again".to_string()).is_err() {
                    break;
                }
            }
        });
        let started = Instant::now();
        CellStream::new(&io).flush_stderr(&receiver, Duration::from_millis(50), Duration::from_millis(300));
        let waited = started.elapsed();
        drop(receiver);
        late.join().unwrap();
        let messages = drain(&mut outputs);
        assert!(messages[0].content["text"].as_str().unwrap().starts_with("late\n"), "{:?}", messages[0].content);
        assert!(waited < Duration::from_millis(1000), "waited {waited:?}");
    }
}
