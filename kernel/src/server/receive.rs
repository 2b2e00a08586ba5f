// Reads a ROUTER channel continuously: verifies and parses each message, drops (and logs)
// anything unsigned, malformed or oversized, and queues the rest in arrival order.

use std::sync::Arc;

use tokio::sync::mpsc;
use zeromq::{RouterRecvHalf, SocketRecv};

use super::kernel::{Kernel, Request};
use crate::protocol::sockets::into_frames;

pub async fn receive_requests(
    kernel: Arc<Kernel>,
    channel: &'static str,
    mut socket: RouterRecvHalf,
    queue: mpsc::UnboundedSender<Request>,
    numbered: bool,
) {
    loop {
        let frames = match socket.recv().await {
            Ok(message) => into_frames(message),
            Err(error) => {
                tracing::debug!(channel, %error, "receive failed");
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                continue;
            }
        };
        let msg = match kernel.codec.decode(frames) {
            Ok(msg) => msg,
            Err(error) => {
                tracing::warn!(channel, %error, "dropped a message");
                continue;
            }
        };
        tracing::debug!(channel, msg_type = msg.msg_type, msg_id = msg.msg_id, "received");
        let parent = kernel.parents.register(&msg);
        let seq = if numbered { kernel.queue.arrive() } else { 0 };
        if queue.send(Request { msg, parent, seq }).is_err() {
            return;
        }
    }
}
