// The control channel: served on its own task so it answers while a cell runs —
// interrupt, shutdown and kernel_info, each wrapped in busy → reply → idle.

use std::sync::Arc;

use jupyter_protocol::InterruptReply;
use tokio::sync::mpsc;
use zeromq::RouterSendHalf;

use super::kernel::{Kernel, Request};
use super::session;

pub async fn serve_control(kernel: Arc<Kernel>, mut socket: RouterSendHalf, mut requests: mpsc::UnboundedReceiver<Request>) {
    while let Some(request) = requests.recv().await {
        kernel.publish_status(&request.parent, "busy");
        let mut shutdown = None;
        match request.msg.msg_type.as_str() {
            "kernel_info_request" => session::reply_kernel_info(&kernel, &mut socket, &request).await,
            "interrupt_request" => {
                tracing::info!("interrupt requested");
                kernel.interrupt();
                kernel.reply(&mut socket, &request, "interrupt_reply", InterruptReply::new()).await;
            }
            "shutdown_request" => shutdown = Some(session::shutdown(&kernel, &mut socket, &request).await),
            other => tracing::warn!(msg_type = other, "unknown message type on control; ignored"),
        }
        kernel.publish_status(&request.parent, "idle");
        if let Some(restart) = shutdown {
            kernel.request_shutdown(restart);
        }
    }
}
