// What a running cell may send to the front end: iopub outputs bound to its request,
// and (when the client allows it) input requests on the stdin channel.

use std::sync::Arc;

use serde_json::{json, Value};
use tokio::sync::{mpsc, oneshot};

use super::interpreter::MimeBundle;

/// One iopub message to publish: the server signs it and sets `parent_header`.
#[derive(Debug)]
pub struct Outgoing {
    pub msg_type: String,
    pub content: Value,
    /// The raw header of the request this message answers, copied verbatim as parent_header.
    pub parent: Arc<Value>,
}

/// A request for a line of input from the user (stdin channel).
#[derive(Debug)]
pub struct InputAsk {
    pub prompt: String,
    pub password: bool,
    pub parent: Arc<Value>,
    /// Identities of the shell request, so the stdin ROUTER reaches the same client.
    pub identities: Vec<bytes::Bytes>,
    pub answer: oneshot::Sender<Result<String, InputUnavailable>>,
}

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum InputUnavailable {
    #[error("this front end does not accept input requests (allow_stdin is false)")]
    NotAllowed,
    #[error("the input request was interrupted")]
    Interrupted,
    #[error("the kernel is shutting down")]
    Closed,
}

/// Handed to `Interpreter::execute`: publishes outputs for the current request in order.
#[derive(Clone)]
pub struct CellIo {
    iopub: mpsc::UnboundedSender<Outgoing>,
    stdin: Option<mpsc::UnboundedSender<InputAsk>>,
    parent: Arc<Value>,
    identities: Vec<bytes::Bytes>,
    execution_count: u32,
}

impl CellIo {
    pub fn new(
        iopub: mpsc::UnboundedSender<Outgoing>,
        stdin: Option<mpsc::UnboundedSender<InputAsk>>,
        parent: Arc<Value>,
        identities: Vec<bytes::Bytes>,
        execution_count: u32,
    ) -> Self {
        CellIo { iopub, stdin, parent, identities, execution_count }
    }

    pub fn execution_count(&self) -> u32 {
        self.execution_count
    }

    fn send(&self, msg_type: &str, content: Value) {
        // A closed channel means the kernel is shutting down; outputs have nowhere to go.
        let _ = self.iopub.send(Outgoing {
            msg_type: msg_type.to_string(),
            content,
            parent: self.parent.clone(),
        });
    }

    pub fn stdout(&self, text: &str) {
        self.send("stream", json!({"name": "stdout", "text": text}));
    }

    pub fn stderr(&self, text: &str) {
        self.send("stream", json!({"name": "stderr", "text": text}));
    }

    /// `display_data`; with a `display_id` it can later be replaced by `update_display`.
    pub fn display(&self, data: MimeBundle, display_id: Option<&str>) {
        let transient = match display_id {
            Some(id) => json!({"display_id": id}),
            None => json!({}),
        };
        self.send(
            "display_data",
            json!({"data": with_plain_text(data), "metadata": {}, "transient": transient}),
        );
    }

    pub fn update_display(&self, data: MimeBundle, display_id: &str) {
        self.send(
            "update_display_data",
            json!({"data": with_plain_text(data), "metadata": {}, "transient": {"display_id": display_id}}),
        );
    }

    /// The cell's value (`execute_result`), numbered with this cell's execution count.
    pub fn execute_result(&self, data: MimeBundle) {
        self.send(
            "execute_result",
            json!({"data": with_plain_text(data), "metadata": {}, "execution_count": self.execution_count}),
        );
    }

    /// Ask the user for a line of input; blocks the calling (execution) thread until answered.
    pub fn input(&self, prompt: &str, password: bool) -> Result<String, InputUnavailable> {
        let stdin = self.stdin.as_ref().ok_or(InputUnavailable::NotAllowed)?;
        let (answer, wait) = oneshot::channel();
        stdin
            .send(InputAsk {
                prompt: prompt.to_string(),
                password,
                parent: self.parent.clone(),
                identities: self.identities.clone(),
                answer,
            })
            .map_err(|_| InputUnavailable::Closed)?;
        wait.blocking_recv().map_err(|_| InputUnavailable::Closed)?
    }
}

/// Front ends need `text/plain` beside richer types; add an empty-safe fallback.
fn with_plain_text(mut data: MimeBundle) -> MimeBundle {
    if !data.contains_key("text/plain") {
        data.insert("text/plain".into(), Value::String(String::new()));
    }
    data
}
