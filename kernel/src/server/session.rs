// Requests about the kernel itself, served on both shell and control:
// `kernel_info_request` and `shutdown_request`.

use jupyter_protocol::{CodeMirrorMode, KernelInfoReply, LanguageInfo as WireLanguageInfo, ReplyStatus};
use serde_json::{json, Value};
use zeromq::RouterSendHalf;

use super::interpreter::Interpreter;
use super::kernel::{Kernel, Request};
use crate::protocol::header::PROTOCOL_VERSION;

/// The `kernel_info_reply` content, built once from the interpreter's static facts.
pub fn kernel_info(interpreter: &dyn Interpreter) -> Value {
    let language = interpreter.language_info();
    let reply = KernelInfoReply {
        status: ReplyStatus::Ok,
        protocol_version: PROTOCOL_VERSION.to_string(),
        implementation: "fekernel".to_string(),
        implementation_version: env!("CARGO_PKG_VERSION").to_string(),
        language_info: WireLanguageInfo {
            name: language.name,
            version: language.version,
            mimetype: Some(language.mimetype),
            file_extension: Some(language.file_extension),
            pygments_lexer: Some(language.pygments_lexer),
            codemirror_mode: Some(CodeMirrorMode::Simple(language.codemirror_mode)),
            nbconvert_exporter: None,
        },
        banner: interpreter.banner(),
        help_links: Vec::new(),
        debugger: false,
        error: None,
    };
    serde_json::to_value(reply).expect("kernel_info_reply serialises")
}

pub async fn reply_kernel_info(kernel: &Kernel, socket: &mut RouterSendHalf, request: &Request) {
    kernel.reply(socket, request, "kernel_info_reply", &kernel.kernel_info).await;
}

/// Stops taking requests and replies; returns `restart` for the caller to pass to
/// `Kernel::request_shutdown` once it has published idle. jupyter_client relaunches the
/// process itself for a restart, so both kinds of shutdown end this process cleanly.
pub async fn shutdown(kernel: &Kernel, socket: &mut RouterSendHalf, request: &Request) -> bool {
    let restart = request.msg.content["restart"].as_bool().unwrap_or(false);
    tracing::info!(restart, "shutdown requested");
    kernel.stopping.store(true, std::sync::atomic::Ordering::SeqCst);
    kernel.reply(socket, request, "shutdown_reply", json!({"status": "ok", "restart": restart})).await;
    restart
}
