// The Jupyter protocol as a client sees it, against the real binary: kernel_info, message
// order, counting, signatures, bad input, history, comms, silent cells, shutdown/restart, SIGTERM.

mod common;

use std::time::{Duration, Instant};

use common::*;
use jupyter_protocol::{
    CommInfoRequest, ExecuteRequest, HistoryRequest, JupyterMessageContent, KernelInfoRequest, ReplyStatus,
    ShutdownRequest,
};
use serde_json::json;
use zeromq::{SocketRecv, SocketSend, ZmqMessage};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kernel_info_on_shell_and_control_with_busy_idle() {
    let kernel = launch().await;
    let mut client = Client::connect(&kernel.info).await;
    let id = client.send_shell(KernelInfoRequest {}).await;
    let reply = client.shell_reply(REPLY_TIMEOUT).await;
    eprintln!("launch_to_kernel_info_ms={}", kernel.launched_at.elapsed().as_millis());

    let JupyterMessageContent::KernelInfoReply(info) = &reply.content else { panic!("{reply:?}") };
    assert_eq!(info.status, ReplyStatus::Ok);
    assert!(info.protocol_version.as_str() >= "5.3");
    assert_eq!(info.language_info.name, "rust");
    assert_eq!(info.language_info.file_extension.as_deref(), Some(".rs"));
    assert_eq!(parent_id(&reply), Some(id.as_str()));
    let status = client.iopub_until_idle(&id, REPLY_TIMEOUT).await;
    assert_eq!(message_types(&status), ["status", "status"]);
    assert!(is_busy(&status[0]) && is_idle(&status[1]));

    let id = client.send_control(KernelInfoRequest {}).await;
    let reply = client.control_reply(REPLY_TIMEOUT).await;
    assert_eq!(reply.header.msg_type, "kernel_info_reply");
    assert_eq!(parent_id(&reply), Some(id.as_str()));
    assert_eq!(client.iopub_until_idle(&id, REPLY_TIMEOUT).await.len(), 2);
    assert!(heartbeat_answers(&kernel.info).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parent_header_is_the_request_header_verbatim() {
    let kernel = launch().await;
    let mut client = Client::connect(&kernel.info).await;
    // Python-style spacing, a field the typed client does not know, an unusual date format:
    // all must come back byte for byte.
    let id = uuid::Uuid::new_v4().to_string();
    let header = format!(
        r#"{{"msg_id": "{id}", "msg_type": "kernel_info_request", "session": "{}", "username": "t", "date": "2026-11-22T08:00:00.5+01:00", "version": "5.3", "subshell_id": null}}"#,
        client.session
    );
    let frames = raw_frames_from_bytes(&kernel.info.key, header.as_bytes(), b"{}", None);
    client.shell.socket.send(ZmqMessage::try_from(frames).unwrap()).await.unwrap();

    let parent_frame = |frames: Vec<bytes::Bytes>| {
        let delimiter = frames.iter().position(|f| f.as_ref() == b"<IDS|MSG>").unwrap();
        frames[delimiter + 3].clone()
    };
    let reply = tokio::time::timeout(REPLY_TIMEOUT, client.shell.socket.recv()).await.unwrap().unwrap();
    assert_eq!(parent_frame(reply.into_vec()), header.as_bytes());
    for _ in 0..2 {
        let status = tokio::time::timeout(REPLY_TIMEOUT, client.iopub.socket.recv()).await.unwrap().unwrap();
        assert_eq!(parent_frame(status.into_vec()), header.as_bytes());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_signature_is_dropped_and_the_next_good_message_answered() {
    let kernel = launch().await;
    let mut client = Client::connect(&kernel.info).await;

    let (bad_id, header_json) = header("execute_request", &client.session);
    let content = serde_json::to_value(execute_request("%fe help")).unwrap();
    for signature in ["0".repeat(64), String::new(), "not-hex".to_string()] {
        let frames = raw_frames(&kernel.info.key, &header_json, &content, Some(&signature));
        client.shell.socket.send(ZmqMessage::try_from(frames).unwrap()).await.unwrap();
    }
    // Signed with another key.
    let frames = raw_frames("another-key", &header_json, &content, None);
    client.shell.socket.send(ZmqMessage::try_from(frames).unwrap()).await.unwrap();

    let (reply, outputs) = client.execute("%fe help", REPLY_TIMEOUT).await;
    let JupyterMessageContent::ExecuteReply(reply) = reply.content else { panic!() };
    assert_eq!(reply.status, ReplyStatus::Ok);
    // The dropped request was never run: this is cell 1.
    assert_eq!(reply.execution_count.0, 1);
    assert!(outputs.iter().all(|m| parent_id(m) != Some(bad_id.as_str())));
    assert!(client.next_iopub(Duration::from_millis(300)).await.is_none(), "nothing published for the bad messages");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_and_oversized_messages_do_not_kill_the_kernel() {
    let kernel = launch().await;
    let mut client = Client::connect(&kernel.info).await;
    let key = kernel.info.key.clone();
    let (_, header_json) = header("execute_request", &client.session);

    let garbage = vec![
        // No delimiter.
        vec![bytes::Bytes::from_static(b"hello")],
        // Too few frames.
        vec![bytes::Bytes::from_static(b"<IDS|MSG>"), bytes::Bytes::from_static(b"sig")],
    ];
    for frames in garbage {
        client.shell.socket.send(ZmqMessage::try_from(frames).unwrap()).await.unwrap();
    }
    // Correctly signed, but the header is not JSON.
    let frames = raw_frames_from_bytes(&key, b"{\"msg_id\": ", b"{}", None);
    client.shell.socket.send(ZmqMessage::try_from(frames).unwrap()).await.unwrap();
    // Over the 64 MiB limit, signed correctly.
    let big = json!({"code": "x".repeat(65 * 1024 * 1024), "silent": false, "store_history": true});
    let frames = raw_frames(&key, &header_json, &big, None);
    client.shell.socket.send(ZmqMessage::try_from(frames).unwrap()).await.unwrap();

    let (reply, _) = client.execute("%fe help", Duration::from_secs(120)).await;
    let JupyterMessageContent::ExecuteReply(reply) = reply.content else { panic!() };
    assert_eq!(reply.status, ReplyStatus::Ok);
    assert_eq!(reply.execution_count.0, 1, "none of the bad messages ran");
    assert!(heartbeat_answers(&kernel.info).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_rapid_executes_answer_in_order_with_counts() {
    const CELLS: usize = 1000;
    let kernel = launch().await;
    let mut client = Client::connect(&kernel.info).await;
    let started = Instant::now();
    let mut ids = Vec::with_capacity(CELLS);
    for _ in 0..CELLS {
        ids.push(client.send_shell(execute_request("%fe help")).await);
    }
    for (n, id) in ids.iter().enumerate() {
        let reply = client.shell_reply(REPLY_TIMEOUT).await;
        assert_eq!(parent_id(&reply), Some(id.as_str()), "reply {n} answers request {n}");
        let JupyterMessageContent::ExecuteReply(reply) = reply.content else { panic!() };
        assert_eq!(reply.status, ReplyStatus::Ok);
        assert_eq!(reply.execution_count.0, n + 1);
    }
    // iopub: for each request in order, busy, execute_input, the help display, idle.
    let mut in_flight = None;
    let mut next = 0;
    let mut types: Vec<String> = Vec::new();
    while next < CELLS {
        let message = client.next_iopub(REPLY_TIMEOUT).await.expect("iopub message in time");
        let parent = parent_id(&message).expect("every message has a parent").to_string();
        match in_flight.as_deref() {
            None => {
                assert_eq!(parent, ids[next], "request {next} is the next to go busy");
                assert!(is_busy(&message), "{:?}", message.header.msg_type);
                in_flight = Some(parent);
            }
            Some(current) => {
                assert_eq!(parent, current, "no interleaving between requests");
                if let JupyterMessageContent::ExecuteInput(input) = &message.content {
                    assert_eq!(input.execution_count.0, next + 1);
                }
                types.push(message.header.msg_type.clone());
                if is_idle(&message) {
                    assert_eq!(types, ["execute_input", "display_data", "status"], "request {next}");
                    types.clear();
                    in_flight = None;
                    next += 1;
                }
            }
        }
    }
    eprintln!("thousand_help_cells_ms={}", started.elapsed().as_millis());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_publish_one_error_output_and_an_error_reply() {
    let kernel = launch().await;
    let mut client = Client::connect(&kernel.info).await;
    let (reply, outputs) = client.execute("%fe lod data.csv", REPLY_TIMEOUT).await;
    let reply = content_json(&reply);
    assert_eq!(reply["status"], "error");
    assert_eq!(reply["ename"], "UsageError");
    assert!(reply["traceback"].is_array());
    let errors: Vec<_> = outputs.iter().filter(|m| m.header.msg_type == "error").collect();
    assert_eq!(errors.len(), 1);
    assert_eq!(message_types(&outputs), ["status", "execute_input", "error", "status"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn history_tail_range_and_search_after_a_few_cells() {
    let kernel = launch().await;
    let mut client = Client::connect(&kernel.info).await;
    for code in ["%fe help", "%fe help load", "%fe help"] {
        client.execute(code, REPLY_TIMEOUT).await;
    }
    let id = client.send_shell(HistoryRequest::Tail { n: 2, output: false, raw: true }).await;
    let reply = client.shell_reply(REPLY_TIMEOUT).await;
    assert_eq!(parent_id(&reply), Some(id.as_str()));
    let reply = content_json(&reply);
    assert_eq!(reply["status"], "ok");
    assert_eq!(reply["history"], json!([[1, 2, "%fe help load"], [1, 3, "%fe help"]]));

    client.send_shell(HistoryRequest::Range { session: Some(1), start: 1, stop: 2, output: true, raw: true }).await;
    let reply = content_json(&client.shell_reply(REPLY_TIMEOUT).await);
    assert_eq!(reply["history"], json!([[1, 1, ["%fe help", ""]]]));

    let search = HistoryRequest::Search { pattern: "%fe help*".into(), unique: true, output: false, raw: true, n: 10 };
    client.send_shell(search).await;
    let reply = content_json(&client.shell_reply(REPLY_TIMEOUT).await);
    assert_eq!(reply["history"], json!([[1, 2, "%fe help load"], [1, 3, "%fe help"]]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn comm_info_and_comm_open_to_an_unknown_target() {
    let kernel = launch().await;
    let mut client = Client::connect(&kernel.info).await;
    let id = client.send_shell(CommInfoRequest { target_name: None }).await;
    let reply = client.shell_reply(REPLY_TIMEOUT).await;
    assert_eq!(parent_id(&reply), Some(id.as_str()));
    let JupyterMessageContent::CommInfoReply(info) = &reply.content else { panic!("{reply:?}") };
    assert_eq!(info.status, ReplyStatus::Ok);
    assert!(info.comms.is_empty());
    assert_eq!(client.iopub_until_idle(&id, REPLY_TIMEOUT).await.len(), 2);

    let open = jupyter_protocol::CommOpen {
        comm_id: jupyter_protocol::CommId("c-1".into()),
        target_name: "no.such.target".into(),
        data: Default::default(),
        target_module: None,
    };
    let id = client.send_shell(open).await;
    let messages = client.iopub_until_idle(&id, REPLY_TIMEOUT).await;
    assert_eq!(message_types(&messages), ["status", "comm_close", "status"]);
    assert_eq!(content_json(&messages[1])["comm_id"], "c-1");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn silent_execute_publishes_no_output_and_does_not_count() {
    let kernel = launch().await;
    let mut client = Client::connect(&kernel.info).await;
    let silent = ExecuteRequest { silent: true, store_history: false, ..execute_request("%fe help") };
    let id = client.send_shell(silent).await;
    let reply = client.shell_reply(REPLY_TIMEOUT).await;
    let JupyterMessageContent::ExecuteReply(reply) = reply.content else { panic!() };
    assert_eq!(reply.status, ReplyStatus::Ok);
    // Only the request's status changes (clients wait for that idle); no input, no output.
    let messages = client.iopub_until_idle(&id, REPLY_TIMEOUT).await;
    assert_eq!(message_types(&messages), ["status", "status"]);

    let (reply, _) = client.execute("%fe help", REPLY_TIMEOUT).await;
    let JupyterMessageContent::ExecuteReply(reply) = reply.content else { panic!() };
    assert_eq!(reply.execution_count.0, 1, "the silent cell did not count");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn execute_without_history_shows_its_outputs_and_takes_no_count() {
    let kernel = launch().await;
    let mut client = Client::connect(&kernel.info).await;
    client.execute("%fe help", REPLY_TIMEOUT).await;
    // VS Code's background code: outputs wanted, no prompt number.
    let background = ExecuteRequest { store_history: false, ..execute_request("%fe help") };
    let id = client.send_shell(background).await;
    let reply = client.shell_reply(REPLY_TIMEOUT).await;
    let JupyterMessageContent::ExecuteReply(reply) = reply.content else { panic!() };
    assert_eq!(reply.status, ReplyStatus::Ok);
    assert_eq!(reply.execution_count.0, 1, "a request that stores no history is answered with the current count");
    let messages = client.iopub_until_idle(&id, REPLY_TIMEOUT).await;
    assert!(message_types(&messages).contains(&"display_data"), "{:?}", message_types(&messages));

    let (reply, _) = client.execute("%fe help", REPLY_TIMEOUT).await;
    let JupyterMessageContent::ExecuteReply(reply) = reply.content else { panic!() };
    assert_eq!(reply.execution_count.0, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_the_worker_and_deletes_the_session_folder() {
    let mut kernel = launch().await;
    let mut client = Client::connect(&kernel.info).await;
    let data = kernel.scratch.0.join("t.csv");
    std::fs::write(&data, "a,b\n1,2\n").unwrap();
    let (reply, _) = client.execute(&format!("%fe load {} as t", data.display()), REPLY_TIMEOUT).await;
    let JupyterMessageContent::ExecuteReply(reply) = reply.content else { panic!() };
    assert_eq!(reply.status, ReplyStatus::Ok);
    let (_, outputs) = client.execute("%fe status", REPLY_TIMEOUT).await;
    let text: String = outputs.iter().filter_map(|m| content_json(m)["data"]["text/plain"].as_str().map(str::to_owned)).collect();
    let folder = text.lines().find_map(|line| line.strip_prefix("session folder: ")).expect("%fe status names the session folder");
    let folder = std::path::PathBuf::from(folder.trim());
    assert!(folder.is_dir(), "{}", folder.display());

    // How VS Code ends a kernel (no shutdown_request); jupyter_client's fallback too.
    let pid = i32::try_from(kernel.child.id()).unwrap();
    // SAFETY: kill has no memory-safety preconditions; the pid is our child, not yet reaped.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let status = wait_for_exit(&mut kernel.child, Duration::from_secs(20)).expect("the kernel exits on SIGTERM");
    assert!(status.success(), "{status:?}");
    assert!(!folder.exists(), "the session folder {} was left behind", folder.display());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_exits_cleanly_and_a_restart_relaunches() {
    let mut kernel = launch().await;
    let mut client = Client::connect(&kernel.info).await;
    client.execute("%fe help", REPLY_TIMEOUT).await;

    // Restart: the kernel replies and exits; the client (like jupyter_client) relaunches it.
    let id = client.send_control(ShutdownRequest { restart: true }).await;
    let reply = client.control_reply(REPLY_TIMEOUT).await;
    assert_eq!(parent_id(&reply), Some(id.as_str()));
    let JupyterMessageContent::ShutdownReply(reply) = &reply.content else { panic!("{reply:?}") };
    assert!(reply.restart);
    assert_eq!(reply.status, ReplyStatus::Ok);
    let idle = client.iopub_until_idle(&id, REPLY_TIMEOUT).await;
    assert!(is_idle(idle.last().unwrap()));
    let status = wait_for_exit(&mut kernel.child, Duration::from_secs(20)).expect("the kernel exits after shutdown");
    assert!(status.success(), "{status:?}");

    // Relaunch on the same connection file: a new process with a fresh count.
    drop(client);
    let relaunched_scratch = ScratchDir::new("relaunch");
    let mut again = launch_with(kernel.info.clone(), kernel.connection_file.clone(), relaunched_scratch);
    let mut client = Client::connect(&again.info).await;
    let (reply, _) = client.execute("%fe help", REPLY_TIMEOUT).await;
    let JupyterMessageContent::ExecuteReply(reply) = reply.content else { panic!() };
    assert_eq!(reply.execution_count.0, 1);

    // Plain shutdown, on shell this time.
    client.send_shell(ShutdownRequest { restart: false }).await;
    let reply = client.shell_reply(REPLY_TIMEOUT).await;
    assert_eq!(reply.header.msg_type, "shutdown_reply");
    let status = wait_for_exit(&mut again.child, Duration::from_secs(20)).expect("the kernel exits after shutdown");
    assert!(status.success(), "{status:?}");
}
