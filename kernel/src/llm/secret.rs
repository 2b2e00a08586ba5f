// API keys: read only from the environment, held in a type that never prints itself, and
// scrubbed from any provider text before it reaches a message.

use std::fmt;

/// What replaces a key (or anything shaped like one) in text shown to users.
pub const REDACTED: &str = "[redacted]";

/// An API key. `Debug` and `Display` print `[redacted]`; only `expose` gives the value.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// The key in environment variable `variable`, if it is set and not blank.
    pub fn from_env(variable: &str) -> Option<ApiKey> {
        std::env::var(variable).ok().map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).map(ApiKey)
    }

    #[cfg(test)]
    pub fn for_test(value: &str) -> ApiKey {
        ApiKey(value.to_string())
    }

    /// The value, for the one header that carries it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl fmt::Display for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

/// Removes `key` and every word that looks like an API key (`sk-…`, also when a provider
/// echoes it masked, e.g. `sk-proj-****abcd`) from `text`.
pub fn redact(text: &str, key: Option<&ApiKey>) -> String {
    let mut out = match key {
        Some(key) if !key.0.is_empty() => text.replace(&key.0, REDACTED),
        _ => text.to_string(),
    };
    let mut start = 0;
    while let Some(found) = out[start..].find("sk-") {
        let begin = start + found;
        let boundary = begin == 0 || !out[..begin].chars().next_back().is_some_and(is_key_char);
        let end = out[begin..].find(|c: char| !is_key_char(c)).map_or(out.len(), |n| begin + n);
        if boundary && end - begin >= 8 {
            out.replace_range(begin..end, REDACTED);
            start = begin + REDACTED.len();
        } else {
            start = begin + 3;
        }
    }
    out
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_never_print() {
        let key = ApiKey::for_test("sk-test-1234567890");
        assert_eq!(format!("{key} {key:?}"), "[redacted] [redacted]");
    }

    #[test]
    fn provider_messages_lose_the_key_and_key_shaped_words() {
        let key = ApiKey::for_test("local-secret-value");
        let text = "Incorrect API key provided: sk-proj-****abcd. You sent local-secret-value; see task-list";
        assert_eq!(
            redact(text, Some(&key)),
            "Incorrect API key provided: [redacted]. You sent [redacted]; see task-list"
        );
        assert_eq!(redact("ask-me sk-ab", None), "ask-me sk-ab");
    }
}
