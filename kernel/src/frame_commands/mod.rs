// The `%fe` commands that work on frames (load, frames, show, schema, apply, undo, history, save,
// status, config): they hold the worker handle and turn its answers into Jupyter outputs.

mod arguments;
mod cell_errors;
mod config;
mod handlers;
mod status_view;
mod worker_session;

use std::sync::Arc;

pub(crate) use arguments::bad;
pub use cell_errors::cell_error;
pub use config::Settings;
pub use worker_session::WorkerSession;

use crate::magics::MagicRegistry;

/// Attaches every frame command to the registry; they share one worker session.
pub fn attach(registry: &mut MagicRegistry, session: Arc<WorkerSession>, settings: Arc<Settings>) {
    handlers::attach(registry, session, settings);
}
