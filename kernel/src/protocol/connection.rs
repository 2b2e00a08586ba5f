// The connection file a Jupyter client writes before it launches the kernel:
// where to bind each channel and which key signs the messages.

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use jupyter_protocol::{ConnectionInfo, Transport};
use serde_json::Value;

/// The only signature scheme the kernel accepts (the one every Jupyter client uses).
pub const SIGNATURE_SCHEME: &str = "hmac-sha256";

#[derive(Debug, thiserror::Error)]
pub enum ConnectionFileError {
    #[error("cannot read connection file {path}: {source}")]
    Unreadable { path: PathBuf, source: std::io::Error },
    #[error("connection file {path} is not valid JSON: {source}")]
    NotJson { path: PathBuf, source: serde_json::Error },
    #[error("connection file {path} is not a JSON object")]
    NotAnObject { path: PathBuf },
    #[error("connection file {path} is missing or has a bad field: {source}")]
    BadField { path: PathBuf, source: serde_json::Error },
    #[error("connection file {path}: signature_scheme {scheme:?} is not supported (use \"{SIGNATURE_SCHEME}\")")]
    UnsupportedScheme { path: PathBuf, scheme: String },
    #[error("connection file {path}: ip {ip:?} is not an IP address (tcp transport binds only to an address)")]
    BadIp { path: PathBuf, ip: String },
    #[error("connection file {path}: {field} is 0; the client must choose every port")]
    PortZero { path: PathBuf, field: &'static str },
}

/// The five channels of a kernel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChannelKind {
    Shell,
    Control,
    Stdin,
    IoPub,
    Heartbeat,
}

/// A parsed, checked connection file.
#[derive(Debug, Clone)]
pub struct ConnectionFile {
    pub info: ConnectionInfo,
}

impl ConnectionFile {
    pub fn load(path: &Path) -> Result<Self, ConnectionFileError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| ConnectionFileError::Unreadable { path: path.into(), source })?;
        Self::parse(&text, path)
    }

    /// Parses the file's text; `path` only names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Self, ConnectionFileError> {
        let mut value: Value = serde_json::from_str(text)
            .map_err(|source| ConnectionFileError::NotJson { path: path.into(), source })?;
        let object = value
            .as_object_mut()
            .ok_or_else(|| ConnectionFileError::NotAnObject { path: path.into() })?;
        // ipykernel treats these two as optional with these defaults; do the same.
        object.entry("transport").or_insert_with(|| Value::from("tcp"));
        object.entry("signature_scheme").or_insert_with(|| Value::from(SIGNATURE_SCHEME));
        let info: ConnectionInfo = serde_json::from_value(value)
            .map_err(|source| ConnectionFileError::BadField { path: path.into(), source })?;

        if info.signature_scheme != SIGNATURE_SCHEME {
            return Err(ConnectionFileError::UnsupportedScheme {
                path: path.into(),
                scheme: info.signature_scheme,
            });
        }
        if info.transport == Transport::TCP && info.ip.parse::<IpAddr>().is_err() {
            return Err(ConnectionFileError::BadIp { path: path.into(), ip: info.ip });
        }
        for (field, port) in [
            ("shell_port", info.shell_port),
            ("iopub_port", info.iopub_port),
            ("stdin_port", info.stdin_port),
            ("control_port", info.control_port),
            ("hb_port", info.hb_port),
        ] {
            if port == 0 {
                return Err(ConnectionFileError::PortZero { path: path.into(), field });
            }
        }
        Ok(ConnectionFile { info })
    }

    /// The ZeroMQ endpoint to bind for a channel: only the file's address (or IPC path).
    pub fn endpoint(&self, channel: ChannelKind) -> String {
        let info = &self.info;
        let port = match channel {
            ChannelKind::Shell => info.shell_port,
            ChannelKind::Control => info.control_port,
            ChannelKind::Stdin => info.stdin_port,
            ChannelKind::IoPub => info.iopub_port,
            ChannelKind::Heartbeat => info.hb_port,
        };
        match info.transport {
            Transport::TCP => match info.ip.parse::<IpAddr>() {
                Ok(IpAddr::V6(v6)) => format!("tcp://[{v6}]:{port}"),
                _ => format!("tcp://{}:{port}", info.ip),
            },
            Transport::IPC => format!("ipc://{}-{port}", info.ip),
        }
    }

    pub fn key(&self) -> &[u8] {
        self.info.key.as_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003,
        "control_port": 5004, "hb_port": 5005, "ip": "127.0.0.1", "key": "abc",
        "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "fekernel",
        "jupyter_session": "/tmp/x.ipynb"}"#;

    fn parse(text: &str) -> Result<ConnectionFile, ConnectionFileError> {
        ConnectionFile::parse(text, Path::new("kernel-1.json"))
    }

    #[test]
    fn endpoints_bind_only_the_files_address() {
        let file = parse(GOOD).unwrap();
        assert_eq!(file.endpoint(ChannelKind::Shell), "tcp://127.0.0.1:5001");
        assert_eq!(file.endpoint(ChannelKind::Heartbeat), "tcp://127.0.0.1:5005");
        assert_eq!(file.key(), b"abc");
    }

    #[test]
    fn ipv6_and_ipc_endpoints() {
        let v6 = parse(&GOOD.replace("127.0.0.1", "::1")).unwrap();
        assert_eq!(v6.endpoint(ChannelKind::IoPub), "tcp://[::1]:5002");
        let ipc = parse(&GOOD.replace("\"tcp\"", "\"ipc\"").replace("127.0.0.1", "/tmp/k")).unwrap();
        assert_eq!(ipc.endpoint(ChannelKind::Control), "ipc:///tmp/k-5004");
    }

    #[test]
    fn transport_and_scheme_default_like_ipykernel() {
        let text = GOOD.replace("\"transport\": \"tcp\",", "").replace("\"signature_scheme\": \"hmac-sha256\",", "");
        assert!(parse(&text).is_ok());
    }

    #[test]
    fn bad_files_are_refused_with_the_reason() {
        assert!(matches!(parse("{not json"), Err(ConnectionFileError::NotJson { .. })));
        assert!(matches!(parse("[1]"), Err(ConnectionFileError::NotAnObject { .. })));
        assert!(matches!(parse(&GOOD.replace("\"shell_port\": 5001,", "")), Err(ConnectionFileError::BadField { .. })));
        assert!(matches!(
            parse(&GOOD.replace("hmac-sha256", "hmac-md5")),
            Err(ConnectionFileError::UnsupportedScheme { .. })
        ));
        assert!(matches!(parse(&GOOD.replace("127.0.0.1", "localhost")), Err(ConnectionFileError::BadIp { .. })));
        assert!(matches!(parse(&GOOD.replace("5003", "0")), Err(ConnectionFileError::PortZero { .. })));
        let missing = ConnectionFile::load(Path::new("/nonexistent/kernel.json"));
        assert!(matches!(missing, Err(ConnectionFileError::Unreadable { .. })));
    }
}
