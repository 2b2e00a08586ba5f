// The `%fe config` keys of suggestions (provider, model, base_url, mode, limits, privacy), each
// also settable before the kernel starts as FEKERNEL_<KEY>; values are checked before use.

use std::time::Duration;

use fe_worker::limits::parse_duration;

use crate::llm::{anthropic, builtin, openai};

/// Which provider answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProviderChoice {
    /// openai when a base_url or an OpenAI key is set, anthropic with an Anthropic key, else builtin.
    Auto,
    OpenAi,
    Anthropic,
    Builtin,
}

impl ProviderChoice {
    pub fn parse(text: &str) -> Option<ProviderChoice> {
        match text.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(ProviderChoice::Auto),
            "openai" => Some(ProviderChoice::OpenAi),
            "anthropic" => Some(ProviderChoice::Anthropic),
            "builtin" => Some(ProviderChoice::Builtin),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ProviderChoice::Auto => "auto",
            ProviderChoice::OpenAi => openai::PROVIDER,
            ProviderChoice::Anthropic => anthropic::PROVIDER,
            ProviderChoice::Builtin => builtin::PROVIDER,
        }
    }
}

/// Whether a suggestion waits for the user to run the inserted cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewMode {
    Review,
    Direct,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LlmSettings {
    pub provider: ProviderChoice,
    pub model: Option<String>,
    pub base_url: Option<String>,
    pub api_key_env: Option<String>,
    pub mode: ReviewMode,
    pub samples: usize,
    pub temperature: f32,
    pub cache: bool,
    pub max_repairs: u32,
    pub llm_timeout: Duration,
    pub retries: u32,
    pub rate_limit: u32,
    pub max_tokens: u32,
    pub prompt_tokens: usize,
    pub preview_rows: usize,
}

impl Default for LlmSettings {
    fn default() -> Self {
        LlmSettings {
            provider: ProviderChoice::Auto,
            model: None,
            base_url: None,
            api_key_env: None,
            mode: ReviewMode::Review,
            samples: 0,
            temperature: 0.2,
            cache: true,
            max_repairs: 2,
            llm_timeout: Duration::from_secs(120),
            retries: 3,
            rate_limit: 20,
            max_tokens: 2048,
            prompt_tokens: 8000,
            preview_rows: 1000,
        }
    }
}

/// Every key with what it means (for the table, help and completion).
pub const LLM_KEYS: &[(&str, &str)] = &[
    ("provider", "who answers %%fe suggest: auto, openai, anthropic or builtin (offline)"),
    ("model", "the model to ask, or `default` (gpt-4o-mini, claude-sonnet-4-5)"),
    ("base_url", "OpenAI-compatible server, e.g. http://localhost:11434/v1 (no key needed on localhost); `default`"),
    ("api_key_env", "the NAME of the environment variable holding the key (never the key itself); `default`"),
    ("mode", "review (insert an apply cell for you to run) or direct (apply at once after the checks)"),
    ("samples", "raw rows sent with the schema summary, 0 (default: statistics only) to 100"),
    ("temperature", "sampling temperature, 0 to 2"),
    ("cache", "on or off: answers kept on disk so re-running a notebook does not pay twice"),
    ("max_repairs", "times the checker's errors are sent back for a fix, 0 to 5"),
    ("llm_timeout", "time for one LLM request, streamed answer included, e.g. 120s"),
    ("retries", "new attempts after 429, 5xx, timeouts or resets, 0 to 10"),
    ("rate_limit", "most LLM requests per minute (0: no limit)"),
    ("max_tokens", "longest answer, in tokens"),
    ("prompt_tokens", "token budget of the prompt; wide frames are summarised to fit"),
    ("preview_rows", "rows of the sample run shown in the review"),
];

/// An unusable value; says what would be.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{key}={value}`: {expected}")]
pub struct BadLlmSetting {
    pub key: String,
    pub value: String,
    pub expected: String,
}

/// The environment variable that sets `key` before the kernel starts.
pub fn env_variable(key: &str) -> String {
    format!("FEKERNEL_{}", key.to_ascii_uppercase())
}

impl LlmSettings {
    /// Defaults, then every FEKERNEL_<KEY> that is set; unusable values are skipped and reported.
    pub fn from_environment(read: impl Fn(&str) -> Option<String>) -> (LlmSettings, Vec<BadLlmSetting>) {
        let mut settings = LlmSettings::default();
        let mut problems = Vec::new();
        for (key, _) in LLM_KEYS {
            if let Some(value) = read(&env_variable(key)).filter(|v| !v.trim().is_empty()) {
                if let Err(problem) = settings.set(key, &value) {
                    problems.push(problem);
                }
            }
        }
        (settings, problems)
    }

    /// Sets one key (the caller works on a copy, so a bad pair changes nothing).
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), BadLlmSetting> {
        let bad = |expected: &str| BadLlmSetting { key: key.into(), value: value.into(), expected: expected.into() };
        let value = value.trim();
        let optional = |v: &str| if v.eq_ignore_ascii_case("default") || v.is_empty() { None } else { Some(v.to_string()) };
        match key {
            "provider" => self.provider = ProviderChoice::parse(value).ok_or_else(|| bad("one of auto, openai, anthropic, builtin"))?,
            "model" => self.model = optional(value),
            "base_url" => {
                self.base_url = match optional(value) {
                    None => None,
                    Some(url) => Some(check_base_url(&url).map_err(|reason| bad(&reason))?),
                }
            }
            "api_key_env" => {
                self.api_key_env = match optional(value) {
                    None => None,
                    Some(name) if looks_like_a_key(&name) => {
                        // Never echo what may be a key.
                        return Err(BadLlmSetting {
                            key: key.into(),
                            value: crate::llm::secret::REDACTED.into(),
                            expected: "that looks like a key, not the name of a variable; keys never go into notebooks: \
                                       export it (e.g. MY_LLM_KEY) before starting Jupyter and write api_key_env=MY_LLM_KEY"
                                .into(),
                        });
                    }
                    Some(name) if is_variable_name(&name) => Some(name),
                    Some(_) => return Err(bad("an environment variable name: letters, digits and _, e.g. OPENROUTER_API_KEY")),
                }
            }
            "mode" => {
                self.mode = match value.to_ascii_lowercase().as_str() {
                    "review" => ReviewMode::Review,
                    "direct" => ReviewMode::Direct,
                    _ => return Err(bad("review or direct")),
                }
            }
            "samples" => self.samples = parse_in(value, 0, fe_worker::protocol::MAX_SAMPLE_ROWS).ok_or_else(|| bad("a number of rows from 0 to 100"))?,
            "temperature" => {
                self.temperature = value
                    .parse::<f32>()
                    .ok()
                    .filter(|t| (0.0..=2.0).contains(t))
                    .ok_or_else(|| bad("a number from 0 to 2"))?
            }
            "cache" => {
                self.cache = match value.to_ascii_lowercase().as_str() {
                    "on" | "true" | "yes" | "1" => true,
                    "off" | "false" | "no" | "0" => false,
                    _ => return Err(bad("on or off")),
                }
            }
            "max_repairs" => self.max_repairs = parse_in(value, 0, 5).ok_or_else(|| bad("a number from 0 to 5"))?,
            "llm_timeout" => {
                self.llm_timeout = parse_duration(value)
                    .filter(|d| *d >= Duration::from_millis(100) && *d <= Duration::from_secs(3600))
                    .ok_or_else(|| bad("a duration from 100ms to 1h, e.g. 60s or 2min"))?
            }
            "retries" => self.retries = parse_in(value, 0, 10).ok_or_else(|| bad("a number from 0 to 10"))?,
            "rate_limit" => self.rate_limit = parse_in(value, 0, 10_000).ok_or_else(|| bad("requests per minute, 0 (no limit) to 10000"))?,
            "max_tokens" => self.max_tokens = parse_in(value, 64, 200_000).ok_or_else(|| bad("a number of tokens from 64 to 200000"))?,
            "prompt_tokens" => self.prompt_tokens = parse_in(value, 1_000, 1_000_000).ok_or_else(|| bad("a number of tokens from 1000 to 1000000"))?,
            "preview_rows" => self.preview_rows = parse_in(value, 10, 1_000_000).ok_or_else(|| bad("a number of rows from 10 to 1000000"))?,
            _ => return Err(bad("not a suggestion setting")),
        }
        Ok(())
    }

    /// The value of `key` as the table shows it.
    pub fn shown(&self, key: &str) -> String {
        let or_default = |value: &Option<String>| value.clone().unwrap_or_else(|| "default".into());
        match key {
            "provider" => self.provider.as_str().into(),
            "model" => or_default(&self.model),
            "base_url" => or_default(&self.base_url),
            "api_key_env" => or_default(&self.api_key_env),
            "mode" => match self.mode {
                ReviewMode::Review => "review".into(),
                ReviewMode::Direct => "direct".into(),
            },
            "samples" => self.samples.to_string(),
            "temperature" => format!("{}", self.temperature),
            "cache" => if self.cache { "on" } else { "off" }.into(),
            "max_repairs" => self.max_repairs.to_string(),
            "llm_timeout" => crate::llm::describe_duration(self.llm_timeout),
            "retries" => self.retries.to_string(),
            "rate_limit" => if self.rate_limit == 0 { "off".into() } else { format!("{}/min", self.rate_limit) },
            "max_tokens" => self.max_tokens.to_string(),
            "prompt_tokens" => self.prompt_tokens.to_string(),
            "preview_rows" => self.preview_rows.to_string(),
            other => format!("({other})"),
        }
    }
}

fn parse_in<T: std::str::FromStr + PartialOrd>(value: &str, low: T, high: T) -> Option<T> {
    value.parse::<T>().ok().filter(|v| *v >= low && *v <= high)
}

fn is_variable_name(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_') && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `sk-…`, or long runs without the underscores of variable names.
fn looks_like_a_key(value: &str) -> bool {
    value.starts_with("sk-") || (value.len() >= 24 && !value.contains('_'))
}

/// An http(s) URL without credentials, query or fragment; returned without a trailing slash.
pub fn check_base_url(url: &str) -> Result<String, String> {
    let parsed = reqwest::Url::parse(url).map_err(|e| format!("not a URL ({e}); e.g. http://localhost:11434/v1"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err("the URL must start with http:// or https://".into());
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err("credentials do not belong in a URL; put the key in an environment variable and name it with api_key_env".into());
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err("the base URL takes no query or fragment".into());
    }
    Ok(url.trim_end_matches('/').to_string())
}

/// Servers on this machine need no key.
pub fn is_loopback(url: &str) -> bool {
    let Ok(parsed) = reqwest::Url::parse(url) else { return false };
    let Some(host) = parsed.host_str() else { return false };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost") || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_variables_set_the_starting_values_and_bad_ones_are_reported() {
        let env = |name: &str| match name {
            "FEKERNEL_PROVIDER" => Some("openai".to_string()),
            "FEKERNEL_BASE_URL" => Some("http://127.0.0.1:8765/v1/".to_string()),
            "FEKERNEL_LLM_TIMEOUT" => Some("5s".to_string()),
            "FEKERNEL_TEMPERATURE" => Some("hot".to_string()),
            _ => None,
        };
        let (settings, problems) = LlmSettings::from_environment(env);
        assert_eq!(settings.provider, ProviderChoice::OpenAi);
        assert_eq!(settings.base_url.as_deref(), Some("http://127.0.0.1:8765/v1"));
        assert_eq!(settings.llm_timeout, Duration::from_secs(5));
        assert_eq!(settings.temperature, 0.2);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].key, "temperature");
    }

    #[test]
    fn keys_are_refused_where_variable_names_belong() {
        let mut settings = LlmSettings::default();
        let error = settings.set("api_key_env", "sk-proj-abcdefghijklmnop").unwrap_err();
        assert!(error.expected.contains("looks like a key"), "{error}");
        assert!(!error.to_string().contains("abcdefghijklmnop"), "the key is not echoed: {error}");
        settings.set("api_key_env", "OPENROUTER_API_KEY").unwrap();
        assert_eq!(settings.shown("api_key_env"), "OPENROUTER_API_KEY");
        assert!(settings.set("base_url", "https://user:secret@example.com/v1").is_err());
        assert!(settings.set("base_url", "ftp://example.com").is_err());
    }

    #[test]
    fn every_key_round_trips_through_set_and_shown() {
        let mut settings = LlmSettings::default();
        for (key, value, shown) in [
            ("mode", "direct", "direct"),
            ("samples", "5", "5"),
            ("cache", "off", "off"),
            ("max_repairs", "1", "1"),
            ("llm_timeout", "90s", "90 s"),
            ("rate_limit", "0", "off"),
            ("model", "llama3.1", "llama3.1"),
        ] {
            settings.set(key, value).unwrap();
            assert_eq!(settings.shown(key), shown, "{key}");
        }
        assert!(settings.set("samples", "1000").is_err());
        assert!(settings.set("max_repairs", "-1").is_err());
        assert_eq!(LLM_KEYS.len(), 15);
        for (key, _) in LLM_KEYS {
            assert!(!settings.shown(key).starts_with('('), "{key} has no display");
        }
    }

    #[test]
    fn loopback_servers_are_recognised() {
        assert!(is_loopback("http://localhost:11434/v1"));
        assert!(is_loopback("http://127.0.0.1:8000/v1"));
        assert!(is_loopback("http://[::1]:8000"));
        assert!(!is_loopback("https://api.openai.com/v1"));
        assert!(!is_loopback("http://10.0.0.5:8000"));
    }
}
