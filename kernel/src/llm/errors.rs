// Why a call to a provider failed, each message saying what happened and how to go on.
// Messages never hold an API key: provider text is redacted before it gets here.

use std::time::Duration;

use super::describe_duration;

/// Which deadline a call ran into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeoutKind {
    /// Opening the connection (fixed, at most `llm_timeout`).
    Connect(Duration),
    /// The whole request, streamed answer included (`llm_timeout`, per attempt).
    Total(Duration),
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LlmError {
    #[error(
        "provider `{provider}` needs an API key: set {variable} in the environment the kernel starts from \
         (or name another variable with `%fe config api_key_env=NAME`); keys are read only from the environment. \
         `%fe config provider=builtin` works offline without a key"
    )]
    NoKey { provider: &'static str, variable: String },

    #[error("HTTP {status} from {provider} ({endpoint}){}: {message}", attempts_note(*.attempts))]
    Http { provider: &'static str, endpoint: String, status: u16, message: String, attempts: u32 },

    #[error("{provider} asked to wait {} before the next request (HTTP {status} with Retry-After), longer than the {} fekernel waits; try again later", describe_duration(*.wait), describe_duration(*.longest))]
    RetryAfterTooLong { provider: &'static str, status: u16, wait: Duration, longest: Duration },

    #[error("cannot reach {provider} at {endpoint}{}: {detail}", attempts_note(*.attempts))]
    Connect { provider: &'static str, endpoint: String, detail: String, attempts: u32 },

    #[error("{}", timeout_message(.provider, .endpoint, .kind, *.attempts))]
    Timeout { provider: &'static str, endpoint: String, kind: TimeoutKind, attempts: u32 },

    #[error("{provider} reported an error while answering{}: {message}", attempts_note(*.attempts))]
    Stream { provider: &'static str, message: String, attempts: u32 },

    #[error("the answer of {provider} could not be read ({detail}); it began with: {excerpt}")]
    Unreadable { provider: &'static str, detail: String, excerpt: String },

    #[error("`{url}` is not a usable base_url: {reason}")]
    BadBaseUrl { url: String, reason: String },

    #[error("the call to {provider} was interrupted")]
    Interrupted { provider: &'static str },
}

impl LlmError {
    /// Worth another attempt (rate limits, overloaded or failing servers, timeouts, resets).
    pub fn is_transient(&self) -> bool {
        match self {
            LlmError::Http { status, .. } => *status == 429 || *status >= 500,
            LlmError::Connect { .. } | LlmError::Timeout { .. } | LlmError::Stream { .. } => true,
            _ => false,
        }
    }

    /// Records how many attempts were made (for the final message).
    pub fn after_attempts(mut self, made: u32) -> LlmError {
        match &mut self {
            LlmError::Http { attempts, .. }
            | LlmError::Connect { attempts, .. }
            | LlmError::Timeout { attempts, .. }
            | LlmError::Stream { attempts, .. } => *attempts = made,
            _ => {}
        }
        self
    }
}

fn attempts_note(attempts: u32) -> String {
    if attempts > 1 {
        format!(" after {attempts} attempts")
    } else {
        String::new()
    }
}

fn timeout_message(provider: &str, endpoint: &str, kind: &TimeoutKind, attempts: u32) -> String {
    let attempts = attempts_note(attempts);
    match kind {
        TimeoutKind::Connect(limit) => format!(
            "could not connect to {provider} at {endpoint} within the connect timeout of {}{attempts}",
            describe_duration(*limit)
        ),
        TimeoutKind::Total(limit) => format!(
            "{provider} ({endpoint}) did not finish its answer within llm_timeout = {} per attempt{attempts}; \
             raise it with `%fe config llm_timeout=120s`",
            describe_duration(*limit)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_name_the_deadline_they_ran_into() {
        let total = LlmError::Timeout {
            provider: "openai",
            endpoint: "http://127.0.0.1:1/v1/chat/completions".into(),
            kind: TimeoutKind::Total(Duration::from_secs(2)),
            attempts: 3,
        };
        let text = total.to_string();
        assert!(text.contains("llm_timeout = 2 s per attempt after 3 attempts"), "{text}");
        let connect = LlmError::Timeout {
            provider: "anthropic",
            endpoint: "x".into(),
            kind: TimeoutKind::Connect(Duration::from_millis(1500)),
            attempts: 1,
        };
        assert!(connect.to_string().contains("connect timeout of 1.5 s"), "{connect}");
    }

    #[test]
    fn only_rate_limits_server_errors_and_network_trouble_are_retried() {
        let http = |status| LlmError::Http { provider: "openai", endpoint: String::new(), status, message: String::new(), attempts: 1 };
        assert!(http(429).is_transient() && http(500).is_transient() && http(529).is_transient());
        assert!(!http(400).is_transient() && !http(401).is_transient() && !http(404).is_transient());
        assert!(!LlmError::NoKey { provider: "openai", variable: "OPENAI_API_KEY".into() }.is_transient());
    }
}
