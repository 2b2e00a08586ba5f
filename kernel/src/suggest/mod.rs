// `%%fe suggest` and `%fe prompt`, and how an apply cell that came from a suggestion is
// recognised: the kernel side of LLM suggestions (the LLM layer itself is in `llm/`).

mod arguments;
mod code_extraction;
mod errors;
mod frame_profile;
mod handlers;
mod language_rules;
mod live_view;
mod llm_session;
mod llm_settings;
pub mod provenance;
mod repair_loop;
mod review;

use std::sync::Arc;

pub use llm_session::LlmSession;
pub use llm_settings::{env_variable, LLM_KEYS};

use crate::frame_commands::WorkerSession;
use crate::magics::MagicRegistry;

pub fn attach(registry: &mut MagicRegistry, worker: Arc<WorkerSession>, llm: Arc<LlmSession>) {
    let suggest = handlers::SuggestHandler { worker: worker.clone(), llm: llm.clone() };
    registry.set_handler("suggest", Arc::new(suggest)).expect("documented");
    registry.set_handler("prompt", Arc::new(handlers::PromptHandler { worker, llm })).expect("documented");
}
