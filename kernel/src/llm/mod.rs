// The LLM layer: providers behind one trait (OpenAI-compatible, Anthropic, the offline builtin),
// their transport (SSE, retries, rate limit, disk cache) and prompts. It returns text only.

pub mod anthropic;
pub mod builtin;
pub mod cache;
pub mod cancel;
mod errors;
mod http_provider;
pub mod openai;
pub mod profile;
pub mod prompt;
pub mod rate_limit;
pub mod retry;
pub mod secret;
pub mod sse;
pub mod tokens;

use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use errors::LlmError;
pub use http_provider::{excerpt, HttpProvider, HttpSettings};

/// Who speaks a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    System,
    User,
    Assistant,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatMessage {
    pub role: Role,
    pub content: String,
}

impl ChatMessage {
    pub fn new(role: Role, content: impl Into<String>) -> ChatMessage {
        ChatMessage { role, content: content.into() }
    }
}

/// What the builtin provider reads instead of the prompt text (HTTP providers ignore it).
#[derive(Clone, Debug, PartialEq)]
pub struct SuggestSubject {
    pub profile: profile::FrameProfile,
    /// The user's request, in words.
    pub request: String,
    /// The column the features will predict: never read by a proposal.
    pub target: Option<String>,
    /// In a `%%fe search` round: what earlier rounds proposed (the builtin provider proposes
    /// something else each round).
    pub search: Option<SearchRound>,
}

/// A `%%fe search` round as the builtin provider needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchRound {
    pub round: usize,
    pub seed: u64,
    /// The new column names of every earlier round that gave code, one list per round.
    pub tried: Vec<Vec<String>>,
    /// Columns of the rounds kept so far.
    pub kept_columns: Vec<String>,
}

/// One question to a provider: the conversation so far (system message first).
#[derive(Clone, Debug)]
pub struct LlmRequest {
    pub model: String,
    pub messages: Vec<ChatMessage>,
    pub temperature: f32,
    pub max_tokens: u32,
    pub subject: Option<SuggestSubject>,
}

/// Token counts as the provider reported them (`None` when it did not).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    pub input_tokens: Option<u64>,
    pub output_tokens: Option<u64>,
}

/// A provider's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub text: String,
    pub usage: Usage,
    /// The model that answered, as the provider named it (may differ from the one asked).
    pub model: String,
    /// How many HTTP attempts it took (1 without retries; 0 for the builtin provider).
    pub attempts: u32,
}

/// Where a provider reports progress while it answers (streamed text, retries, waits).
pub trait Progress {
    /// More of the answer's text.
    fn text(&mut self, delta: &str);
    /// A line about the call itself ("HTTP 429; retrying in 2.0 s").
    fn notice(&mut self, line: &str);
    /// The text so far is void (a retry starts over).
    fn restart(&mut self);
}

/// A source of answers: text in, text out.
#[async_trait::async_trait(?Send)]
pub trait Provider {
    /// The provider's name as `%fe config provider=` spells it.
    fn name(&self) -> &'static str;
    /// Where requests go, for cache keys and messages (empty for offline providers).
    fn endpoint(&self) -> String;
    async fn complete(&self, request: &LlmRequest, progress: &mut dyn Progress) -> Result<Answer, LlmError>;
}

/// Formats a duration for messages: `5 s`, `1.5 s`, `250 ms`.
pub fn describe_duration(duration: Duration) -> String {
    if duration < Duration::from_millis(10) {
        format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
    } else if duration < Duration::from_secs(1) {
        format!("{} ms", duration.as_millis())
    } else if duration.subsec_millis() == 0 {
        format!("{} s", duration.as_secs())
    } else {
        format!("{:.1} s", duration.as_secs_f64())
    }
}
