// `%fe status` and `%fe frames` as tables: the worker, its limits and the isolation layers in
// force on this machine (kernel side and worker side), and the loaded frames.

use std::fmt::Write;

use fe_worker::control::ControlStatus;
use fe_worker::limits::format_bytes;
use fe_worker::protocol::FrameInfo;
use fe_worker::sandbox::{LayerState, SandboxReport};

use crate::display::{escape_html, text_and_html};
use crate::server::interpreter::MimeBundle;

/// Before the first frame command the worker has not started; say so rather than start it.
pub fn not_started(limits_text: &str) -> MimeBundle {
    let text = format!(
        "worker: not started yet (it starts with the first frame command, e.g. `%fe load`)\n{limits_text}"
    );
    let html = format!("<p>worker: not started yet (it starts with the first frame command, e.g. <code>%fe load</code>)</p><pre>{}</pre>", escape_html(limits_text));
    text_and_html(text, html)
}

pub fn status(status: &ControlStatus) -> MimeBundle {
    let worker = &status.worker;
    let memory = worker.resident_bytes.map(format_bytes).unwrap_or_else(|| "unknown".into());
    let mut text = format!(
        "worker: running, pid {}, resident memory {memory}, {} frame(s), {} restart(s)\n",
        worker.pid,
        worker.frames.len(),
        status.restarts
    );
    if let Some(crash) = &status.last_crash {
        let _ = writeln!(text, "last crash: {crash}");
    }
    let _ = writeln!(text, "session folder: {}", status.session_folder.display());
    for frame in worker.frames.iter().filter(|f| f.scan.is_some()) {
        let _ = writeln!(text, "frame `{}` (version {}): kept as a {}", frame.name, frame.version, kept_as(frame));
    }
    let _ = match worker.checkpoints_queued {
        0 => writeln!(text, "checkpoints: every committed version is on disk"),
        n => writeln!(text, "checkpoints: {n} being written (a crash now rebuilds those versions from their steps)"),
    };
    let limits = &status.limits;
    let _ = writeln!(
        text,
        "limits: memory {}, cpu {} s per request, timeout {:.0} s, file size {}, {} versions kept per frame, checkpoints {}",
        format_bytes(limits.memory_bytes),
        limits.cpu_seconds,
        limits.timeout.as_secs_f64(),
        format_bytes(limits.file_size_bytes),
        limits.max_versions,
        if limits.sync_checkpoints { "written before each reply" } else { "written after each reply" }
    );
    let mut html = format!("<pre>{}</pre>", escape_html(&text));
    html.push_str("<table class=\"fe-status\"><thead><tr><th style=\"text-align:left\">side</th><th style=\"text-align:left\">layer</th><th style=\"text-align:left\">state</th><th style=\"text-align:left\">detail</th></tr></thead><tbody>");
    text.push_str("isolation layers:\n");
    layer_rows("kernel", &status.kernel_side, &mut text, &mut html);
    layer_rows("worker", &worker.sandbox, &mut text, &mut html);
    html.push_str("</tbody></table>");
    for warning in &worker.restore_warnings {
        let _ = writeln!(text, "restore warning: {warning}");
        let _ = write!(html, "<p>restore warning: {}</p>", escape_html(warning));
    }
    text_and_html(text, html)
}

fn layer_rows(side: &str, report: &SandboxReport, text: &mut String, html: &mut String) {
    for layer in &report.layers {
        let (state, detail) = match &layer.state {
            LayerState::InForce { detail } => ("in force", detail),
            LayerState::Partial { detail } => ("partly in force", detail),
            LayerState::Unavailable { reason } => ("unavailable", reason),
        };
        let _ = writeln!(text, "  {side:<6} {:<24} {state}: {detail}", layer.layer);
        let _ = write!(
            html,
            "<tr><td style=\"text-align:left\">{side}</td><td style=\"text-align:left\">{}</td><td style=\"text-align:left\">{state}</td><td style=\"text-align:left\">{}</td></tr>",
            escape_html(&layer.layer),
            escape_html(detail)
        );
    }
}

/// "in memory", or "scan of SOURCE (N Parquet files on disk)" for a frame kept as a scan.
pub fn kept_as(frame: &FrameInfo) -> String {
    match &frame.scan {
        None => "in memory".to_string(),
        Some(scan) => format!(
            "scan of {} ({} {} file{}, {} on disk)",
            scan.source,
            scan.files,
            scan.format,
            if scan.files == 1 { "" } else { "s" },
            format_bytes(scan.source_bytes)
        ),
    }
}

pub fn frames(frames: &[FrameInfo]) -> MimeBundle {
    if frames.is_empty() {
        return text_and_html(
            "no frames loaded; load one with `%fe load PATH [as NAME]`",
            "<p>no frames loaded; load one with <code>%fe load PATH [as NAME]</code></p>",
        );
    }
    let mut text = format!("{:<24} {:>12} {:>8} {:>8} {:>12}  {}\n", "name", "rows", "columns", "version", "size", "kept");
    let mut html = String::from("<table class=\"fe-frames\"><thead><tr><th style=\"text-align:left\">name</th><th style=\"text-align:left\">rows</th><th style=\"text-align:left\">columns</th><th style=\"text-align:left\">version</th><th style=\"text-align:left\">size</th><th style=\"text-align:left\">kept</th></tr></thead><tbody>");
    for f in frames {
        let size = format_bytes(f.estimated_bytes as u64);
        let rows = match &f.scan {
            Some(scan) if !scan.rows_known => "not counted".to_string(),
            _ => f.rows.to_string(),
        };
        let kept = kept_as(f);
        let _ = writeln!(text, "{:<24} {:>12} {:>8} {:>8} {:>12}  {kept}", f.name, rows, f.columns, f.version, size);
        let _ = write!(
            html,
            "<tr><td style=\"text-align:left\">{}</td><td style=\"text-align:left\">{}</td><td style=\"text-align:left\">{}</td><td style=\"text-align:left\">{}</td><td style=\"text-align:left\">{}</td><td style=\"text-align:left\">{}</td></tr>",
            escape_html(&f.name),
            rows,
            f.columns,
            f.version,
            size,
            escape_html(&kept)
        );
    }
    html.push_str("</tbody></table>");
    text_and_html(text, html)
}
