// The Jupyter server: channels, execution queue, busy/idle, counting, history, comms.
// It knows nothing of Rust cells, magics or Polars; it drives an `Interpreter`.

pub mod comms;
mod control;
mod execute;
pub mod execution_thread;
pub mod history;
pub mod interpreter;
mod iopub;
mod kernel;
mod parents;
pub mod publisher;
mod receive;
mod session;
mod shell;
mod stdin;

use std::sync::atomic::{AtomicBool, AtomicU32};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{mpsc, watch};

use self::comms::CommRegistry;
use self::execution_thread::ExecutionThread;
use self::history::History;
use self::interpreter::Interpreter;
use self::kernel::{Kernel, ShellQueue};
use self::parents::ParentHeaders;
use crate::protocol::connection::ConnectionFile;
use crate::protocol::header::HeaderFactory;
use crate::protocol::signing::Signer;
use crate::protocol::sockets::{serve_heartbeat, BindError, KernelSockets};
use crate::protocol::wire::Codec;

/// How long the interpreter gets to release its children at shutdown.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(4);
/// How long queued bytes get to leave the sockets before the process exits.
const LINGER: Duration = Duration::from_millis(150);

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(transparent)]
    Bind(#[from] BindError),
    #[error("cannot start the execution thread: {0}")]
    ExecutionThread(std::io::Error),
}

/// How the kernel ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shutdown {
    pub restart: bool,
}

/// Binds the connection file's sockets and serves until a shutdown request.
pub async fn serve(
    connection: &ConnectionFile,
    interpreter: Arc<dyn Interpreter>,
    comms: Arc<CommRegistry>,
) -> Result<Shutdown, ServerError> {
    let sockets = KernelSockets::bind(connection).await?;
    let signer = Signer::new(connection.key());
    if !signer.is_enabled() {
        tracing::warn!("the connection file has an empty key: messages are not signed");
    }

    let (iopub, iopub_queue) = mpsc::unbounded_channel();
    let (iopub_flush, iopub_flushes) = mpsc::unbounded_channel();
    let (stdin, stdin_asks) = mpsc::unbounded_channel();
    let (shutdown, mut shutdown_requested) = watch::channel(None);
    let kernel = Arc::new(Kernel {
        codec: Codec::new(signer),
        headers: HeaderFactory::new(),
        parents: ParentHeaders::default(),
        iopub,
        iopub_flush,
        stdin,
        interrupts: watch::channel(0).0,
        kernel_info: session::kernel_info(interpreter.as_ref()),
        execution: ExecutionThread::spawn(interpreter.clone()).map_err(ServerError::ExecutionThread)?,
        interpreter,
        history: Mutex::new(History::default()),
        comms,
        execution_count: AtomicU32::new(0),
        queue: ShellQueue::default(),
        stopping: AtomicBool::new(false),
        shutdown,
    });

    let (shell_send, shell_recv) = sockets.shell.split();
    let (control_send, control_recv) = sockets.control.split();
    let (shell_requests, shell_queue) = mpsc::unbounded_channel();
    let (control_requests, control_queue) = mpsc::unbounded_channel();
    let tasks = [
        tokio::spawn(serve_heartbeat(sockets.heartbeat)),
        tokio::spawn(iopub::serve_iopub(kernel.clone(), sockets.iopub, iopub_queue, iopub_flushes)),
        tokio::spawn(stdin::serve_stdin(kernel.clone(), sockets.stdin, stdin_asks)),
        tokio::spawn(receive::receive_requests(kernel.clone(), "shell", shell_recv, shell_requests, true)),
        tokio::spawn(receive::receive_requests(kernel.clone(), "control", control_recv, control_requests, false)),
        tokio::spawn(shell::serve_shell(kernel.clone(), shell_send, shell_queue)),
        tokio::spawn(control::serve_control(kernel.clone(), control_send, control_queue)),
    ];
    spawn_interrupt_on_sigint(kernel.clone());
    spawn_shutdown_on_sigterm(kernel.clone());
    tracing::info!(session = kernel.headers.session(), "kernel ready");

    let restart = loop {
        if let Some(restart) = *shutdown_requested.borrow_and_update() {
            break restart;
        }
        if shutdown_requested.changed().await.is_err() {
            break false;
        }
    };

    // A running cell was interrupted by the client already (jupyter_client interrupts
    // before shutting down); one that ignores it must not keep the kernel alive.
    let released = tokio::time::timeout(SHUTDOWN_GRACE, kernel.execution.run(move |i| i.shutdown(restart))).await;
    if released.is_err() {
        tracing::warn!("the interpreter did not shut down in time; exiting anyway");
    }
    kernel.flush_iopub().await;
    tokio::time::sleep(LINGER).await;
    for task in tasks {
        task.abort();
    }
    Ok(Shutdown { restart })
}

/// With `interrupt_mode: message` clients interrupt over control, but a SIGINT (e.g. from
/// a terminal) interrupts the running cell too instead of killing the kernel.
fn spawn_interrupt_on_sigint(kernel: Arc<Kernel>) {
    tokio::spawn(async move {
        while tokio::signal::ctrl_c().await.is_ok() {
            tracing::info!("SIGINT: interrupting the running cell");
            kernel.interrupt();
        }
    });
}

/// VS Code's raw-kernel mode never sends `shutdown_request`: it ends a kernel, for a restart too,
/// with SIGTERM to each of its descendants and then to the kernel (jupyter_client also falls back
/// to SIGTERM when a kernel does not exit). Take it as a shutdown, so the running cell is
/// interrupted, the worker stopped and the session folder deleted before the process exits.
fn spawn_shutdown_on_sigterm(kernel: Arc<Kernel>) {
    use tokio::signal::unix::{signal, SignalKind};
    let mut terminate = match signal(SignalKind::terminate()) {
        Ok(terminate) => terminate,
        Err(error) => {
            tracing::warn!(%error, "cannot handle SIGTERM; it will end the kernel without clean-up");
            return;
        }
    };
    tokio::spawn(async move {
        if terminate.recv().await.is_some() {
            tracing::info!("SIGTERM: shutting down");
            kernel.interrupt();
            kernel.request_shutdown(false);
        }
    });
}
