// The Anthropic Messages API: the system prompt beside the messages, the key in `x-api-key`,
// the answer streamed as typed events (message_start, content_block_delta, message_delta, …).

use reqwest::header::HeaderValue;
use serde_json::{json, Value};

use super::http_provider::{excerpt, WireFormat};
use super::secret::ApiKey;
use super::sse::{Accumulated, Event, StreamItem};
use super::{LlmError, LlmRequest, Role, Usage};

pub const PROVIDER: &str = "anthropic";
pub const DEFAULT_BASE_URL: &str = "https://api.anthropic.com";
pub const DEFAULT_MODEL: &str = "claude-sonnet-4-5";
pub const DEFAULT_KEY_VARIABLE: &str = "ANTHROPIC_API_KEY";
const API_VERSION: &str = "2023-06-01";

pub struct AnthropicWire {
    /// E.g. `https://api.anthropic.com` (a trailing `/v1` is accepted too).
    pub base_url: String,
}

impl WireFormat for AnthropicWire {
    fn provider(&self) -> &'static str {
        PROVIDER
    }

    fn endpoint(&self) -> String {
        let base = self.base_url.trim_end_matches('/');
        if base.ends_with("/v1") {
            format!("{base}/messages")
        } else {
            format!("{base}/v1/messages")
        }
    }

    fn request(&self, client: &reqwest::Client, request: &LlmRequest, key: Option<&ApiKey>) -> reqwest::RequestBuilder {
        let system: Vec<&str> =
            request.messages.iter().filter(|m| m.role == Role::System).map(|m| m.content.as_str()).collect();
        let messages: Vec<Value> = request
            .messages
            .iter()
            .filter(|m| m.role != Role::System)
            .map(|m| json!({"role": m.role, "content": m.content}))
            .collect();
        let body = json!({
            "model": request.model,
            "max_tokens": request.max_tokens,
            "temperature": request.temperature.min(1.0),
            "system": system.join("\n\n"),
            "messages": messages,
            "stream": true,
        });
        let builder = client.post(self.endpoint()).header("anthropic-version", API_VERSION).json(&body);
        match key.and_then(|key| HeaderValue::from_str(key.expose()).ok()) {
            Some(mut value) => {
                value.set_sensitive(true);
                builder.header("x-api-key", value)
            }
            None => builder,
        }
    }

    fn decode_event(&self, event: &Event) -> Result<Vec<StreamItem>, LlmError> {
        let data = event.data.trim();
        if data.is_empty() {
            return Ok(vec![StreamItem::Nothing]);
        }
        let value: Value = serde_json::from_str(data).map_err(|e| unreadable(&e.to_string(), data))?;
        let kind = value.get("type").and_then(Value::as_str).unwrap_or(event.event.as_str());
        Ok(match kind {
            "message_start" => {
                let mut items = Vec::new();
                if let Some(model) = value.pointer("/message/model").and_then(Value::as_str) {
                    items.push(StreamItem::Model(model.to_string()));
                }
                if let Some(usage) = value.pointer("/message/usage") {
                    items.push(StreamItem::Usage(usage_of(usage)));
                }
                items
            }
            "content_block_delta" => match value.pointer("/delta/text").and_then(Value::as_str) {
                Some(text) => vec![StreamItem::Text(text.to_string())],
                None => vec![StreamItem::Nothing],
            },
            "message_delta" => match value.get("usage") {
                Some(usage) => vec![StreamItem::Usage(Usage { input_tokens: None, output_tokens: usage_of(usage).output_tokens })],
                None => vec![StreamItem::Nothing],
            },
            "message_stop" => vec![StreamItem::Done],
            "error" => {
                return Err(LlmError::Stream { provider: PROVIDER, message: message_of(&value), attempts: 1 });
            }
            _ => vec![StreamItem::Nothing],
        })
    }

    fn decode_whole(&self, body: &str) -> Result<Accumulated, LlmError> {
        let answer: Value = serde_json::from_str(body).map_err(|e| unreadable(&e.to_string(), body))?;
        let blocks = answer.get("content").and_then(Value::as_array).ok_or_else(|| unreadable("no `content`", body))?;
        let text: String = blocks.iter().filter_map(|b| b.get("text").and_then(Value::as_str)).collect();
        Ok(Accumulated {
            text,
            usage: answer.get("usage").map(usage_of).unwrap_or_default(),
            model: answer.get("model").and_then(Value::as_str).map(str::to_string),
            done: true,
        })
    }

    fn error_message(&self, body: &str) -> String {
        match serde_json::from_str::<Value>(body) {
            Ok(value) => message_of(&value),
            Err(_) => excerpt(body),
        }
    }
}

fn usage_of(usage: &Value) -> Usage {
    Usage {
        input_tokens: usage.get("input_tokens").and_then(Value::as_u64),
        output_tokens: usage.get("output_tokens").and_then(Value::as_u64),
    }
}

/// `{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}` → `overloaded_error: Overloaded`.
fn message_of(value: &Value) -> String {
    let error = value.get("error").unwrap_or(value);
    let message = error.get("message").and_then(Value::as_str);
    match (error.get("type").and_then(Value::as_str), message) {
        (Some(kind), Some(message)) => format!("{kind}: {message}"),
        (None, Some(message)) => message.to_string(),
        _ => excerpt(&value.to_string()),
    }
}

fn unreadable(detail: &str, body: &str) -> LlmError {
    LlmError::Unreadable { provider: PROVIDER, detail: detail.to_string(), excerpt: excerpt(body) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::llm::sse::testing::{cut, decode_chunks};

    fn wire() -> AnthropicWire {
        AnthropicWire { base_url: "http://127.0.0.1:9000".into() }
    }

    const STREAM: &str = concat!(
        "event: message_start\n",
        "data: {\"type\":\"message_start\",\"message\":{\"id\":\"m1\",\"model\":\"claude-test\",\"usage\":{\"input_tokens\":321,\"output_tokens\":1}}}\n\n",
        "event: content_block_start\n",
        "data: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n",
        "event: ping\ndata: {\"type\": \"ping\"}\n\n",
        "event: content_block_delta\n",
        "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Here: ```python\\n\"}}\n\n",
        "event: content_block_delta\n",
        "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"df = df\\n```\"}}\n\n",
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n",
        "event: message_delta\n",
        "data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":17}}\n\n",
        "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n",
    );

    #[test]
    fn a_streamed_message_is_put_together_with_its_usage() {
        for size in [1, 9, 100, 10_000] {
            let chunks = cut(STREAM, size);
            let refs: Vec<&str> = chunks.iter().map(String::as_str).collect();
            let answer = decode_chunks(&refs, |e| wire().decode_event(e)).unwrap();
            assert_eq!(answer.text, "Here: ```python\ndf = df\n```");
            assert_eq!(answer.usage, Usage { input_tokens: Some(321), output_tokens: Some(17) });
            assert_eq!(answer.model.as_deref(), Some("claude-test"));
        }
    }

    #[test]
    fn an_overloaded_event_is_a_stream_error_with_its_type() {
        let stream = "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n";
        let error = decode_chunks(&[stream], |e| wire().decode_event(e)).unwrap_err();
        assert_eq!(error, LlmError::Stream { provider: PROVIDER, message: "overloaded_error: Overloaded".into(), attempts: 1 });
    }

    #[test]
    fn the_endpoint_accepts_base_urls_with_or_without_v1() {
        assert_eq!(wire().endpoint(), "http://127.0.0.1:9000/v1/messages");
        assert_eq!(AnthropicWire { base_url: "http://h/v1/".into() }.endpoint(), "http://h/v1/messages");
        let body = r#"{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}"#;
        assert_eq!(wire().error_message(body), "authentication_error: invalid x-api-key");
    }
}
