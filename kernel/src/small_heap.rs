// The kernel process keeps its heap small: before `main` (and so before the first allocation),
// `fekernel run` asks the allocator to commit memory only as it is used.
//!
//! The worker is the same binary (`fekernel worker …`) and keeps the allocator's fast defaults;
//! see `fe_worker::allocator::keep_heap_small` for what was measured.

use std::ffi::{c_char, c_int, CStr};

/// glibc calls the functions of `.init_array` with the program's arguments before Rust's
/// runtime starts, so nothing has allocated through the global allocator yet.
#[used]
#[link_section = ".init_array"]
static BEFORE_MAIN: extern "C" fn(c_int, *const *const c_char, *const *const c_char) = before_main;

extern "C" fn before_main(argc: c_int, argv: *const *const c_char, _envp: *const *const c_char) {
    if argc < 2 || argv.is_null() {
        return;
    }
    // SAFETY: glibc passes `argc` valid, NUL-terminated argument strings in `argv`.
    let command = unsafe { *argv.add(1) };
    if !command.is_null() && unsafe { CStr::from_ptr(command) } == c"run" {
        fe_worker::allocator::keep_heap_small();
    }
}
