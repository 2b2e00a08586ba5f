// State shared by the channel tasks: signing, headers, the iopub queue, the execution
// thread, counters, history and comms; and the helpers that reply and publish.

use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use serde::Serialize;
use serde_json::Value;
use tokio::sync::{mpsc, oneshot, watch};
use zeromq::{RouterSendHalf, SocketSend};

use super::comms::CommRegistry;
use super::execution_thread::ExecutionThread;
use super::history::History;
use super::interpreter::Interpreter;
use super::parents::ParentHeaders;
use super::publisher::{InputAsk, Outgoing};
use crate::protocol::header::HeaderFactory;
use crate::protocol::sockets::from_frames;
use crate::protocol::wire::{Codec, WireMessage};

/// A verified request, numbered in arrival order on its channel.
pub struct Request {
    pub msg: WireMessage,
    pub parent: Arc<Value>,
    pub seq: u64,
}

pub struct Kernel {
    pub codec: Codec,
    pub headers: HeaderFactory,
    pub parents: ParentHeaders,
    pub iopub: mpsc::UnboundedSender<Outgoing>,
    pub iopub_flush: mpsc::UnboundedSender<oneshot::Sender<()>>,
    pub stdin: mpsc::UnboundedSender<InputAsk>,
    /// Bumped on every interrupt; a pending input request is cancelled by it.
    pub interrupts: watch::Sender<u64>,
    pub interpreter: Arc<dyn Interpreter>,
    pub execution: ExecutionThread,
    /// `kernel_info_reply` content, computed once.
    pub kernel_info: Value,
    pub history: Mutex<History>,
    pub comms: Arc<CommRegistry>,
    pub execution_count: AtomicU32,
    pub queue: ShellQueue,
    /// Set once a shutdown was requested: nothing else is started.
    pub stopping: AtomicBool,
    /// Receives `Some(restart)` when a shutdown was requested.
    pub shutdown: watch::Sender<Option<bool>>,
}

/// Arrival numbering of shell requests, for `stop_on_error`: after a failed cell, the
/// execute requests that had already arrived are answered `aborted`.
#[derive(Default)]
pub struct ShellQueue {
    arrived: AtomicU64,
    abort_through: AtomicU64,
}

impl ShellQueue {
    pub fn arrive(&self) -> u64 {
        self.arrived.fetch_add(1, Ordering::SeqCst) + 1
    }

    pub fn abort_everything_arrived(&self) {
        self.abort_through.store(self.arrived.load(Ordering::SeqCst), Ordering::SeqCst);
    }

    pub fn is_aborted(&self, seq: u64) -> bool {
        seq <= self.abort_through.load(Ordering::SeqCst)
    }
}

impl Kernel {
    pub fn publish(&self, parent: &Arc<Value>, msg_type: &str, content: impl Serialize) {
        let content = serde_json::to_value(content).expect("message contents serialise");
        // A closed queue means the kernel is exiting; nothing is listening any more.
        let _ = self.iopub.send(Outgoing { msg_type: msg_type.to_string(), content, parent: parent.clone() });
    }

    pub fn publish_status(&self, parent: &Arc<Value>, state: &str) {
        self.publish(parent, "status", serde_json::json!({ "execution_state": state }));
    }

    /// Sends a reply to the client that sent `request`, on that request's channel.
    pub async fn reply(
        &self,
        socket: &mut RouterSendHalf,
        request: &Request,
        msg_type: &str,
        content: impl Serialize,
    ) {
        let header = self.headers.header(msg_type);
        let frames = self.codec.encode(&request.msg.identities, &header, &request.msg.header_raw, &content);
        if let Err(error) = socket.send(from_frames(frames)).await {
            tracing::warn!(%error, msg_type, "could not send reply");
        }
    }

    /// Waits until everything queued for iopub so far has been handed to the socket.
    pub async fn flush_iopub(&self) {
        let (done, flushed) = oneshot::channel();
        if self.iopub_flush.send(done).is_ok() {
            let _ = flushed.await;
        }
    }

    pub fn interrupt(&self) {
        self.interpreter.interrupt();
        self.interrupts.send_modify(|generation| *generation += 1);
    }

    pub fn request_shutdown(&self, restart: bool) {
        self.stopping.store(true, Ordering::SeqCst);
        let _ = self.shutdown.send(Some(restart));
    }

    pub fn is_stopping(&self) -> bool {
        self.stopping.load(Ordering::SeqCst)
    }
}
