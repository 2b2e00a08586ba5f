// Multipart framing of Jupyter messages: identities, `<IDS|MSG>`, signature, four JSON
// frames, buffers. Incoming messages are size-checked, verified, then parsed.

use std::sync::Mutex;

use bytes::Bytes;
use serde::Serialize;
use serde_json::Value;

use super::signing::{ReplayGuard, SignatureError, Signer};

pub const DELIMITER: &[u8] = b"<IDS|MSG>";
/// Larger messages are refused before their signature is even computed.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;
/// How many recent signatures are remembered to refuse replays.
const REPLAY_MEMORY: usize = 65_536;

#[derive(Debug, thiserror::Error)]
pub enum WireError {
    #[error("no <IDS|MSG> delimiter")]
    MissingDelimiter,
    #[error("expected a signature and 4 JSON frames after the delimiter, got {0} frames")]
    TooFewFrames(usize),
    #[error("message of {size} bytes is over the {limit} byte limit")]
    TooLarge { size: usize, limit: usize },
    #[error("bad signature: {0}")]
    Signature(#[from] SignatureError),
    #[error("frame {frame} is not valid JSON: {source}")]
    Json { frame: &'static str, source: serde_json::Error },
    #[error("frame {0} is not a JSON object")]
    NotAnObject(&'static str),
    #[error("header has no string field {0:?}")]
    MissingHeaderField(&'static str),
}

/// A verified incoming message.
#[derive(Debug, Clone)]
// `metadata` and `buffers` are carried for handlers that need them (comms with binary data).
#[allow(dead_code)]
pub struct WireMessage {
    /// Routing identities (ROUTER sockets): replies go back with these.
    pub identities: Vec<Bytes>,
    /// The header exactly as received; replies copy it verbatim as `parent_header`.
    pub header_raw: Bytes,
    pub header: Value,
    pub msg_type: String,
    pub msg_id: String,
    pub metadata: Value,
    pub content: Value,
    pub buffers: Vec<Bytes>,
}

/// Encodes and decodes messages for one kernel session (one key).
pub struct Codec {
    signer: Signer,
    replays: Mutex<ReplayGuard>,
    limit: usize,
}

impl Codec {
    pub fn new(signer: Signer) -> Self {
        Codec { signer, replays: Mutex::new(ReplayGuard::new(REPLAY_MEMORY)), limit: MAX_MESSAGE_BYTES }
    }

    #[cfg(test)]
    pub fn with_limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    pub fn decode(&self, mut frames: Vec<Bytes>) -> Result<WireMessage, WireError> {
        let size: usize = frames.iter().map(Bytes::len).sum();
        if size > self.limit {
            return Err(WireError::TooLarge { size, limit: self.limit });
        }
        let delimiter =
            frames.iter().position(|f| f.as_ref() == DELIMITER).ok_or(WireError::MissingDelimiter)?;
        let after = frames.len() - delimiter - 1;
        if after < 5 {
            return Err(WireError::TooFewFrames(after));
        }
        let mut rest = frames.split_off(delimiter + 1);
        frames.truncate(delimiter);
        let identities = frames;
        let buffers = rest.split_off(5);
        let [signature, header_raw, parent, metadata, content]: [Bytes; 5] =
            rest.try_into().expect("exactly five frames");

        self.signer.verify([&header_raw, &parent, &metadata, &content], &signature)?;
        self.replays.lock().unwrap_or_else(|e| e.into_inner()).admit(&signature)?;

        let header = parse_object(&header_raw, "header")?;
        let metadata = parse_object(&metadata, "metadata")?;
        let content = parse_object(&content, "content")?;
        let field = |name: &'static str| {
            header.get(name).and_then(Value::as_str).map(str::to_owned).ok_or(WireError::MissingHeaderField(name))
        };
        let msg_type = field("msg_type")?;
        let msg_id = field("msg_id")?;
        Ok(WireMessage { identities, header_raw, header, msg_type, msg_id, metadata, content, buffers })
    }

    /// Frames for one outgoing message. `prefix` is the routing identities (ROUTER) or the
    /// topic (IOPub); `parent` is the raw parent header (`{}` when there is none).
    pub fn encode(
        &self,
        prefix: &[Bytes],
        header: &impl Serialize,
        parent: &[u8],
        content: &impl Serialize,
    ) -> Vec<Bytes> {
        let header = serde_json::to_vec(header).expect("headers serialise");
        let content = serde_json::to_vec(content).expect("message contents serialise");
        let metadata: &[u8] = b"{}";
        let signature = self.signer.sign([&header, parent, metadata, &content]);
        let mut frames = Vec::with_capacity(prefix.len() + 6);
        frames.extend_from_slice(prefix);
        frames.push(Bytes::from_static(DELIMITER));
        frames.push(Bytes::from(signature));
        frames.push(Bytes::from(header));
        frames.push(Bytes::copy_from_slice(parent));
        frames.push(Bytes::from_static(b"{}"));
        frames.push(Bytes::from(content));
        frames
    }
}

fn parse_object(raw: &[u8], frame: &'static str) -> Result<Value, WireError> {
    let value: Value = serde_json::from_slice(raw).map_err(|source| WireError::Json { frame, source })?;
    if value.is_object() {
        Ok(value)
    } else {
        Err(WireError::NotAnObject(frame))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn codec() -> Codec {
        Codec::new(Signer::new(b"secret"))
    }

    fn request(codec: &Codec, content: Value) -> Vec<Bytes> {
        let header = json!({"msg_id": "m1", "msg_type": "execute_request", "session": "s",
                            "username": "u", "date": "2026-01-01T00:00:00Z", "version": "5.3"});
        codec.encode(&[Bytes::from_static(b"client")], &header, b"{}", &content)
    }

    #[test]
    fn round_trip_keeps_identities_and_raw_header() {
        let codec = codec();
        let frames = request(&codec, json!({"code": "1"}));
        let raw_header = frames[3].clone();
        let msg = codec.decode(frames).unwrap();
        assert_eq!(msg.identities, vec![Bytes::from_static(b"client")]);
        assert_eq!(msg.msg_type, "execute_request");
        assert_eq!(msg.msg_id, "m1");
        assert_eq!(msg.header_raw, raw_header);
        assert_eq!(msg.content["code"], "1");
    }

    #[test]
    fn bad_signature_is_refused() {
        let codec = codec();
        let mut frames = request(&codec, json!({"code": "1"}));
        frames[2] = Bytes::from("0".repeat(64));
        assert!(matches!(codec.decode(frames), Err(WireError::Signature(SignatureError::Mismatch))));
        let other = Codec::new(Signer::new(b"other"));
        assert!(matches!(
            codec.decode(request(&other, json!({}))),
            Err(WireError::Signature(SignatureError::Mismatch))
        ));
    }

    #[test]
    fn replayed_message_is_refused() {
        let codec = codec();
        let frames = request(&codec, json!({"code": "1"}));
        assert!(codec.decode(frames.clone()).is_ok());
        assert!(matches!(codec.decode(frames), Err(WireError::Signature(SignatureError::Replayed))));
    }

    #[test]
    fn malformed_and_oversized_messages_are_refused() {
        let codec = codec();
        let no_delimiter = vec![Bytes::from_static(b"x"), Bytes::from_static(b"{}")];
        assert!(matches!(codec.decode(no_delimiter), Err(WireError::MissingDelimiter)));
        let short = vec![Bytes::from_static(DELIMITER), Bytes::new(), Bytes::from_static(b"{}")];
        assert!(matches!(codec.decode(short), Err(WireError::TooFewFrames(2))));

        // Signed but not JSON: the signature passes, parsing refuses it.
        let signer = Signer::new(b"secret");
        let parts: [&[u8]; 4] = [b"{not json", b"{}", b"{}", b"{}"];
        let sig = signer.sign(parts);
        let mut frames = vec![Bytes::from_static(DELIMITER), Bytes::from(sig)];
        frames.extend(parts.iter().map(|p| Bytes::copy_from_slice(p)));
        assert!(matches!(codec.decode(frames), Err(WireError::Json { frame: "header", .. })));

        let small = Codec::new(Signer::new(b"secret")).with_limit(100);
        let big = request(&small, json!({"code": "x".repeat(200)}));
        assert!(matches!(small.decode(big), Err(WireError::TooLarge { .. })));
    }
}
