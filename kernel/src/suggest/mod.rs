// `%%fe suggest` and `%fe prompt`, and how an apply cell that came from a suggestion is
// recognised: the kernel side of LLM suggestions (the LLM layer itself is in `llm/`).

mod arguments;
mod code_extraction;
pub(crate) mod errors;
pub(crate) mod frame_profile;
mod handlers;
pub(crate) mod language_rules;
mod live_view;
mod llm_session;
pub(crate) mod llm_settings;
pub mod provenance;
pub(crate) mod repair_loop;
mod review;

use std::sync::Arc;

pub use llm_session::LlmSession;
pub(crate) use llm_session::{Asked, ResolvedProvider};
pub use llm_settings::{env_variable, LLM_KEYS};

use crate::frame_commands::WorkerSession;
use crate::magics::MagicRegistry;

pub fn attach(registry: &mut MagicRegistry, worker: Arc<WorkerSession>, llm: Arc<LlmSession>) {
    let suggest = handlers::SuggestHandler { worker: worker.clone(), llm: llm.clone() };
    registry.set_handler("suggest", Arc::new(suggest)).expect("documented");
    registry.set_handler("prompt", Arc::new(handlers::PromptHandler { worker, llm })).expect("documented");
}
