// `execute_request`: counting, `execute_input`, running the cell on the execution thread,
// publishing its error once, the reply, and `stop_on_error` aborts of queued cells.

use std::sync::atomic::Ordering;

use serde::Deserialize;
use serde_json::{json, Value};
use tokio::sync::mpsc;
use zeromq::RouterSendHalf;

use super::interpreter::{CellError, ExecuteRequest};
use super::kernel::{Kernel, Request};
use super::publisher::CellIo;

/// `execute_request` content, tolerant of clients that omit optional fields.
#[derive(Debug, Deserialize)]
struct ExecuteContent {
    code: String,
    #[serde(default)]
    silent: bool,
    #[serde(default = "yes")]
    store_history: bool,
    #[serde(default)]
    allow_stdin: bool,
    #[serde(default = "yes")]
    stop_on_error: bool,
}

fn yes() -> bool {
    true
}

pub async fn execute(kernel: &Kernel, socket: &mut RouterSendHalf, request: &Request) {
    let content: ExecuteContent = match serde_json::from_value(request.msg.content.clone()) {
        Ok(content) => content,
        Err(error) => {
            tracing::warn!(%error, "malformed execute_request");
            let failure = CellError::new("InvalidRequest", format!("malformed execute_request: {error}"));
            let count = kernel.execution_count.load(Ordering::SeqCst);
            kernel.reply(socket, request, "execute_reply", error_reply(&failure, count)).await;
            return;
        }
    };

    if kernel.queue.is_aborted(request.seq) {
        let count = kernel.execution_count.load(Ordering::SeqCst);
        let reply = json!({"status": "aborted", "execution_count": count, "payload": [], "user_expressions": {}});
        kernel.reply(socket, request, "execute_reply", reply).await;
        return;
    }

    let silent = content.silent;
    let store_history = content.store_history && !silent;
    // The counter "increases by one with each request that stores history"; a request that does
    // not is answered with the current value (messaging spec, execute_reply). VS Code relies on
    // it: its background code is `silent: false, store_history: false` and must not take a number.
    let count = if store_history {
        kernel.execution_count.fetch_add(1, Ordering::SeqCst) + 1
    } else {
        kernel.execution_count.load(Ordering::SeqCst)
    };
    if !silent {
        kernel.publish(&request.parent, "execute_input", json!({"code": content.code, "execution_count": count}));
    }
    if store_history {
        kernel.history.lock().unwrap_or_else(|e| e.into_inner()).record_input(count, &content.code);
    }

    let iopub = if silent {
        // Silent cells publish nothing: their outputs go to a closed queue.
        mpsc::unbounded_channel().0
    } else {
        kernel.iopub.clone()
    };
    let stdin = content.allow_stdin.then(|| kernel.stdin.clone());
    let io = CellIo::new(iopub, stdin, request.parent.clone(), request.msg.identities.clone(), count);
    let cell = ExecuteRequest { code: content.code };
    let outcome = kernel
        .execution
        .run(move |interpreter| interpreter.execute(&cell, &io))
        .await
        .unwrap_or_else(|failure| Err(CellError::new("InternalError", failure.to_string())));

    match outcome {
        Ok(ok) => {
            let reply = json!({"status": "ok", "execution_count": count, "payload": ok.payload, "user_expressions": {}});
            kernel.reply(socket, request, "execute_reply", reply).await;
        }
        Err(failure) => {
            if !silent {
                kernel.publish(
                    &request.parent,
                    "error",
                    json!({"ename": failure.ename, "evalue": failure.evalue, "traceback": failure.traceback}),
                );
                if content.stop_on_error {
                    kernel.queue.abort_everything_arrived();
                }
            }
            kernel.reply(socket, request, "execute_reply", error_reply(&failure, count)).await;
        }
    }
}

fn error_reply(failure: &CellError, count: u32) -> Value {
    json!({
        "status": "error",
        "execution_count": count,
        "ename": failure.ename,
        "evalue": failure.evalue,
        "traceback": failure.traceback,
        "payload": [],
        "user_expressions": {},
    })
}
