// `%%fe search`: the automated feature search loop — suggest, check, cross-validate in the
// worker, keep by a stated test — with a live table, a summary, a history record and the kept
// features inserted as one `%%fe apply` cell for review.

mod arguments;
mod decision;
mod handler;
mod live_table;
mod round_prompt;
mod rounds;
pub(crate) mod summary;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::frame_commands::WorkerSession;
use crate::magics::MagicRegistry;
use crate::suggest::LlmSession;

pub fn attach(registry: &mut MagicRegistry, worker: Arc<WorkerSession>, llm: Arc<LlmSession>, interrupt: Arc<SearchInterrupt>) {
    let search = handler::SearchHandler { worker, llm, interrupt };
    registry.set_handler("search", Arc::new(search)).expect("documented");
}

/// Jupyter's interrupt for a running search: raised between steps, it stops the search before
/// the next one (the LLM call or worker request that runs also gets the interrupt and stops).
#[derive(Default)]
pub struct SearchInterrupt {
    active: AtomicBool,
    raised: AtomicBool,
}

impl SearchInterrupt {
    /// Marks a search as running (clearing an interrupt raised before it).
    pub fn begin(&self) -> SearchGuard<'_> {
        self.raised.store(false, Ordering::SeqCst);
        self.active.store(true, Ordering::SeqCst);
        SearchGuard { interrupt: self }
    }

    /// Asks the running search to stop; false when none runs.
    pub fn raise(&self) -> bool {
        if !self.active.load(Ordering::SeqCst) {
            return false;
        }
        self.raised.store(true, Ordering::SeqCst);
        true
    }

    pub fn is_raised(&self) -> bool {
        self.raised.load(Ordering::SeqCst)
    }
}

pub struct SearchGuard<'a> {
    interrupt: &'a SearchInterrupt,
}

impl Drop for SearchGuard<'_> {
    fn drop(&mut self) {
        self.interrupt.active.store(false, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interrupt_reaches_only_a_running_search() {
        let interrupt = SearchInterrupt::default();
        assert!(!interrupt.raise());
        let guard = interrupt.begin();
        assert!(!interrupt.is_raised(), "an interrupt before the search does not stop it");
        assert!(interrupt.raise() && interrupt.is_raised());
        drop(guard);
        assert!(!interrupt.raise());
        let _next = interrupt.begin();
        assert!(!interrupt.is_raised());
    }
}
