// The cell's live output during a search: one display (by display_id) holding the table of
// rounds — code summary, gain ± spread, decision and why, tokens and seconds — and the step
// running now, updated with `update_display_data` as the search goes.

use std::fmt::Write;
use std::time::{Duration, Instant};

use super::decision::gain_text;
use super::rounds::RoundOutcome;
use crate::display::{code_spans, escape_html, text_and_html};
use crate::llm::Progress;
use crate::server::interpreter::MimeBundle;
use crate::server::publisher::CellIo;

/// Streamed text updates the table at most this often.
const UPDATE_EVERY: Duration = Duration::from_millis(250);

pub struct LiveTable<'a> {
    io: &'a CellIo,
    pub display_id: String,
    heading: String,
    rows: Vec<RoundOutcome>,
    /// What runs now ("round 2: asking builtin · builtin-rules-1"), if anything.
    running: Option<String>,
    streamed_chars: usize,
    notices: Vec<String>,
    last_update: Option<Instant>,
}

impl<'a> LiveTable<'a> {
    pub fn open(io: &'a CellIo, heading: String) -> LiveTable<'a> {
        let table = LiveTable {
            io,
            display_id: format!("fe-search-{}", uuid::Uuid::new_v4().simple()),
            heading,
            rows: Vec::new(),
            running: None,
            streamed_chars: 0,
            notices: Vec::new(),
            last_update: None,
        };
        io.display(table.bundle(), Some(&table.display_id));
        table
    }

    /// A new step of the current round.
    pub fn step(&mut self, running: String) {
        self.running = Some(running);
        self.streamed_chars = 0;
        self.publish();
    }

    pub fn finish_round(&mut self, outcome: RoundOutcome) {
        self.rows.push(outcome);
        self.running = None;
        self.publish();
    }

    /// The last update: the finished table under a new heading.
    pub fn close(&mut self, heading: String) {
        self.heading = heading;
        self.running = None;
        self.publish();
    }

    fn publish(&mut self) {
        self.io.update_display(self.bundle(), &self.display_id);
        self.last_update = Some(Instant::now());
    }

    pub fn bundle(&self) -> MimeBundle {
        let mut text = format!("{}\n", self.heading);
        let mut html = format!("<p><b>{}</b></p>", code_spans(&self.heading));
        html.push_str("<table class=\"fe-search\"><thead><tr>");
        for header in ["round", "new columns / code", "gain ± spread", "decision", "why", "tokens", "seconds"] {
            let _ = write!(html, "<th style=\"text-align:left\">{header}</th>");
        }
        html.push_str("</tr></thead><tbody>");
        let _ = writeln!(text, "{:<5} {:<40} {:<18} {:<9} {:>7} {:>7}  why", "round", "new columns / code", "gain ± spread", "decision", "tokens", "seconds");
        for row in &self.rows {
            let gain = row.scores.as_ref().map(gain_text).unwrap_or_else(|| "—".into());
            let tokens = row.tokens.map(|t| t.to_string()).unwrap_or_else(|| "—".into());
            let summary = row.code_summary();
            let _ = writeln!(
                text,
                "{:<5} {:<40} {:<18} {:<9} {:>7} {:>7.1}  {}",
                row.round,
                summary,
                gain,
                row.verdict.decision.as_str(),
                tokens,
                row.seconds,
                row.verdict.reason
            );
            let _ = write!(
                html,
                "<tr><td>{}</td><td style=\"text-align:left\">{}</td><td style=\"text-align:left\">{}</td><td style=\"text-align:left\"><b>{}</b></td><td style=\"text-align:left\">{}</td><td>{}</td><td>{:.1}</td></tr>",
                row.round,
                code_spans(&summary),
                escape_html(&gain),
                escape_html(row.verdict.decision.as_str()),
                code_spans(&row.verdict.reason),
                escape_html(&tokens),
                row.seconds
            );
        }
        html.push_str("</tbody></table>");
        if let Some(running) = &self.running {
            let streamed = if self.streamed_chars > 0 { format!(" ({} characters of answer so far)", self.streamed_chars) } else { String::new() };
            let _ = writeln!(text, "… {running}{streamed}");
            let _ = write!(html, "<p>… {}{}</p>", code_spans(running), escape_html(&streamed));
        }
        for notice in &self.notices {
            let _ = writeln!(text, "  {notice}");
            let _ = write!(html, "<p><i>{}</i></p>", escape_html(notice));
        }
        text_and_html(text, html)
    }
}

impl Progress for LiveTable<'_> {
    fn text(&mut self, delta: &str) {
        self.streamed_chars += delta.chars().count();
        if self.last_update.is_none_or(|at| at.elapsed() >= UPDATE_EVERY) {
            self.publish();
        }
    }

    fn notice(&mut self, line: &str) {
        self.notices.push(line.to_string());
        self.publish();
    }

    fn restart(&mut self) {
        self.streamed_chars = 0;
        self.publish();
    }
}
