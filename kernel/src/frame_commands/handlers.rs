// One handler per frame command: read the arguments, ask the worker, publish the answer as a
// MIME bundle (HTML with text/plain beside it). Failures keep the worker's `ename` class.

use std::fmt::Write;
use std::sync::Arc;

use fe_worker::protocol::FrameHistoryView;
use fe_worker::WorkerControl;

use super::arguments;
use super::cell_errors::cell_error;
use super::config::Settings;
use super::status_view;
use super::worker_session::WorkerSession;
use crate::display::{code_spans, escape_html, text_and_html};
use crate::magics::{MagicCall, MagicHandler, MagicRegistry};
use crate::server::interpreter::{CellError, ExecuteOk};
use crate::server::publisher::CellIo;
use crate::suggest::provenance;

/// Rows `%fe show NAME` displays without N.
const DEFAULT_SHOW_ROWS: usize = 10;

type Outcome = Result<ExecuteOk, CellError>;

/// A handler that needs the worker: it is started on first use.
struct WithWorker {
    session: Arc<WorkerSession>,
    run: fn(&WorkerControl, &MagicCall, &CellIo) -> Outcome,
    /// Complete frame names for the first argument.
    completes_frame_names: bool,
}

impl MagicHandler for WithWorker {
    fn run(&self, call: &MagicCall, io: &CellIo) -> Outcome {
        let control = self.session.control().map_err(cell_error)?;
        (self.run)(&control, call, io)
    }

    fn complete_argument(&self, previous: &[String], partial: &str) -> Vec<String> {
        if !self.completes_frame_names || !previous.is_empty() {
            return Vec::new();
        }
        // Completion must answer at once: only ask a worker that is already running and idle.
        let Some(control) = self.session.started() else { return Vec::new() };
        if control.request_in_flight() {
            return Vec::new();
        }
        let mut names: Vec<String> = match control.frames() {
            Ok(frames) => frames.into_iter().map(|f| f.name).filter(|n| n.starts_with(partial)).collect(),
            Err(_) => Vec::new(),
        };
        names.sort();
        names
    }
}

pub fn attach(registry: &mut MagicRegistry, session: Arc<WorkerSession>, settings: Arc<Settings>) {
    let commands: [(&str, fn(&WorkerControl, &MagicCall, &CellIo) -> Outcome, bool); 8] = [
        ("load", load, false),
        ("frames", frames, false),
        ("show", show, true),
        ("schema", schema, true),
        ("apply", apply, true),
        ("undo", undo, true),
        ("history", history, true),
        ("save", save, true),
    ];
    for (name, run, completes_frame_names) in commands {
        let handler = WithWorker { session: session.clone(), run, completes_frame_names };
        registry.set_handler(name, Arc::new(handler)).expect("frame commands are documented");
    }
    let status_session = session.clone();
    let status_handler = move |call: &MagicCall, io: &CellIo| status(&status_session, call, io);
    registry.set_handler("status", Arc::new(status_handler)).expect("documented");
    registry.set_handler("config", Arc::new(ConfigHandler { settings })).expect("documented");
}

fn load(control: &WorkerControl, call: &MagicCall, io: &CellIo) -> Outcome {
    let (path, name, mode) = arguments::load_arguments(call)?;
    let frame = control.load_as(&path, name.as_deref(), mode).map_err(cell_error)?;
    let table = control.show(&frame.name, 5).map_err(cell_error)?;
    let headline = match &frame.scan {
        None => format!(
            "loaded {} as `{}`: {} rows × {} columns (version {})",
            path.display(),
            frame.name,
            frame.rows,
            frame.columns,
            frame.version
        ),
        Some(scan) => format!(
            "loaded {} as `{}`, kept as a scan (not read into memory): {}, {} rows × {} columns (version {}); applies are planned and `%fe show`/`%fe save` stream it",
            path.display(),
            frame.name,
            status_view::kept_as(&frame),
            if scan.rows_known { frame.rows.to_string() } else { "not counted".to_string() },
            frame.columns,
            frame.version
        ),
    };
    io.display(
        text_and_html(format!("{headline}\n{}", table.text), format!("<p>{}</p>{}", code_spans(&headline), table.html)),
        None,
    );
    Ok(ExecuteOk::default())
}

fn frames(control: &WorkerControl, call: &MagicCall, io: &CellIo) -> Outcome {
    arguments::none(call)?;
    let frames = control.frames().map_err(cell_error)?;
    io.display(status_view::frames(&frames), None);
    Ok(ExecuteOk::default())
}

fn show(control: &WorkerControl, call: &MagicCall, io: &CellIo) -> Outcome {
    let (name, rows) = arguments::name_and_rows(call, DEFAULT_SHOW_ROWS)?;
    let table = control.show(&name, rows).map_err(cell_error)?;
    io.display(text_and_html(table.text, table.html), None);
    Ok(ExecuteOk::default())
}

fn schema(control: &WorkerControl, call: &MagicCall, io: &CellIo) -> Outcome {
    let name = arguments::one_name(call)?;
    let summary = control.schema(&name).map_err(cell_error)?;
    io.display(text_and_html(summary.text, summary.html), None);
    Ok(ExecuteOk::default())
}

/// A cell inserted by `%%fe suggest` starts with a marker comment: it is removed from the code
/// (so history and exports hold plain code) and recorded as the version's provenance.
fn apply(control: &WorkerControl, call: &MagicCall, io: &CellIo) -> Outcome {
    let name = arguments::one_name(call)?;
    let body = provenance::read_apply_body(&call.body);
    if body.code.trim().is_empty() {
        return Err(arguments::bad(call, "the cell holds only the suggestion's marker line; the code goes below it.").into());
    }
    // The body starts on the line after the magic line (and after the marker, when there is one).
    let first_line = call.line_number as u32 + 1 + body.lines_removed;
    let summary = control.apply(&name, &body.code, first_line, body.provenance.clone()).map_err(cell_error)?;
    let (mut text, mut html) = (summary.text, summary.html);
    if let Some(llm) = &body.provenance {
        let note = format!(
            "recorded as suggested by {} {} (prompt {}){}",
            llm.provider,
            llm.model,
            llm.prompt_hash,
            if llm.edited { ", edited before it was applied" } else { "" }
        );
        text.push_str(&format!("{note}\n"));
        html.push_str(&format!("<p>{}</p>", escape_html(&note)));
    }
    io.display(text_and_html(text, html), None);
    Ok(ExecuteOk::default())
}

fn undo(control: &WorkerControl, call: &MagicCall, io: &CellIo) -> Outcome {
    let name = arguments::one_name(call)?;
    let (frame, dropped) = control.undo(&name).map_err(cell_error)?;
    let text = format!(
        "`{}` is back at version {} ({} rows × {} columns); version {dropped} was dropped",
        frame.name, frame.version, frame.rows, frame.columns
    );
    io.display(text_and_html(text.clone(), format!("<p>{}</p>", code_spans(&text))), None);
    Ok(ExecuteOk::default())
}

fn history(control: &WorkerControl, call: &MagicCall, io: &CellIo) -> Outcome {
    let name = arguments::one_name(call)?;
    let history = control.history(&name).map_err(cell_error)?;
    io.display(history_view(&history), None);
    Ok(ExecuteOk::default())
}

fn save(control: &WorkerControl, call: &MagicCall, io: &CellIo) -> Outcome {
    let (name, path) = arguments::name_and_path(call)?;
    let saved = control.save(&name, &path).map_err(cell_error)?;
    let text = format!(
        "saved `{name}` ({} rows × {} columns) to {} as {}",
        saved.rows,
        saved.columns,
        saved.path.display(),
        saved.format.extension()
    );
    io.display(text_and_html(text.clone(), format!("<p>{}</p>", code_spans(&text))), None);
    Ok(ExecuteOk::default())
}

/// `%fe status` does not start the worker just to report on it.
fn status(session: &WorkerSession, call: &MagicCall, io: &CellIo) -> Outcome {
    arguments::none(call)?;
    let bundle = match session.started() {
        Some(control) => status_view::status(&control.status().map_err(cell_error)?),
        None => {
            let limits = session.limits();
            status_view::not_started(&format!(
                "limits: memory {}, timeout {:.0} s",
                fe_worker::limits::format_bytes(limits.memory_bytes),
                limits.timeout.as_secs_f64()
            ))
        }
    };
    io.display(bundle, None);
    Ok(ExecuteOk::default())
}

struct ConfigHandler {
    settings: Arc<Settings>,
}

impl MagicHandler for ConfigHandler {
    fn run(&self, call: &MagicCall, io: &CellIo) -> Outcome {
        let pairs = arguments::key_values(call)?;
        if !pairs.is_empty() {
            self.settings.set_all(&pairs).map_err(|e| CellError::from(arguments::bad(call, e.to_string())))?;
        }
        io.display(self.settings.view(), None);
        Ok(ExecuteOk::default())
    }

    fn complete_argument(&self, _previous: &[String], partial: &str) -> Vec<String> {
        self.settings.keys().into_iter().filter(|k| k.starts_with(partial)).map(|k| format!("{k}=")).collect()
    }
}

fn history_view(history: &FrameHistoryView) -> crate::server::interpreter::MimeBundle {
    let mut text = format!("history of `{}` (current: version {})\n", history.name, history.current);
    let mut html = format!(
        "<p><b>history of <code>{}</code></b> (current: version {})</p><table class=\"fe-history\"><thead><tr><th style=\"text-align:left\">version</th><th style=\"text-align:left\">rows × columns</th><th style=\"text-align:left\">origin</th><th style=\"text-align:left\">created</th><th style=\"text-align:left\">code</th></tr></thead><tbody>",
        escape_html(&history.name),
        history.current
    );
    for v in &history.versions {
        let created = chrono::DateTime::from_timestamp_millis(v.created_unix_ms as i64)
            .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
            .unwrap_or_default();
        let mut origin = v.origin.clone();
        if let Some(llm) = &v.llm {
            let _ = write!(origin, " (suggested by {} {}, prompt {}", llm.provider, llm.model, llm.prompt_hash);
            if let Some(at) = chrono::DateTime::from_timestamp_millis(llm.suggested_unix_ms as i64).filter(|_| llm.suggested_unix_ms > 0) {
                let _ = write!(origin, ", at {}", at.format("%Y-%m-%d %H:%M:%S UTC"));
            }
            origin.push_str(if llm.edited { ", edited)" } else { ")" });
        }
        let marker = if v.version == history.current { "*" } else { " " };
        let _ = writeln!(text, "{marker} v{:<3} {:>9} × {:<4} {created}  {origin}", v.version, v.rows, v.columns);
        if let Some(code) = &v.code {
            for line in code.trim_end().lines() {
                let _ = writeln!(text, "        | {line}");
            }
        }
        let _ = write!(
            html,
            "<tr><td style=\"text-align:left\">{}{}</td><td style=\"text-align:left\">{} × {}</td><td style=\"text-align:left\">{}</td><td style=\"text-align:left\">{}</td><td style=\"text-align:left\"><pre>{}</pre></td></tr>",
            v.version,
            if v.version == history.current { " (current)" } else { "" },
            v.rows,
            v.columns,
            escape_html(&origin),
            escape_html(&created),
            escape_html(v.code.as_deref().unwrap_or(""))
        );
    }
    html.push_str("</tbody></table>");
    if !history.searches.is_empty() {
        let (search_text, search_html) = crate::search::summary::history_lines(&history.searches);
        text.push_str("searches (`%%fe search`; no version is committed by a search):\n");
        text.push_str(&search_text);
        html.push_str("<p><b>searches</b> (<code>%%fe search</code>; no version is committed by a search)</p>");
        html.push_str(&search_html);
    }
    text_and_html(text, html)
}
