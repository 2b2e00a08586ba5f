// `%fe config [KEY=VALUE ...]`: the session's settings (worker limits, LLM suggestions) as one
// table of keys. Every pair is checked before any is applied, so a typo changes nothing.

use std::fmt::Write;
use std::sync::Arc;

use fe_worker::limits::{format_bytes, LIMIT_KEYS};
use fe_worker::WorkerLimits;

use super::worker_session::WorkerSession;
use crate::display::{escape_html, text_and_html};
use crate::server::interpreter::MimeBundle;
use crate::suggest::{env_variable, LlmSession, LLM_KEYS};

/// A `%fe config` pair that could not be used; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}; no setting was changed")]
pub struct BadSetting {
    pub reason: String,
}

/// The settings of this kernel session.
pub struct Settings {
    worker: Arc<WorkerSession>,
    llm: Arc<LlmSession>,
}

impl Settings {
    pub fn new(worker: Arc<WorkerSession>, llm: Arc<LlmSession>) -> Settings {
        Settings { worker, llm }
    }

    /// Every key `%fe config` knows, for completion and error messages.
    pub fn keys(&self) -> Vec<&'static str> {
        LIMIT_KEYS.iter().chain(LLM_KEYS).map(|(key, _)| *key).collect()
    }

    /// Applies every pair, or none of them.
    pub fn set_all(&self, pairs: &[(String, String)]) -> Result<(), BadSetting> {
        let mut limits = self.worker.limits();
        let mut llm = self.llm.settings();
        for (key, value) in pairs {
            if LLM_KEYS.iter().any(|(k, _)| k == key) {
                llm.set(key, value).map_err(|e| BadSetting { reason: e.to_string() })?;
                continue;
            }
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
        self.worker.set_limits(limits).map_err(|e| BadSetting { reason: e.to_string() })?;
        self.llm.set_settings(llm);
        Ok(())
    }

    /// The settings as a table (text and HTML).
    pub fn view(&self) -> MimeBundle {
        let mut rows = limit_rows(&self.worker.limits());
        rows.extend(self.llm_rows());
        let mut text = String::from("fekernel settings (change with `%fe config KEY=VALUE`; FEKERNEL_<KEY> sets a starting value)\n");
        let width = rows.iter().map(|(k, _, _)| k.len()).max().unwrap_or(0);
        let mut html = String::from(
            "<table class=\"fe-config\"><thead><tr><th style=\"text-align:left\">key</th><th style=\"text-align:left\">value</th><th style=\"text-align:left\">meaning</th></tr></thead><tbody>",
        );
        for (key, value, meaning) in &rows {
            let _ = writeln!(text, "  {key:<width$}  {value:<16} {meaning}");
            let _ = write!(
                html,
                "<tr><td style=\"text-align:left\"><code>{}</code></td><td style=\"text-align:left\">{}</td><td style=\"text-align:left\">{}</td></tr>",
                escape_html(key),
                escape_html(value),
                escape_html(meaning)
            );
        }
        html.push_str("</tbody></table>");
        text_and_html(text, html)
    }
}

impl Settings {
    /// The suggestion keys, with what `auto` resolves to and whether the key variable is set
    /// (never its value).
    fn llm_rows(&self) -> Vec<(String, String, String)> {
        let settings = self.llm.settings();
        let resolved = self.llm.resolve(&settings, None, None);
        LLM_KEYS
            .iter()
            .map(|(key, meaning)| {
                let mut value = settings.shown(key);
                let mut meaning = format!("{meaning} [{}]", env_variable(key));
                match *key {
                    "provider" if !resolved.reason.is_empty() => value = format!("{value} → {}", resolved.kind.as_str()),
                    "model" if settings.model.is_none() => value = format!("default → {}", resolved.model),
                    "api_key_env" if !resolved.key_variable.is_empty() => {
                        let state = if std::env::var_os(&resolved.key_variable).is_some_and(|v| !v.is_empty()) { "set" } else { "not set" };
                        meaning = format!("{meaning}; {} is {state}", resolved.key_variable);
                    }
                    "cache" => meaning = format!("{meaning}; folder {}", self.llm.cache_dir().display()),
                    _ => {}
                }
                if *key == "provider" && !resolved.reason.is_empty() {
                    meaning = format!("{meaning}; {}", resolved.reason);
                }
                (key.to_string(), value, meaning)
            })
            .collect()
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
                "checkpoints" => if limits.sync_checkpoints { "sync" } else { "background" }.to_string(),
                other => format!("({other})"),
            };
            (key.to_string(), value, meaning.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        let cache = crate::llm::cache::ResponseCache::new(std::env::temp_dir().join("fekernel-config-test-cache"));
        Settings::new(Arc::new(WorkerSession::new()), Arc::new(LlmSession::new(Default::default(), cache)))
    }

    #[test]
    fn a_bad_pair_changes_nothing() {
        let settings = settings();
        let before = settings.worker.limits();
        let error = settings
            .set_all(&[("timeout".into(), "30s".into()), ("memroy".into(), "1GiB".into())])
            .unwrap_err();
        assert!(error.to_string().contains("did you mean `memory`?"), "{error}");
        assert_eq!(settings.worker.limits(), before);
    }

    #[test]
    fn llm_and_limit_keys_are_checked_together_before_any_is_applied() {
        let settings = settings();
        let error = settings
            .set_all(&[("provider".into(), "builtin".into()), ("timeout".into(), "30s".into()), ("temperature".into(), "9".into())])
            .unwrap_err();
        assert!(error.to_string().contains("`temperature=9`: a number from 0 to 2; no setting was changed"), "{error}");
        assert_eq!((settings.llm.settings().shown("provider"), settings.llm.settings().shown("temperature")), ("auto".into(), "0.2".into()));
        assert_ne!(settings.worker.limits().timeout.as_secs(), 30);
        settings.set_all(&[("provider".into(), "builtin".into()), ("mode".into(), "direct".into()), ("llm_timeout".into(), "45s".into())]).unwrap();
        let text = settings.view()["text/plain"].as_str().unwrap().to_string();
        for expected in ["provider", "builtin", "direct", "45 s", "[FEKERNEL_LLM_TIMEOUT]", "max_repairs"] {
            assert!(text.contains(expected), "{expected} missing in\n{text}");
        }
        assert!(settings.keys().contains(&"llm_timeout") && settings.keys().contains(&"timeout"));
    }

    #[test]
    fn good_pairs_apply_before_the_worker_starts() {
        let settings = settings();
        settings.set_all(&[("timeout".into(), "30s".into()), ("memory".into(), "2GiB".into())]).unwrap();
        let limits = settings.worker.limits();
        assert_eq!((limits.timeout.as_secs(), limits.memory_bytes), (30, 2 << 30));
        let view = settings.view();
        assert!(view["text/plain"].as_str().unwrap().contains("2.0 GiB"));
    }
}
