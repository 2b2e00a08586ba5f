// HMAC-SHA256 signatures of Jupyter messages (header, parent_header, metadata, content),
// verified in constant time, plus a guard against replayed signatures.

use std::collections::{HashSet, VecDeque};

use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("the message has no signature")]
    Missing,
    #[error("the signature is not a lowercase hex digest")]
    NotHex,
    #[error("the signature does not match the message")]
    Mismatch,
    #[error("the signature was already used by an earlier message (replay)")]
    Replayed,
}

/// Signs and verifies messages with the connection file's key. An empty key turns
/// signing off, as the protocol specifies.
#[derive(Clone)]
pub struct Signer {
    mac: Option<HmacSha256>,
}

impl Signer {
    pub fn new(key: &[u8]) -> Self {
        let mac = (!key.is_empty())
            .then(|| HmacSha256::new_from_slice(key).expect("HMAC accepts keys of any length"));
        Signer { mac }
    }

    pub fn is_enabled(&self) -> bool {
        self.mac.is_some()
    }

    /// The hex digest of the four signed frames ("" when signing is off).
    pub fn sign(&self, parts: [&[u8]; 4]) -> String {
        match &self.mac {
            Some(mac) => {
                let mut mac = mac.clone();
                for part in parts {
                    mac.update(part);
                }
                hex::encode(mac.finalize().into_bytes())
            }
            None => String::new(),
        }
    }

    pub fn verify(&self, parts: [&[u8]; 4], signature: &[u8]) -> Result<(), SignatureError> {
        let Some(mac) = &self.mac else { return Ok(()) };
        if signature.is_empty() {
            return Err(SignatureError::Missing);
        }
        let digest = hex::decode(signature).map_err(|_| SignatureError::NotHex)?;
        let mut mac = mac.clone();
        for part in parts {
            mac.update(part);
        }
        mac.verify_slice(&digest).map_err(|_| SignatureError::Mismatch)
    }
}

/// Remembers recent signatures so a captured message cannot be sent again
/// (jupyter_client's Session does the same with its digest history).
pub struct ReplayGuard {
    seen: HashSet<Vec<u8>>,
    order: VecDeque<Vec<u8>>,
    capacity: usize,
}

impl ReplayGuard {
    pub fn new(capacity: usize) -> Self {
        ReplayGuard { seen: HashSet::new(), order: VecDeque::new(), capacity }
    }

    /// Records a signature; fails if it was seen before.
    pub fn admit(&mut self, signature: &[u8]) -> Result<(), SignatureError> {
        if signature.is_empty() {
            return Ok(());
        }
        if !self.seen.insert(signature.to_vec()) {
            return Err(SignatureError::Replayed);
        }
        self.order.push_back(signature.to_vec());
        if self.order.len() > self.capacity {
            if let Some(oldest) = self.order.pop_front() {
                self.seen.remove(&oldest);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARTS: [&[u8]; 4] = [b"{\"msg_id\":\"1\"}", b"{}", b"{}", b"{\"code\":\"1\"}"];

    #[test]
    fn known_digest() {
        // python: hmac.new(b"key", b''.join(parts), hashlib.sha256).hexdigest()
        let signer = Signer::new(b"key");
        let sig = signer.sign(PARTS);
        assert_eq!(sig, "9681d006d2159c6df66cc9c1d736b90c9d9ab4a7804a0ec24c415359fb05e2f7");
        assert_eq!(signer.verify(PARTS, sig.as_bytes()), Ok(()));
    }

    #[test]
    fn tampered_or_missing_signatures_fail() {
        let signer = Signer::new(b"key");
        let sig = signer.sign(PARTS);
        let tampered = [PARTS[0], PARTS[1], PARTS[2], b"{\"code\":\"2\"}".as_slice()];
        assert_eq!(signer.verify(tampered, sig.as_bytes()), Err(SignatureError::Mismatch));
        assert_eq!(signer.verify(PARTS, b""), Err(SignatureError::Missing));
        assert_eq!(signer.verify(PARTS, b"zz"), Err(SignatureError::NotHex));
        let other_key = Signer::new(b"other").sign(PARTS);
        assert_eq!(signer.verify(PARTS, other_key.as_bytes()), Err(SignatureError::Mismatch));
    }

    #[test]
    fn empty_key_disables_signing() {
        let signer = Signer::new(b"");
        assert!(!signer.is_enabled());
        assert_eq!(signer.sign(PARTS), "");
        assert_eq!(signer.verify(PARTS, b"anything"), Ok(()));
    }

    #[test]
    fn replayed_signatures_are_refused_and_old_ones_forgotten() {
        let mut guard = ReplayGuard::new(2);
        assert_eq!(guard.admit(b"a"), Ok(()));
        assert_eq!(guard.admit(b"a"), Err(SignatureError::Replayed));
        assert_eq!(guard.admit(b"b"), Ok(()));
        assert_eq!(guard.admit(b"c"), Ok(()));
        assert_eq!(guard.admit(b"a"), Ok(()));
    }
}
