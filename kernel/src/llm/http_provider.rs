// One HTTP provider for every wire format: rate limit, send, stream the answer (SSE, or a whole
// JSON body from servers that do not stream), time out, retry with backoff, honour Retry-After.

use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use reqwest::header::HeaderMap;

use super::cancel::Interrupt;
use super::errors::TimeoutKind;
use super::rate_limit::RequestRateLimit;
use super::retry::{self, RetryPolicy, LONGEST_RETRY_AFTER};
use super::secret::{redact, ApiKey};
use super::sse::{self, Accumulated, Event, SseError, StreamItem};
use super::{describe_duration, Answer, LlmError, LlmRequest, Progress, Provider};

/// How one wire format (OpenAI Chat Completions, Anthropic Messages) looks on the wire.
pub trait WireFormat {
    fn provider(&self) -> &'static str;
    /// The URL requests go to.
    fn endpoint(&self) -> String;
    /// The streaming request, key included (as a sensitive header).
    fn request(&self, client: &reqwest::Client, request: &LlmRequest, key: Option<&ApiKey>) -> reqwest::RequestBuilder;
    fn decode_event(&self, event: &Event) -> Result<Vec<StreamItem>, LlmError>;
    /// A whole (not streamed) answer.
    fn decode_whole(&self, body: &str) -> Result<Accumulated, LlmError>;
    /// The provider's own message in an error body.
    fn error_message(&self, body: &str) -> String;
}

/// Deadlines and retries of HTTP calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HttpSettings {
    /// The whole of one attempt, streamed answer included.
    pub llm_timeout: Duration,
    pub connect_timeout: Duration,
    pub retry: RetryPolicy,
}

pub struct HttpProvider<W> {
    pub wire: W,
    pub key: Option<ApiKey>,
    pub client: reqwest::Client,
    pub settings: HttpSettings,
    pub rate_limit: Arc<RequestRateLimit>,
    pub interrupt: Interrupt,
}

/// A failed attempt and the wait the provider asked for, if any.
struct AttemptFailure {
    error: LlmError,
    retry_after: Option<Duration>,
}

impl From<LlmError> for AttemptFailure {
    fn from(error: LlmError) -> Self {
        AttemptFailure { error, retry_after: None }
    }
}

#[async_trait::async_trait(?Send)]
impl<W: WireFormat> Provider for HttpProvider<W> {
    fn name(&self) -> &'static str {
        self.wire.provider()
    }

    fn endpoint(&self) -> String {
        self.wire.endpoint()
    }

    async fn complete(&self, request: &LlmRequest, progress: &mut dyn Progress) -> Result<Answer, LlmError> {
        let provider = self.wire.provider();
        let retries = self.settings.retry.retries;
        let mut schedule = self.settings.retry.schedule();
        let mut attempt = 0;
        loop {
            attempt += 1;
            self.wait_for_rate_limit(progress).await?;
            let outcome = tokio::select! {
                outcome = tokio::time::timeout(self.settings.llm_timeout, self.attempt(request, progress)) => outcome,
                _ = self.interrupt.raised() => return Err(LlmError::Interrupted { provider }),
            };
            let failure = match outcome {
                Ok(Ok(accumulated)) => {
                    return Ok(Answer {
                        text: accumulated.text,
                        usage: accumulated.usage,
                        model: accumulated.model.unwrap_or_else(|| request.model.clone()),
                        attempts: attempt,
                    })
                }
                Ok(Err(failure)) => failure,
                Err(_elapsed) => AttemptFailure::from(LlmError::Timeout {
                    provider,
                    endpoint: self.wire.endpoint(),
                    kind: TimeoutKind::Total(self.settings.llm_timeout),
                    attempts: 1,
                }),
            };
            let error = failure.error;
            if !error.is_transient() {
                return Err(error.after_attempts(attempt));
            }
            if let Some(asked) = failure.retry_after.filter(|asked| *asked > LONGEST_RETRY_AFTER) {
                let status = if let LlmError::Http { status, .. } = error { status } else { 0 };
                return Err(LlmError::RetryAfterTooLong { provider, status, wait: asked, longest: LONGEST_RETRY_AFTER });
            }
            let Some(backoff) = schedule.next() else { return Err(error.after_attempts(attempt)) };
            let wait = retry::next_wait(backoff, failure.retry_after);
            let asked = if failure.retry_after.is_some_and(|asked| asked >= backoff) { " (as Retry-After asked)" } else { "" };
            progress.notice(&format!(
                "{error}; retrying in {}{asked}, attempt {} of {}",
                describe_duration(wait),
                attempt + 1,
                retries + 1
            ));
            progress.restart();
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = self.interrupt.raised() => return Err(LlmError::Interrupted { provider }),
            }
        }
    }
}

impl<W: WireFormat> HttpProvider<W> {
    async fn wait_for_rate_limit(&self, progress: &mut dyn Progress) -> Result<(), LlmError> {
        let mut told = false;
        while let Err(wait) = self.rate_limit.try_acquire() {
            if !told {
                progress.notice(&format!(
                    "waiting {} for the rate limit of {} requests per minute (`%fe config rate_limit=N`)",
                    describe_duration(wait),
                    self.rate_limit.limit()
                ));
                told = true;
            }
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = self.interrupt.raised() => return Err(LlmError::Interrupted { provider: self.wire.provider() }),
            }
        }
        Ok(())
    }

    async fn attempt(&self, request: &LlmRequest, progress: &mut dyn Progress) -> Result<Accumulated, AttemptFailure> {
        let provider = self.wire.provider();
        let response = self
            .wire
            .request(&self.client, request, self.key.as_ref())
            .send()
            .await
            .map_err(|e| self.send_error(&e))?;
        let status = response.status();
        if !status.is_success() {
            let retry_after = retry_after(response.headers());
            let body = response.text().await.unwrap_or_default();
            let message = redact(&self.wire.error_message(&body), self.key.as_ref());
            return Err(AttemptFailure {
                error: LlmError::Http { provider, endpoint: self.wire.endpoint(), status: status.as_u16(), message, attempts: 1 },
                retry_after,
            });
        }
        let streamed = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/event-stream"));
        if streamed {
            return Ok(self.read_stream(sse::events(response.bytes_stream()), progress, String::new()).await?);
        }
        let body = response.text().await.map_err(|e| self.send_error(&e))?;
        let accumulated = if looks_like_event_stream(&body) {
            let once = futures_util::stream::iter([Ok::<_, std::io::Error>(body.clone().into_bytes())]);
            self.read_stream(sse::events(once), progress, body).await?
        } else {
            let whole = self.wire.decode_whole(&body)?;
            progress.text(&whole.text);
            whole
        };
        Ok(accumulated)
    }

    async fn read_stream(
        &self,
        events: impl futures_util::Stream<Item = Result<Event, SseError>>,
        progress: &mut dyn Progress,
        raw: String,
    ) -> Result<Accumulated, LlmError> {
        let provider = self.wire.provider();
        let mut events = std::pin::pin!(events);
        let mut accumulated = Accumulated::default();
        while let Some(event) = events.next().await {
            let event = match event {
                Ok(event) => event,
                Err(SseError::Transport(detail)) => {
                    return Err(LlmError::Stream { provider, message: redact(&detail, self.key.as_ref()), attempts: 1 })
                }
                Err(SseError::Malformed(detail)) => {
                    return Err(LlmError::Unreadable { provider, detail, excerpt: excerpt(&accumulated.text) })
                }
            };
            for item in self.wire.decode_event(&event)? {
                if let Some(delta) = accumulated.add(item) {
                    progress.text(&delta);
                }
            }
            if accumulated.done {
                break;
            }
        }
        if !accumulated.done && accumulated.text.is_empty() {
            let began = if raw.is_empty() { String::from("(nothing)") } else { excerpt(&raw) };
            return Err(LlmError::Unreadable { provider, detail: "the stream ended before any answer".into(), excerpt: began });
        }
        Ok(accumulated)
    }

    fn send_error(&self, error: &reqwest::Error) -> AttemptFailure {
        let provider = self.wire.provider();
        let endpoint = self.wire.endpoint();
        let error = if error.is_timeout() && error.is_connect() {
            LlmError::Timeout { provider, endpoint, kind: TimeoutKind::Connect(self.settings.connect_timeout), attempts: 1 }
        } else if error.is_timeout() {
            LlmError::Timeout { provider, endpoint, kind: TimeoutKind::Total(self.settings.llm_timeout), attempts: 1 }
        } else {
            LlmError::Connect { provider, endpoint, detail: redact(&error_chain(error), self.key.as_ref()), attempts: 1 }
        };
        AttemptFailure::from(error)
    }
}

/// The wait a 429/503 answer asks for (`retry-after-ms`, then `Retry-After`).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    text("retry-after-ms")
        .and_then(retry::parse_retry_after_ms)
        .or_else(|| text("retry-after").and_then(|v| retry::parse_retry_after(v, chrono::Utc::now())))
}

/// Some servers stream events under another content type.
fn looks_like_event_stream(body: &str) -> bool {
    let start = body.trim_start();
    start.starts_with("data:") || start.starts_with("event:")
}

/// The error and its causes, e.g. "error sending request: connection refused".
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let line = cause.to_string();
        if !text.contains(&line) {
            text.push_str(": ");
            text.push_str(&line);
        }
        source = cause.source();
    }
    text
}

/// The first 200 characters of a body, on one line.
pub fn excerpt(text: &str) -> String {
    let one_line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let mut cut: String = one_line.chars().take(200).collect();
    if one_line.chars().count() > 200 {
        cut.push('…');
    }
    if cut.trim().is_empty() {
        "(nothing)".into()
    } else {
        cut
    }
}
