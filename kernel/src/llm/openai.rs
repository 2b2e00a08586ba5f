// The OpenAI Chat Completions wire format, spoken by OpenAI and by local and hosted servers
// alike (Ollama, vLLM, LM Studio, llama.cpp server, OpenRouter): any base URL, streamed.

use serde_json::{json, Value};

use super::http_provider::{excerpt, WireFormat};
use super::secret::ApiKey;
use super::sse::{Accumulated, Event, StreamItem};
use super::{LlmError, LlmRequest, Usage};

pub const PROVIDER: &str = "openai";
pub const DEFAULT_BASE_URL: &str = "https://api.openai.com/v1";
pub const DEFAULT_MODEL: &str = "gpt-4o-mini";
pub const DEFAULT_KEY_VARIABLE: &str = "OPENAI_API_KEY";

pub struct OpenAiWire {
    /// E.g. `https://api.openai.com/v1`, `http://localhost:11434/v1`.
    pub base_url: String,
}

impl WireFormat for OpenAiWire {
    fn provider(&self) -> &'static str {
        PROVIDER
    }

    fn endpoint(&self) -> String {
        format!("{}/chat/completions", self.base_url.trim_end_matches('/'))
    }

    fn request(&self, client: &reqwest::Client, request: &LlmRequest, key: Option<&ApiKey>) -> reqwest::RequestBuilder {
        let body = json!({
            "model": request.model,
            "messages": request.messages,
            "temperature": request.temperature,
            "max_tokens": request.max_tokens,
            "stream": true,
            "stream_options": {"include_usage": true},
        });
        let builder = client.post(self.endpoint()).json(&body);
        match key {
            // `bearer_auth` marks the header sensitive (never printed by reqwest or hyper).
            Some(key) => builder.bearer_auth(key.expose()),
            None => builder,
        }
    }

    fn decode_event(&self, event: &Event) -> Result<Vec<StreamItem>, LlmError> {
        let data = event.data.trim();
        if data == "[DONE]" {
            return Ok(vec![StreamItem::Done]);
        }
        if data.is_empty() {
            return Ok(vec![StreamItem::Nothing]);
        }
        let chunk: Value = serde_json::from_str(data).map_err(|e| unreadable(&e.to_string(), data))?;
        if let Some(error) = chunk.get("error") {
            return Err(LlmError::Stream { provider: PROVIDER, message: message_of(error), attempts: 1 });
        }
        let mut items = Vec::new();
        if let Some(model) = chunk.get("model").and_then(Value::as_str) {
            items.push(StreamItem::Model(model.to_string()));
        }
        if let Some(choice) = chunk.get("choices").and_then(|c| c.get(0)) {
            if let Some(text) = choice.pointer("/delta/content").and_then(Value::as_str) {
                items.push(StreamItem::Text(text.to_string()));
            }
        }
        if let Some(usage) = chunk.get("usage").filter(|u| !u.is_null()) {
            items.push(StreamItem::Usage(usage_of(usage)));
        }
        Ok(items)
    }

    fn decode_whole(&self, body: &str) -> Result<Accumulated, LlmError> {
        let answer: Value = serde_json::from_str(body).map_err(|e| unreadable(&e.to_string(), body))?;
        let text = answer
            .pointer("/choices/0/message/content")
            .and_then(Value::as_str)
            .ok_or_else(|| unreadable("no `choices[0].message.content`", body))?;
        Ok(Accumulated {
            text: text.to_string(),
            usage: answer.get("usage").map(usage_of).unwrap_or_default(),
            model: answer.get("model").and_then(Value::as_str).map(str::to_string),
            done: true,
        })
    }

    fn error_message(&self, body: &str) -> String {
        match serde_json::from_str::<Value>(body) {
            Ok(value) => value.get("error").map(message_of).unwrap_or_else(|| message_of(&value)),
            Err(_) => excerpt(body),
        }
    }
}

fn usage_of(usage: &Value) -> Usage {
    Usage {
        input_tokens: usage.get("prompt_tokens").and_then(Value::as_u64),
        output_tokens: usage.get("completion_tokens").and_then(Value::as_u64),
    }
}

/// `{"message": …}`, a plain string (Ollama), or the JSON itself.
fn message_of(error: &Value) -> String {
    match error {
        Value::String(text) => text.clone(),
        other => other
            .get("message")
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| excerpt(&other.to_string())),
    }
}

fn unreadable(detail: &str, body: &str) -> LlmError {
    LlmError::Unreadable { provider: PROVIDER, detail: detail.to_string(), excerpt: excerpt(body) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::llm::sse::testing::{cut, decode_chunks};

    fn wire() -> OpenAiWire {
        OpenAiWire { base_url: "http://127.0.0.1:8000/v1/".into() }
    }

    const STREAM: &str = concat!(
        "data: {\"id\":\"c1\",\"model\":\"qwen2.5-coder\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}\n\n",
        "data: {\"model\":\"qwen2.5-coder\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"```python\\ndf = \"}}]}\n\n",
        ": keep-alive\n\n",
        "data: {\"model\":\"qwen2.5-coder\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"df\\n```\"},\"finish_reason\":\"stop\"}]}\n\n",
        "data: {\"model\":\"qwen2.5-coder\",\"choices\":[],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":9}}\n\n",
        "data: [DONE]\n\n",
    );

    #[test]
    fn a_streamed_answer_is_put_together_from_its_deltas() {
        for size in [1, 5, 64, 4096] {
            let chunks = cut(STREAM, size);
            let refs: Vec<&str> = chunks.iter().map(String::as_str).collect();
            let answer = decode_chunks(&refs, |e| wire().decode_event(e)).unwrap();
            assert_eq!(answer.text, "```python\ndf = df\n```");
            assert_eq!(answer.usage, Usage { input_tokens: Some(120), output_tokens: Some(9) });
            assert_eq!(answer.model.as_deref(), Some("qwen2.5-coder"));
            assert!(answer.done);
        }
    }

    #[test]
    fn an_error_event_mid_stream_is_a_stream_error() {
        let stream = "data: {\"error\":{\"message\":\"model overloaded\",\"type\":\"server_error\"}}\n\n";
        let error = decode_chunks(&[stream], |e| wire().decode_event(e)).unwrap_err();
        assert_eq!(error, LlmError::Stream { provider: PROVIDER, message: "model overloaded".into(), attempts: 1 });
    }

    #[test]
    fn garbage_in_a_stream_is_unreadable_and_quoted() {
        let error = decode_chunks(&["data: <html>oops</html>\n\n"], |e| wire().decode_event(e)).unwrap_err();
        let LlmError::Unreadable { excerpt, .. } = error else { panic!("{error:?}") };
        assert_eq!(excerpt, "<html>oops</html>");
    }

    #[test]
    fn whole_answers_and_error_bodies_are_read() {
        let body = r#"{"model":"m","choices":[{"message":{"role":"assistant","content":"hi"}}],"usage":{"prompt_tokens":3,"completion_tokens":1}}"#;
        let answer = wire().decode_whole(body).unwrap();
        assert_eq!((answer.text.as_str(), answer.usage.output_tokens), ("hi", Some(1)));
        assert_eq!(wire().error_message(r#"{"error":{"message":"Invalid model","code":"x"}}"#), "Invalid model");
        assert_eq!(wire().error_message(r#"{"error":"model 'x' not found"}"#), "model 'x' not found");
        assert_eq!(wire().error_message("Bad Gateway"), "Bad Gateway");
        assert_eq!(wire().endpoint(), "http://127.0.0.1:8000/v1/chat/completions");
    }
}
