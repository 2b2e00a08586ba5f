// The kernel's one worker: started on the first frame command (not at kernel start), interrupted
// by Jupyter's interrupt, stopped and its session folder deleted when Jupyter ends the kernel.

use std::sync::{Arc, Mutex, MutexGuard};

use fe_worker::{SessionFolder, WorkerConfig, WorkerControl, WorkerError, WorkerLimits};

pub struct WorkerSession {
    /// `None` until the first command that needs the worker. The lock is held only to start,
    /// take or clone the handle, never while a request runs, so interrupts always get through.
    control: Mutex<Option<Arc<WorkerControl>>>,
    /// Limits set with `%fe config` before the worker started.
    pending_limits: Mutex<WorkerLimits>,
    session_id: String,
}

impl WorkerSession {
    /// Nothing starts yet: the worker and its session folder appear with the first frame command.
    pub fn new() -> WorkerSession {
        WorkerSession {
            control: Mutex::new(None),
            pending_limits: Mutex::new(WorkerLimits::default()),
            session_id: format!("{}-{}", std::process::id(), uuid::Uuid::new_v4().simple()),
        }
    }

    /// The worker, started first if needed.
    pub fn control(&self) -> Result<Arc<WorkerControl>, WorkerError> {
        let mut slot = lock(&self.control);
        if let Some(control) = slot.as_ref() {
            return Ok(control.clone());
        }
        let control = Arc::new(self.start()?);
        *slot = Some(control.clone());
        Ok(control)
    }

    /// The worker if it has started.
    pub fn started(&self) -> Option<Arc<WorkerControl>> {
        lock(&self.control).clone()
    }

    fn start(&self) -> Result<WorkerControl, WorkerError> {
        let crashed = |message: String| WorkerError::WorkerCrashed { message };
        let program = std::env::current_exe().map_err(|e| crashed(format!("cannot find the kernel executable: {e}")))?;
        let session = SessionFolder::create_for_session(&self.session_id)
            .map_err(|e| crashed(format!("cannot create the session folder: {e}")))?;
        let config = WorkerConfig {
            program,
            worker_args: vec!["worker".into()],
            session,
            limits: lock(&self.pending_limits).clone(),
            forward_stderr: true,
        };
        WorkerControl::start(config)
    }

    /// The limits in force (or that the worker will start with).
    pub fn limits(&self) -> WorkerLimits {
        match self.started() {
            Some(control) => control.limits(),
            None => lock(&self.pending_limits).clone(),
        }
    }

    pub fn set_limits(&self, limits: WorkerLimits) -> Result<(), WorkerError> {
        *lock(&self.pending_limits) = limits.clone();
        match self.started() {
            Some(control) => control.set_limits(limits),
            None => Ok(()),
        }
    }

    /// Jupyter's interrupt: SIGINT to the running request (SIGKILL after the grace period).
    pub fn interrupt(&self) -> bool {
        self.started().is_some_and(|control| control.interrupt())
    }

    /// Jupyter ended the kernel (shutdown or restart): stop the worker and delete the session.
    pub fn shutdown(&self) {
        if let Some(control) = lock(&self.control).take() {
            if let Err(e) = control.shutdown_and_clear() {
                tracing::warn!("could not delete the session folder: {e}");
            }
        }
    }
}

impl Default for WorkerSession {
    fn default() -> Self {
        WorkerSession::new()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
