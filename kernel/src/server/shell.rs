// The shell channel: requests answered one at a time in arrival order, each wrapped in
// busy → … → reply → idle, with the interpreter's work done on the execution thread.

use std::sync::Arc;

use jupyter_protocol::{CommId, CommInfo, CommInfoReply, CompleteReply, HistoryReply, IsCompleteReply, ReplyStatus};
use serde_json::{json, Value};
use tokio::sync::mpsc;
use zeromq::RouterSendHalf;

use super::execute::execute;
use super::history::HistoryQuery;
use super::interpreter::Completeness;
use super::kernel::{Kernel, Request};
use super::session;

pub async fn serve_shell(kernel: Arc<Kernel>, mut socket: RouterSendHalf, mut requests: mpsc::UnboundedReceiver<Request>) {
    while let Some(request) = requests.recv().await {
        if kernel.is_stopping() {
            tracing::debug!(msg_type = request.msg.msg_type, "ignored: the kernel is shutting down");
            continue;
        }
        kernel.publish_status(&request.parent, "busy");
        let shutdown = handle(&kernel, &mut socket, &request).await;
        kernel.publish_status(&request.parent, "idle");
        if let Some(restart) = shutdown {
            kernel.request_shutdown(restart);
        }
    }
}

/// Handles one request; returns `Some(restart)` for a shutdown request.
async fn handle(kernel: &Kernel, socket: &mut RouterSendHalf, request: &Request) -> Option<bool> {
    let content = &request.msg.content;
    match request.msg.msg_type.as_str() {
        "execute_request" => execute(kernel, socket, request).await,
        "kernel_info_request" => session::reply_kernel_info(kernel, socket, request).await,
        "complete_request" => complete(kernel, socket, request).await,
        "inspect_request" => inspect(kernel, socket, request).await,
        "is_complete_request" => is_complete(kernel, socket, request).await,
        "history_request" => history(kernel, socket, request).await,
        "comm_info_request" => comm_info(kernel, socket, request).await,
        "comm_open" => kernel.comms.open_from_front_end(content, &kernel.iopub, &request.parent),
        "comm_msg" => kernel.comms.message_from_front_end(content, &kernel.iopub, &request.parent),
        "comm_close" => kernel.comms.close_from_front_end(content, &kernel.iopub, &request.parent),
        "shutdown_request" => return Some(session::shutdown(kernel, socket, request).await),
        other => tracing::warn!(msg_type = other, "unknown message type on shell; ignored"),
    }
    None
}

fn code_and_cursor(content: &Value) -> (String, usize) {
    let code = content["code"].as_str().unwrap_or_default().to_string();
    let cursor = content["cursor_pos"].as_u64().map_or(code.chars().count(), |c| c as usize);
    (code, cursor)
}

async fn complete(kernel: &Kernel, socket: &mut RouterSendHalf, request: &Request) {
    let (code, cursor) = code_and_cursor(&request.msg.content);
    let reply = match kernel.execution.run(move |i| i.complete(&code, cursor)).await {
        Ok(found) => CompleteReply {
            matches: found.matches,
            cursor_start: found.cursor_start,
            cursor_end: found.cursor_end,
            ..CompleteReply::default()
        },
        Err(failure) => {
            tracing::warn!(%failure, "completion failed");
            CompleteReply { cursor_start: cursor, cursor_end: cursor, ..CompleteReply::default() }
        }
    };
    kernel.reply(socket, request, "complete_reply", reply).await;
}

async fn inspect(kernel: &Kernel, socket: &mut RouterSendHalf, request: &Request) {
    let (code, cursor) = code_and_cursor(&request.msg.content);
    let detail = request.msg.content["detail_level"].as_u64().unwrap_or(0).min(u8::MAX as u64) as u8;
    let found = kernel.execution.run(move |i| i.inspect(&code, cursor, detail)).await.unwrap_or_else(|failure| {
        tracing::warn!(%failure, "inspection failed");
        None
    });
    let reply = match found {
        Some(data) => json!({"status": "ok", "found": true, "data": data, "metadata": {}}),
        None => json!({"status": "ok", "found": false, "data": {}, "metadata": {}}),
    };
    kernel.reply(socket, request, "inspect_reply", reply).await;
}

async fn is_complete(kernel: &Kernel, socket: &mut RouterSendHalf, request: &Request) {
    let code = request.msg.content["code"].as_str().unwrap_or_default().to_string();
    let verdict = kernel.execution.run(move |i| i.is_complete(&code)).await.unwrap_or(Completeness::Unknown);
    let reply = match verdict {
        Completeness::Complete => IsCompleteReply::complete(),
        Completeness::Incomplete(indent) => IsCompleteReply::incomplete(indent),
        Completeness::Invalid => IsCompleteReply::invalid(),
        Completeness::Unknown => IsCompleteReply::unknown(),
    };
    kernel.reply(socket, request, "is_complete_reply", reply).await;
}

async fn history(kernel: &Kernel, socket: &mut RouterSendHalf, request: &Request) {
    let reply = match serde_json::from_value::<HistoryQuery>(request.msg.content.clone()) {
        Ok(query) => {
            let entries = kernel.history.lock().unwrap_or_else(|e| e.into_inner()).query(&query);
            serde_json::to_value(HistoryReply::new(entries)).expect("history_reply serialises")
        }
        Err(error) => {
            tracing::warn!(%error, "malformed history_request");
            json!({"status": "error", "history": [], "ename": "InvalidRequest",
                   "evalue": format!("malformed history_request: {error}"), "traceback": []})
        }
    };
    kernel.reply(socket, request, "history_reply", reply).await;
}

async fn comm_info(kernel: &Kernel, socket: &mut RouterSendHalf, request: &Request) {
    let target = request.msg.content["target_name"].as_str();
    let comms = kernel
        .comms
        .open_comms(target)
        .into_iter()
        .map(|(id, target_name)| (CommId(id), CommInfo { target_name }))
        .collect();
    let reply = CommInfoReply { status: ReplyStatus::Ok, comms, error: None };
    kernel.reply(socket, request, "comm_info_reply", reply).await;
}
