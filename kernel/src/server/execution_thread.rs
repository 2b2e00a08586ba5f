// The long-lived thread every Interpreter call runs on (cells, completion, inspection),
// so the async server keeps serving control and heartbeat while a cell runs.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{mpsc, Arc};

use tokio::sync::oneshot;

use super::interpreter::Interpreter;

type Job = Box<dyn FnOnce(&dyn Interpreter) + Send>;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExecutionThreadError {
    #[error("the cell handler panicked: {0}")]
    Panicked(String),
    #[error("the execution thread has stopped")]
    Stopped,
}

/// Runs jobs one at a time, in submission order, on one `std::thread` that lives as long
/// as the kernel (child processes spawned from it get a parent-death signal that fires
/// only when this thread ends).
pub struct ExecutionThread {
    jobs: mpsc::Sender<Job>,
}

impl ExecutionThread {
    pub fn spawn(interpreter: Arc<dyn Interpreter>) -> std::io::Result<Self> {
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new().name("fekernel-exec".into()).spawn(move || {
            for job in queue {
                job(interpreter.as_ref());
            }
        })?;
        Ok(ExecutionThread { jobs })
    }

    /// Runs `work` on the execution thread and waits (asynchronously) for its result.
    /// A panic in `work` is caught and reported; the thread keeps serving.
    pub async fn run<R, F>(&self, work: F) -> Result<R, ExecutionThreadError>
    where
        R: Send + 'static,
        F: FnOnce(&dyn Interpreter) -> R + Send + 'static,
    {
        let (done, result) = oneshot::channel();
        let job: Job = Box::new(move |interpreter| {
            let outcome = catch_unwind(AssertUnwindSafe(|| work(interpreter)))
                .map_err(|panic| ExecutionThreadError::Panicked(panic_message(panic.as_ref())));
            let _ = done.send(outcome);
        });
        self.jobs.send(job).map_err(|_| ExecutionThreadError::Stopped)?;
        result.await.map_err(|_| ExecutionThreadError::Stopped)?
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = panic.downcast_ref::<&str>() {
        text.to_string()
    } else if let Some(text) = panic.downcast_ref::<String>() {
        text.clone()
    } else {
        "unknown panic".to_string()
    }
}
