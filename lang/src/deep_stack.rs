// Deep code on a deep stack: parsing, checking and interpreting recurse once per nesting level
// of the cell, and so do Polars' planning and the dropping of deep plans. This runs such work on
// a thread with a large stack, so a deep but legal cell is computed instead of crashing.

use std::sync::Mutex;

/// Stack of the thread deep work runs on. Thread stacks are mapped lazily (only the pages
/// touched count towards memory use), but the mapping counts against `RLIMIT_DATA`.
pub const DEEP_STACK_BYTES: usize = 256 << 20;

thread_local! {
    static ON_DEEP_STACK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run `work` on a thread with a [`DEEP_STACK_BYTES`] stack and return its result (a panic in
/// `work` is resumed on the calling thread). Already on such a thread, or where no thread can
/// be made (a very low memory limit), `work` runs on the calling thread.
pub fn on_deep_stack<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    if ON_DEEP_STACK.with(|c| c.get()) {
        return work();
    }
    let slot = Mutex::new(Some(work));
    let spawned = std::thread::scope(|scope| {
        let slot = &slot;
        let handle = std::thread::Builder::new().name("fe-deep-stack".into()).stack_size(DEEP_STACK_BYTES).spawn_scoped(scope, move || {
            ON_DEEP_STACK.with(|c| c.set(true));
            let work = slot.lock().unwrap_or_else(|p| p.into_inner()).take().expect("work taken once");
            let result = work();
            (result, crate::interpret::steps_on_this_thread())
        });
        handle.ok().map(|h| h.join())
    });
    match spawned {
        Some(Ok((result, steps))) => {
            crate::interpret::add_steps_on_this_thread(steps);
            result
        }
        Some(Err(panic)) => std::panic::resume_unwind(panic),
        None => {
            let work = slot.lock().unwrap_or_else(|p| p.into_inner()).take().expect("work not run");
            work()
        }
    }
}
