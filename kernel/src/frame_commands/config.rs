// `%fe config [KEY=VALUE ...]`: the session's settings as one table of keys. Every pair is
// checked before any is applied, so a typo changes nothing.

use std::fmt::Write;
use std::sync::Arc;

use fe_worker::limits::{format_bytes, LIMIT_KEYS};
use fe_worker::WorkerLimits;

use super::worker_session::WorkerSession;
use crate::cells::display::{escape_html, text_and_html};
use crate::server::interpreter::MimeBundle;

/// A `%fe config` pair that could not be used; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}; no setting was changed")]
pub struct BadSetting {
    pub reason: String,
}

/// The settings of this kernel session.
pub struct Settings {
    worker: Arc<WorkerSession>,
}

impl Settings {
    pub fn new(worker: Arc<WorkerSession>) -> Settings {
        Settings { worker }
    }

    /// Every key `%fe config` knows, for completion and error messages.
    pub fn keys(&self) -> Vec<&'static str> {
        LIMIT_KEYS.iter().map(|(key, _)| *key).collect()
    }

    /// Applies every pair, or none of them.
    pub fn set_all(&self, pairs: &[(String, String)]) -> Result<(), BadSetting> {
        let mut limits = self.worker.limits();
        for (key, value) in pairs {
            if !self.keys().contains(&key.as_str()) {
                let close = crate::magics::close_matches(key, self.keys().into_iter());
                let mut reason = format!("unknown setting `{key}`");
                if let Some(first) = close.first() {
                    let _ = write!(reason, " (did you mean `{first}`?)");
                }
                let _ = write!(reason, "; known: {}", self.keys().join(", "));
                return Err(BadSetting { reason });
            }
            limits.set(key, value).map_err(|e| BadSetting { reason: e.to_string() })?;
        }
        self.worker.set_limits(limits).map_err(|e| BadSetting { reason: e.to_string() })
    }

    /// The settings as a table (text and HTML).
    pub fn view(&self) -> MimeBundle {
        let rows = limit_rows(&self.worker.limits());
        let mut text = String::from("fekernel settings (change with `%fe config KEY=VALUE`)\n");
        let width = rows.iter().map(|(k, _, _)| k.len()).max().unwrap_or(0);
        let mut html = String::from(
            "<table class=\"fe-config\"><thead><tr><th>key</th><th>value</th><th>meaning</th></tr></thead><tbody>",
        );
        for (key, value, meaning) in &rows {
            let _ = writeln!(text, "  {key:<width$}  {value:<12} {meaning}");
            let _ = write!(
                html,
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
                escape_html(key),
                escape_html(value),
                escape_html(meaning)
            );
        }
        html.push_str("</tbody></table>");
        text_and_html(text, html)
    }
}

fn limit_rows(limits: &WorkerLimits) -> Vec<(String, String, String)> {
    LIMIT_KEYS
        .iter()
        .map(|(key, meaning)| {
            let value = match *key {
                "memory" => format_bytes(limits.memory_bytes),
                "cpu" => format!("{} s", limits.cpu_seconds),
                "timeout" => format!("{} s", limits.timeout.as_secs_f64()),
                "file_size" => format_bytes(limits.file_size_bytes),
                "max_versions" => limits.max_versions.to_string(),
                other => format!("({other})"),
            };
            (key.to_string(), value, meaning.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_pair_changes_nothing() {
        let settings = Settings::new(Arc::new(WorkerSession::new()));
        let before = settings.worker.limits();
        let error = settings
            .set_all(&[("timeout".into(), "30s".into()), ("memroy".into(), "1GiB".into())])
            .unwrap_err();
        assert!(error.to_string().contains("did you mean `memory`?"), "{error}");
        assert_eq!(settings.worker.limits(), before);
    }

    #[test]
    fn good_pairs_apply_before_the_worker_starts() {
        let settings = Settings::new(Arc::new(WorkerSession::new()));
        settings.set_all(&[("timeout".into(), "30s".into()), ("memory".into(), "2GiB".into())]).unwrap();
        let limits = settings.worker.limits();
        assert_eq!((limits.timeout.as_secs(), limits.memory_bytes), (30, 2 << 30));
        let view = settings.view();
        assert!(view["text/plain"].as_str().unwrap().contains("2.0 GiB"));
    }
}
