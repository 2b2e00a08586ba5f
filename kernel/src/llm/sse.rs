// Server-sent events of streamed answers: bytes → events (eventsource-stream, which handles
// chunks split anywhere, CRLF and multi-line data) → what the wire format says they mean.

use futures_util::{Stream, StreamExt};

pub use eventsource_stream::Event;
use eventsource_stream::{EventStreamError, Eventsource};

use super::Usage;

/// What one event of a streamed answer carries.
#[derive(Clone, Debug, PartialEq)]
pub enum StreamItem {
    Text(String),
    /// Token counts (either may be missing; later reports complete earlier ones).
    Usage(Usage),
    /// The model that answers.
    Model(String),
    /// The answer is complete.
    Done,
    /// Nothing for us (keep-alives, pings, role announcements).
    Nothing,
}

/// An event stream that could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SseError {
    /// The connection failed mid-stream (worth a retry).
    #[error("the connection broke while the answer streamed: {0}")]
    Transport(String),
    /// The bytes are not an event stream.
    #[error("{0}")]
    Malformed(String),
}

/// The events in a stream of byte chunks.
pub fn events<S, B, E>(bytes: S) -> impl Stream<Item = Result<Event, SseError>>
where
    S: Stream<Item = Result<B, E>>,
    B: AsRef<[u8]>,
    E: std::fmt::Display,
{
    bytes.eventsource().map(|event| {
        event.map_err(|e| match e {
            EventStreamError::Transport(e) => SseError::Transport(e.to_string()),
            other => SseError::Malformed(other.to_string()),
        })
    })
}

/// The answer being put together from stream items.
#[derive(Debug, Default)]
pub struct Accumulated {
    pub text: String,
    pub usage: Usage,
    pub model: Option<String>,
    pub done: bool,
}

impl Accumulated {
    /// Adds an item; returns the text it added, if any.
    pub fn add(&mut self, item: StreamItem) -> Option<String> {
        match item {
            StreamItem::Text(delta) => {
                self.text.push_str(&delta);
                return Some(delta);
            }
            StreamItem::Usage(usage) => {
                self.usage.input_tokens = usage.input_tokens.or(self.usage.input_tokens);
                self.usage.output_tokens = usage.output_tokens.or(self.usage.output_tokens);
            }
            StreamItem::Model(model) => self.model = Some(model),
            StreamItem::Done => self.done = true,
            StreamItem::Nothing => {}
        }
        None
    }
}

#[cfg(test)]
pub mod testing {
    // Feeding a recorded stream, cut into arbitrary chunks, through a wire format's decoder.

    use super::*;
    use crate::llm::LlmError;

    pub fn decode_chunks(
        chunks: &[&str],
        decode: impl Fn(&Event) -> Result<Vec<StreamItem>, LlmError>,
    ) -> Result<Accumulated, LlmError> {
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let owned: Vec<Result<Vec<u8>, std::io::Error>> = chunks.iter().map(|c| Ok(c.as_bytes().to_vec())).collect();
        runtime.block_on(async {
            let mut stream = Box::pin(events(futures_util::stream::iter(owned)));
            let mut accumulated = Accumulated::default();
            while let Some(event) = stream.next().await {
                let event = event.map_err(|e| LlmError::Unreadable { provider: "test", detail: e.to_string(), excerpt: String::new() })?;
                for item in decode(&event)? {
                    accumulated.add(item);
                }
                if accumulated.done {
                    break;
                }
            }
            Ok(accumulated)
        })
    }

    /// Cuts `text` into chunks of `size` bytes (on char boundaries), as a network might.
    pub fn cut(text: &str, size: usize) -> Vec<String> {
        let mut chunks = Vec::new();
        let mut current = String::new();
        for c in text.chars() {
            current.push(c);
            if current.len() >= size {
                chunks.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            chunks.push(current);
        }
        chunks
    }
}

#[cfg(test)]
mod tests {
    use super::testing::decode_chunks;
    use super::*;

    fn echo(event: &Event) -> Result<Vec<StreamItem>, crate::llm::LlmError> {
        Ok(vec![match event.data.as_str() {
            "[DONE]" => StreamItem::Done,
            data => StreamItem::Text(format!("{}:{data}|", event.event)),
        }])
    }

    #[test]
    fn events_survive_any_chunking_crlf_and_multiline_data() {
        let stream = "event: a\r\ndata: one\r\n\r\n: a comment\n\nevent: b\ndata: two\ndata: lines\n\ndata: [DONE]\n\ndata: after\n\n";
        for size in [1, 2, 3, 7, 1000] {
            let chunks = super::testing::cut(stream, size);
            let refs: Vec<&str> = chunks.iter().map(String::as_str).collect();
            let got = decode_chunks(&refs, echo).unwrap();
            assert_eq!(got.text, "a:one|b:two\nlines|", "chunks of {size}");
            assert!(got.done);
        }
    }

    #[test]
    fn later_usage_reports_complete_earlier_ones() {
        let mut accumulated = Accumulated::default();
        accumulated.add(StreamItem::Usage(Usage { input_tokens: Some(10), output_tokens: None }));
        accumulated.add(StreamItem::Usage(Usage { input_tokens: None, output_tokens: Some(4) }));
        assert_eq!(accumulated.usage, Usage { input_tokens: Some(10), output_tokens: Some(4) });
        assert_eq!(accumulated.add(StreamItem::Text("x".into())), Some("x".into()));
    }
}
