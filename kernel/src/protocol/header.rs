// Headers of the messages the kernel sends: a fresh msg_id, the kernel's session id,
// the time, and the protocol version the kernel speaks.

use jupyter_protocol::Header;

/// The messaging protocol version the kernel implements.
pub const PROTOCOL_VERSION: &str = "5.3";

#[derive(Debug, Clone)]
pub struct HeaderFactory {
    session: String,
    username: String,
}

impl HeaderFactory {
    pub fn new() -> Self {
        HeaderFactory { session: uuid::Uuid::new_v4().to_string(), username: "fekernel".to_string() }
    }

    pub fn session(&self) -> &str {
        &self.session
    }

    pub fn header(&self, msg_type: &str) -> Header {
        Header {
            msg_id: uuid::Uuid::new_v4().to_string(),
            username: self.username.clone(),
            session: self.session.clone(),
            date: chrono::Utc::now(),
            msg_type: msg_type.to_string(),
            version: PROTOCOL_VERSION.to_string(),
        }
    }
}
