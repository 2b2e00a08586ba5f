// Forwards a running cell's stdout/stderr lines to its CellIo as they arrive (batching lines
// that are already waiting), and picks out the panic marker printed by our hook.

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

    /// Publishes whatever stderr is still waiting (stderr is read on evcxr's own thread, so it
    /// can trail the end of the cell by a moment).
    pub fn flush_stderr(&mut self, stderr: &Receiver<String>) {
        if let Ok(first) = stderr.try_recv() {
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
}
