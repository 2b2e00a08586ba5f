// Raw request headers, kept so every reply and iopub message carries its request's
// header byte for byte as `parent_header` (re-serialising could change it).

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use serde_json::Value;

use crate::protocol::wire::WireMessage;

/// How many recent requests keep their raw header; older parents are re-serialised
/// from their (order-preserving) JSON value, which is equivalent.
const REMEMBERED: usize = 64;

#[derive(Default)]
pub struct ParentHeaders {
    recent: Mutex<VecDeque<(Arc<Value>, Bytes)>>,
}

impl ParentHeaders {
    /// The parent handle for messages answering `msg`.
    pub fn register(&self, msg: &WireMessage) -> Arc<Value> {
        let parent = Arc::new(msg.header.clone());
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        recent.push_back((parent.clone(), msg.header_raw.clone()));
        if recent.len() > REMEMBERED {
            recent.pop_front();
        }
        parent
    }

    /// The bytes to send as `parent_header`.
    pub fn raw(&self, parent: &Arc<Value>) -> Bytes {
        let recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, raw)) = recent.iter().rev().find(|(p, _)| Arc::ptr_eq(p, parent)) {
            return raw.clone();
        }
        drop(recent);
        match parent.as_ref() {
            Value::Null => Bytes::from_static(b"{}"),
            value => Bytes::from(serde_json::to_vec(value).expect("JSON values serialise")),
        }
    }
}
