// The cell's live output while a provider answers: one display (by display_id) updated as the
// answer streams in, with retries and waits noted; the review replaces it at the end.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::llm::Progress;
use crate::server::interpreter::MimeBundle;
use crate::server::publisher::CellIo;

/// Updates at most this often (front ends re-render the whole output each time).
const UPDATE_EVERY: Duration = Duration::from_millis(150);

pub struct LiveView<'a> {
    io: &'a CellIo,
    pub display_id: String,
    heading: String,
    notices: Vec<String>,
    text: String,
    last_update: Option<Instant>,
}

impl<'a> LiveView<'a> {
    /// Publishes the (empty) display that later updates replace.
    pub fn open(io: &'a CellIo, heading: String) -> LiveView<'a> {
        let view = LiveView {
            io,
            display_id: format!("fe-suggest-{}", uuid::Uuid::new_v4().simple()),
            heading,
            notices: Vec::new(),
            text: String::new(),
            last_update: None,
        };
        io.display(view.bundle(), Some(&view.display_id));
        view
    }

    /// A new round (a repair): new heading, empty text.
    pub fn start_round(&mut self, heading: String) {
        self.heading = heading;
        self.text.clear();
        self.publish();
    }

    /// Replaces the live output with `bundle` (the review, or the text that failed).
    pub fn finish(&self, bundle: MimeBundle) {
        self.io.update_display(bundle, &self.display_id);
    }

    /// The answer so far, for error messages.
    pub fn text(&self) -> &str {
        &self.text
    }

    fn bundle(&self) -> MimeBundle {
        let mut md = format!("**{}** …\n\n", self.heading);
        let mut plain = format!("{} …\n", self.heading);
        for notice in &self.notices {
            md.push_str(&format!("> {notice}\n\n"));
            plain.push_str(&format!("  {notice}\n"));
        }
        md.push_str(&self.text);
        plain.push_str(&self.text);
        let mut bundle = MimeBundle::new();
        bundle.insert("text/markdown".into(), Value::String(md));
        bundle.insert("text/plain".into(), Value::String(plain));
        bundle
    }

    fn publish(&mut self) {
        self.io.update_display(self.bundle(), &self.display_id);
        self.last_update = Some(Instant::now());
    }
}

impl Progress for LiveView<'_> {
    fn text(&mut self, delta: &str) {
        self.text.push_str(delta);
        if self.last_update.is_none_or(|at| at.elapsed() >= UPDATE_EVERY) {
            self.publish();
        }
    }

    fn notice(&mut self, line: &str) {
        self.notices.push(line.to_string());
        self.publish();
    }

    fn restart(&mut self) {
        self.text.clear();
        self.publish();
    }
}
