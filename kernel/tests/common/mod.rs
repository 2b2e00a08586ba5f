// Launches the real fekernel binary on 127.0.0.1 with a fresh connection file and drives
// it with jupyter-zmq-client, an independent Jupyter client written in Rust.
#![allow(dead_code)]

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use bytes::Bytes;
use jupyter_protocol::{
    ConnectionInfo, ExecuteRequest, ExecutionState, JupyterMessage, JupyterMessageContent, KernelInfoRequest, Transport,
};
use jupyter_zmq_client::{
    create_client_control_connection, create_client_heartbeat_connection, create_client_iopub_connection,
    create_client_shell_connection_with_identity, create_client_stdin_connection_with_identity,
    peer_identity_for_session, peek_ports, wait_for_iopub_welcome, ClientControlConnection, ClientIoPubConnection,
    ClientShellConnection, ClientStdinConnection,
};
use serde_json::Value;

pub const REPLY_TIMEOUT: Duration = Duration::from_secs(30);
/// The first Rust cell starts evcxr (7–10 s on a quiet machine; far more under load).
pub const EVCXR_TIMEOUT: Duration = Duration::from_secs(240);

pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_fekernel")
}

/// A scratch folder removed when dropped.
pub struct ScratchDir(pub PathBuf);

impl ScratchDir {
    pub fn new(tag: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("fekernel-test-{tag}-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        ScratchDir(dir)
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub struct LaunchedKernel {
    pub child: Child,
    pub info: ConnectionInfo,
    pub connection_file: PathBuf,
    pub launched_at: Instant,
    pub scratch: ScratchDir,
}

impl Drop for LaunchedKernel {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Writes a connection file with free ports on 127.0.0.1 and starts the kernel on it.
pub async fn launch() -> LaunchedKernel {
    let scratch = ScratchDir::new("kernel");
    let ports = peek_ports(IpAddr::V4(Ipv4Addr::LOCALHOST), 5).await.unwrap();
    let info = ConnectionInfo {
        ip: "127.0.0.1".into(),
        transport: Transport::TCP,
        shell_port: ports[0],
        iopub_port: ports[1],
        stdin_port: ports[2],
        control_port: ports[3],
        hb_port: ports[4],
        key: uuid::Uuid::new_v4().to_string(),
        signature_scheme: "hmac-sha256".into(),
        kernel_name: Some("fekernel".into()),
    };
    let connection_file = scratch.0.join("kernel.json");
    std::fs::write(&connection_file, serde_json::to_vec(&info).unwrap()).unwrap();
    launch_with(info, connection_file, scratch)
}

pub fn launch_with(info: ConnectionInfo, connection_file: PathBuf, scratch: ScratchDir) -> LaunchedKernel {
    let launched_at = Instant::now();
    let child = Command::new(binary())
        .args(["run", "--connection-file"])
        .arg(&connection_file)
        .stdin(Stdio::null())
        .spawn()
        .expect("the fekernel binary starts");
    LaunchedKernel { child, info, connection_file, launched_at, scratch }
}

/// A client connected to every channel of a launched kernel.
pub struct Client {
    pub session: String,
    pub shell: ClientShellConnection,
    pub iopub: ClientIoPubConnection,
    pub control: ClientControlConnection,
    pub stdin: ClientStdinConnection,
    /// iopub messages read while looking for something else, by parent msg_id.
    pending_iopub: Vec<JupyterMessage>,
}

impl Client {
    /// Connects and waits for the iopub_welcome that proves the subscription is live.
    pub async fn connect(info: &ConnectionInfo) -> Client {
        let session = uuid::Uuid::new_v4().to_string();
        let connect = async {
            let identity = peer_identity_for_session(&session).unwrap();
            let mut iopub = create_client_iopub_connection(info, "", &session).await.unwrap();
            let welcome = wait_for_iopub_welcome(&mut iopub, REPLY_TIMEOUT).await.unwrap();
            assert_eq!(welcome.as_deref(), Some(""), "the kernel greets each iopub subscription (JEP 65)");
            let shell = create_client_shell_connection_with_identity(info, &session, identity.clone()).await.unwrap();
            let control = create_client_control_connection(info, &session).await.unwrap();
            let stdin = create_client_stdin_connection_with_identity(info, &session, identity).await.unwrap();
            Client { session: session.clone(), shell, iopub, control, stdin, pending_iopub: Vec::new() }
        };
        tokio::time::timeout(REPLY_TIMEOUT, connect).await.expect("connected to the kernel in time")
    }

    pub async fn send_shell(&mut self, content: impl Into<JupyterMessageContent>) -> String {
        let message = JupyterMessage::new(content.into(), None);
        let id = message.header.msg_id.clone();
        self.shell.send(message).await.unwrap();
        id
    }

    pub async fn send_control(&mut self, content: impl Into<JupyterMessageContent>) -> String {
        let message = JupyterMessage::new(content.into(), None);
        let id = message.header.msg_id.clone();
        self.control.send(message).await.unwrap();
        id
    }

    pub async fn shell_reply(&mut self, timeout: Duration) -> JupyterMessage {
        tokio::time::timeout(timeout, self.shell.read()).await.expect("a shell reply in time").unwrap()
    }

    pub async fn control_reply(&mut self, timeout: Duration) -> JupyterMessage {
        tokio::time::timeout(timeout, self.control.read()).await.expect("a control reply in time").unwrap()
    }

    pub async fn next_iopub(&mut self, timeout: Duration) -> Option<JupyterMessage> {
        match tokio::time::timeout(timeout, self.iopub.read()).await {
            Ok(message) => Some(message.unwrap()),
            Err(_) => None,
        }
    }

    /// Every iopub message whose parent is `msg_id`, from busy through idle.
    pub async fn iopub_until_idle(&mut self, msg_id: &str, timeout: Duration) -> Vec<JupyterMessage> {
        let mut found: Vec<JupyterMessage> = Vec::new();
        let mut kept = Vec::new();
        for message in std::mem::take(&mut self.pending_iopub) {
            if parent_id(&message) == Some(msg_id) {
                found.push(message);
            } else {
                kept.push(message);
            }
        }
        self.pending_iopub = kept;
        let deadline = Instant::now() + timeout;
        while !found.last().is_some_and(is_idle) {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self.next_iopub(left).await.unwrap_or_else(|| panic!("idle for {msg_id} in time"));
            if parent_id(&message) == Some(msg_id) {
                found.push(message);
            } else {
                self.pending_iopub.push(message);
            }
        }
        found
    }

    pub async fn kernel_info(&mut self) -> JupyterMessage {
        self.send_shell(KernelInfoRequest {}).await;
        self.shell_reply(REPLY_TIMEOUT).await
    }

    /// Runs one cell: its reply and its iopub messages.
    pub async fn execute(&mut self, code: &str, timeout: Duration) -> (JupyterMessage, Vec<JupyterMessage>) {
        let id = self.send_shell(execute_request(code)).await;
        let reply = self.shell_reply(timeout).await;
        assert_eq!(parent_id(&reply), Some(id.as_str()));
        let outputs = self.iopub_until_idle(&id, timeout).await;
        (reply, outputs)
    }
}

pub fn execute_request(code: &str) -> ExecuteRequest {
    ExecuteRequest {
        code: code.into(),
        silent: false,
        store_history: true,
        user_expressions: Some(HashMap::new()),
        allow_stdin: false,
        stop_on_error: true,
    }
}

pub fn parent_id(message: &JupyterMessage) -> Option<&str> {
    message.parent_header.as_ref().map(|h| h.msg_id.as_str())
}

pub fn is_idle(message: &JupyterMessage) -> bool {
    matches!(&message.content, JupyterMessageContent::Status(s) if s.execution_state == ExecutionState::Idle)
}

pub fn is_busy(message: &JupyterMessage) -> bool {
    matches!(&message.content, JupyterMessageContent::Status(s) if s.execution_state == ExecutionState::Busy)
}

pub fn message_types(messages: &[JupyterMessage]) -> Vec<&str> {
    messages.iter().map(|m| m.header.msg_type.as_str()).collect()
}

/// The reply's content as JSON (for fields the typed structs flatten away).
pub fn content_json(message: &JupyterMessage) -> Value {
    serde_json::to_value(&message.content).unwrap()
}

/// Heartbeat: one ping answered.
pub async fn heartbeat_answers(info: &ConnectionInfo) -> bool {
    let ping = async {
        let mut hb = create_client_heartbeat_connection(info).await?;
        hb.single_heartbeat().await
    };
    matches!(tokio::time::timeout(Duration::from_secs(10), ping).await, Ok(Ok(())))
}

/// Waits for the kernel process to exit on its own.
pub fn wait_for_exit(child: &mut Child, timeout: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

/// Frames for a hand-made shell message signed with `key` (or with a given signature).
pub fn raw_frames(key: &str, header: &Value, content: &Value, signature: Option<&str>) -> Vec<Bytes> {
    let header = serde_json::to_vec(header).unwrap();
    let content = serde_json::to_vec(content).unwrap();
    raw_frames_from_bytes(key, &header, &content, signature)
}

pub fn raw_frames_from_bytes(key: &str, header: &[u8], content: &[u8], signature: Option<&str>) -> Vec<Bytes> {
    let parts: [&[u8]; 4] = [header, b"{}", b"{}", content];
    let signature = signature.map_or_else(|| sign(key, parts), str::to_string);
    let mut frames = vec![Bytes::from_static(b"<IDS|MSG>"), Bytes::from(signature)];
    frames.extend(parts.iter().map(|p| Bytes::copy_from_slice(p)));
    frames
}

pub fn sign(key: &str, parts: [&[u8]; 4]) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()).unwrap();
    for part in parts {
        mac.update(part);
    }
    hex::encode(mac.finalize().into_bytes())
}

pub fn header(msg_type: &str, session: &str) -> (String, Value) {
    let id = uuid::Uuid::new_v4().to_string();
    let header = serde_json::json!({
        "msg_id": id, "msg_type": msg_type, "session": session, "username": "test",
        "date": "2026-11-22T08:00:00.000000Z", "version": "5.3",
    });
    (id, header)
}
