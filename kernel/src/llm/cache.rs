// Answers kept on disk so re-running a notebook does not pay twice: one JSON file per request,
// named by the SHA-256 of provider, endpoint, model, temperature, token limit and messages.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{ChatMessage, Usage};

/// Overrides the cache folder (tests, or a shared cache).
pub const CACHE_DIR_VARIABLE: &str = "FEKERNEL_LLM_CACHE_DIR";

/// What is stored: the answer, never the request's key (which is not part of a request).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CachedAnswer {
    pub text: String,
    pub usage: Usage,
    pub model: String,
    pub created_unix_ms: u64,
}

/// Everything that changes an answer.
#[derive(Serialize)]
pub struct CacheKey<'a> {
    pub provider: &'a str,
    pub endpoint: &'a str,
    pub model: &'a str,
    pub temperature: f32,
    pub max_tokens: u32,
    pub messages: &'a [ChatMessage],
}

impl CacheKey<'_> {
    /// Hex SHA-256 of the canonical JSON of the key (format version included).
    pub fn digest(&self) -> String {
        let canonical = serde_json::json!({
            "format": 1,
            "provider": self.provider,
            "endpoint": self.endpoint,
            "model": self.model,
            // Fixed precision: 0.2 and 0.2000001 are one setting.
            "temperature": format!("{:.3}", self.temperature),
            "max_tokens": self.max_tokens,
            "messages": self.messages,
        });
        hex::encode(Sha256::digest(canonical.to_string().as_bytes()))
    }
}

#[derive(Clone, Debug)]
pub struct ResponseCache {
    dir: PathBuf,
}

impl ResponseCache {
    pub fn new(dir: PathBuf) -> ResponseCache {
        ResponseCache { dir }
    }

    /// `$FEKERNEL_LLM_CACHE_DIR`, else the user's cache folder (`~/.cache/fekernel/llm-cache`).
    pub fn default_dir() -> PathBuf {
        match std::env::var_os(CACHE_DIR_VARIABLE).filter(|v| !v.is_empty()) {
            Some(dir) => PathBuf::from(dir),
            None => dirs::cache_dir().unwrap_or_else(std::env::temp_dir).join("fekernel").join("llm-cache"),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, digest: &str) -> PathBuf {
        self.dir.join(&digest[..2]).join(format!("{digest}.json"))
    }

    /// The stored answer; a missing or damaged file is a miss.
    pub fn get(&self, digest: &str) -> Option<CachedAnswer> {
        let text = std::fs::read_to_string(self.path(digest)).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Stores an answer (write to a temporary file, then rename: readers never see half a file).
    pub fn put(&self, digest: &str, answer: &CachedAnswer) -> std::io::Result<()> {
        let path = self.path(digest);
        let folder = path.parent().expect("cache files live in a folder");
        std::fs::create_dir_all(folder)?;
        let temporary = folder.join(format!(".{digest}.{}.tmp", std::process::id()));
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(serde_json::to_string_pretty(answer).map_err(std::io::Error::other)?.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&temporary, &path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::llm::Role;

    fn key<'a>(messages: &'a [ChatMessage], model: &'a str, temperature: f32) -> CacheKey<'a> {
        CacheKey { provider: "openai", endpoint: "http://127.0.0.1/v1/chat/completions", model, temperature, max_tokens: 100, messages }
    }

    #[test]
    fn keys_change_with_everything_that_changes_the_answer() {
        let messages = [ChatMessage::new(Role::System, "rules"), ChatMessage::new(Role::User, "dates")];
        let other = [ChatMessage::new(Role::System, "rules"), ChatMessage::new(Role::User, "ratios")];
        let base = key(&messages, "m", 0.2).digest();
        assert_eq!(base.len(), 64);
        assert_eq!(base, key(&messages, "m", 0.2).digest(), "stable");
        assert_eq!(base, key(&messages, "m", 0.200_000_1).digest(), "same setting");
        assert_ne!(base, key(&other, "m", 0.2).digest());
        assert_ne!(base, key(&messages, "m2", 0.2).digest());
        assert_ne!(base, key(&messages, "m", 0.7).digest());
        let anthropic = CacheKey { provider: "anthropic", ..key(&messages, "m", 0.2) };
        assert_ne!(base, anthropic.digest());
    }

    #[test]
    fn answers_round_trip_and_damaged_files_are_misses() {
        let dir = std::env::temp_dir().join(format!("fekernel-cache-test-{}", uuid::Uuid::new_v4().simple()));
        let cache = ResponseCache::new(dir.clone());
        let digest = "ab".repeat(32);
        assert_eq!(cache.get(&digest), None);
        let answer = CachedAnswer {
            text: "```python\ndf = df\n```".into(),
            usage: Usage { input_tokens: Some(5), output_tokens: Some(2) },
            model: "m".into(),
            created_unix_ms: 1,
        };
        cache.put(&digest, &answer).unwrap();
        assert_eq!(cache.get(&digest), Some(answer));
        std::fs::write(cache.path(&digest), "{not json").unwrap();
        assert_eq!(cache.get(&digest), None);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
