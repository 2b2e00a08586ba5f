// The IOPub publisher task: signs and sends queued outputs in order, answers each
// subscription with `iopub_welcome` (JEP 65), and records cell results into history.

use std::sync::Arc;

use bytes::Bytes;
use serde_json::{json, Value};
use tokio::sync::{mpsc, oneshot};
use zeromq::{SocketRecv, SocketSend, XPubSocket};

use super::kernel::Kernel;
use super::publisher::Outgoing;
use crate::protocol::sockets::{from_frames, into_frames};

pub async fn serve_iopub(
    kernel: Arc<Kernel>,
    mut socket: XPubSocket,
    mut outgoing: mpsc::UnboundedReceiver<Outgoing>,
    mut flushes: mpsc::UnboundedReceiver<oneshot::Sender<()>>,
) {
    loop {
        tokio::select! {
            biased;
            message = outgoing.recv() => match message {
                Some(message) => publish(&kernel, &mut socket, message).await,
                None => return,
            },
            flush = flushes.recv() => {
                if let Some(done) = flush {
                    while let Ok(message) = outgoing.try_recv() {
                        publish(&kernel, &mut socket, message).await;
                    }
                    let _ = done.send(());
                }
            }
            event = socket.recv() => match event {
                Ok(event) => welcome(&kernel, &mut socket, into_frames(event)).await,
                Err(error) => tracing::debug!(%error, "iopub subscriber went away"),
            },
        }
    }
}

async fn publish(kernel: &Kernel, socket: &mut XPubSocket, message: Outgoing) {
    if message.msg_type == "execute_result" {
        record_result(kernel, &message.content);
    }
    let topic = Bytes::from(format!("kernel.{}.{}", kernel.headers.session(), message.msg_type));
    let header = kernel.headers.header(&message.msg_type);
    let parent = kernel.parents.raw(&message.parent);
    let frames = kernel.codec.encode(&[topic], &header, &parent, &message.content);
    if let Err(error) = socket.send(from_frames(frames)).await {
        tracing::warn!(%error, msg_type = message.msg_type, "could not publish on iopub");
    }
}

/// A subscription frame is `\x01` + topic; answer it with a welcome on that topic.
async fn welcome(kernel: &Kernel, socket: &mut XPubSocket, frames: Vec<Bytes>) {
    let Some(frame) = frames.first() else { return };
    if frame.first() != Some(&1) {
        return;
    }
    let topic = frame.slice(1..);
    let subscription = String::from_utf8_lossy(&topic).into_owned();
    tracing::debug!(subscription, "iopub subscription; sending iopub_welcome");
    let header = kernel.headers.header("iopub_welcome");
    let frames = kernel.codec.encode(&[topic], &header, b"{}", &json!({ "subscription": subscription }));
    if let Err(error) = socket.send(from_frames(frames)).await {
        tracing::warn!(%error, "could not send iopub_welcome");
    }
}

fn record_result(kernel: &Kernel, content: &Value) {
    let (Some(count), Some(text)) =
        (content["execution_count"].as_u64(), content["data"]["text/plain"].as_str())
    else {
        return;
    };
    kernel.history.lock().unwrap_or_else(|e| e.into_inner()).record_output(count as u32, text);
}
