// Jupyter's interrupt for LLM calls: the control channel raises it from another thread while
// the execution thread awaits a provider; every wait in a call races against it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use tokio::sync::Notify;

#[derive(Clone, Default)]
pub struct Interrupt {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    in_call: AtomicBool,
    raised: AtomicBool,
    wake: Notify,
}

impl Interrupt {
    /// Marks the start of a call (clearing an interrupt raised while nothing ran).
    pub fn begin(&self) -> CallGuard {
        self.inner.raised.store(false, Ordering::SeqCst);
        self.inner.in_call.store(true, Ordering::SeqCst);
        CallGuard { interrupt: self.clone() }
    }

    /// Stops the running call; false when no call runs.
    pub fn raise(&self) -> bool {
        if !self.inner.in_call.load(Ordering::SeqCst) {
            return false;
        }
        self.inner.raised.store(true, Ordering::SeqCst);
        self.inner.wake.notify_waiters();
        true
    }

    pub fn is_raised(&self) -> bool {
        self.inner.raised.load(Ordering::SeqCst)
    }

    /// Resolves once the interrupt is raised.
    pub async fn raised(&self) {
        loop {
            let notified = self.inner.wake.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.is_raised() {
                return;
            }
            notified.await;
        }
    }
}

/// Ends the call when dropped.
pub struct CallGuard {
    interrupt: Interrupt,
}

impl Drop for CallGuard {
    fn drop(&mut self) {
        self.interrupt.inner.in_call.store(false, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn an_interrupt_stops_the_running_wait_and_only_that() {
        let interrupt = Interrupt::default();
        assert!(!interrupt.raise(), "nothing runs yet");
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let guard = interrupt.begin();
        let remote = interrupt.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            remote.raise();
        });
        let outcome = runtime.block_on(async {
            tokio::select! {
                _ = interrupt.raised() => "interrupted",
                _ = tokio::time::sleep(Duration::from_secs(10)) => "slept",
            }
        });
        assert_eq!(outcome, "interrupted");
        drop(guard);
        let _next = interrupt.begin();
        assert!(!interrupt.is_raised(), "a new call starts clear");
    }
}
