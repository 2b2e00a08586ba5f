// Cells that take time, run through evcxr by the real binary: interrupting a long Rust cell
// over control, and `stop_on_error` aborting the cells queued behind a failing one.

mod common;

use std::time::{Duration, Instant};

use common::*;
use jupyter_protocol::{InterruptRequest, JupyterMessageContent, ReplyStatus};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interrupting_a_long_rust_cell_answers_promptly() {
    let kernel = launch().await;
    let mut client = Client::connect(&kernel.info).await;
    // Start evcxr first so the interrupt hits the sleeping cell, not evcxr's start-up.
    let (reply, _) = client.execute("let warm = 1;", EVCXR_TIMEOUT).await;
    assert_eq!(content_json(&reply)["status"], "ok", "{:?}", content_json(&reply));

    let long = client.send_shell(execute_request("std::thread::sleep(std::time::Duration::from_secs(60));")).await;
    // Wait until the cell is running (its execute_input was published).
    loop {
        let message = client.next_iopub(EVCXR_TIMEOUT).await.expect("the long cell starts");
        if parent_id(&message) == Some(long.as_str()) && message.header.msg_type == "execute_input" {
            break;
        }
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let sent = Instant::now();
    client.send_control(InterruptRequest {}).await;
    let interrupt_reply = client.control_reply(REPLY_TIMEOUT).await;
    assert_eq!(interrupt_reply.header.msg_type, "interrupt_reply");
    eprintln!("interrupt_reply_ms={}", sent.elapsed().as_millis());

    let reply = client.shell_reply(Duration::from_secs(50)).await;
    eprintln!("interrupted_cell_reply_ms={}", sent.elapsed().as_millis());
    assert_eq!(parent_id(&reply), Some(long.as_str()));
    let reply = content_json(&reply);
    assert_eq!(reply["status"], "error", "an interrupted cell is not ok: {reply}");
    let outputs = client.iopub_until_idle(&long, REPLY_TIMEOUT).await;
    assert_eq!(outputs.iter().filter(|m| m.header.msg_type == "error").count(), 1);

    // The kernel keeps serving.
    let (reply, _) = client.execute("%fe help", EVCXR_TIMEOUT).await;
    assert_eq!(content_json(&reply)["status"], "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stop_on_error_aborts_the_cells_queued_behind_a_failure() {
    let kernel = launch().await;
    let mut client = Client::connect(&kernel.info).await;
    // The first Rust cell starts evcxr: seconds during which the next two requests queue up.
    let failing = client.send_shell(execute_request("std::thread::sleep(std::time::Duration::from_millis(500)); panic!(\"boom\");")).await;
    let queued = [
        client.send_shell(execute_request("%fe help")).await,
        client.send_shell(execute_request("%fe help")).await,
    ];

    let reply = client.shell_reply(EVCXR_TIMEOUT).await;
    assert_eq!(parent_id(&reply), Some(failing.as_str()));
    let JupyterMessageContent::ExecuteReply(reply) = reply.content else { panic!() };
    assert_eq!(reply.status, ReplyStatus::Error, "a panic is an error");
    assert_eq!(reply.execution_count.0, 1);
    for id in &queued {
        let reply = client.shell_reply(REPLY_TIMEOUT).await;
        assert_eq!(parent_id(&reply), Some(id.as_str()));
        let JupyterMessageContent::ExecuteReply(reply) = reply.content else { panic!() };
        assert_eq!(reply.status, ReplyStatus::Aborted);
        let messages = client.iopub_until_idle(id, REPLY_TIMEOUT).await;
        assert_eq!(message_types(&messages), ["status", "status"], "aborted cells publish no input or output");
    }
    // A request sent after the error ran normally and is cell 2.
    let (reply, _) = client.execute("%fe help", REPLY_TIMEOUT).await;
    let JupyterMessageContent::ExecuteReply(reply) = reply.content else { panic!() };
    assert_eq!(reply.status, ReplyStatus::Ok);
    assert_eq!(reply.execution_count.0, 2);
}
