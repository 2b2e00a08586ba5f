// fe-worker: the only process that holds data (sandboxed, limited, checkpointed), and the
// kernel-side control that starts, limits, interrupts and restarts it.
//
// Two halves, one crate:
// * worker side, run by a hidden subcommand of the kernel binary: `service::run` (the worker),
//   locked down by `sandbox`; it reads user files only from descriptors the kernel hands over;
// * kernel side: `control::WorkerControl`, the blocking API the `%fe` magics call.
// Frames never cross the pipe: they live in the session folder as write-once Arrow IPC files
// listed by `manifest.json` (`store`), which is also what a restarted worker restores from.

pub mod allocator;
pub mod atomic_file;
pub mod cell_runner;
pub mod checkpoint_writer;
pub mod column_changes;
pub mod control;
pub mod descriptor_channel;
pub mod dtype_names;
pub mod evaluation;
pub mod frame_names;
pub mod limits;
pub mod lineage;
pub mod loader;
pub mod manifest;
#[cfg(feature = "test-probes")]
pub mod probes;
pub mod protocol;
pub mod rebuild;
pub mod render;
pub mod replay;
pub mod sandbox;
pub mod scan_source;
pub mod scanned_frames;
pub mod scanned_save;
pub mod schema_summary;
pub mod search_log;
pub mod service;
pub mod session_folder;
pub mod store;
pub mod taken_values;

pub use control::{WorkerConfig, WorkerControl, WorkerError};
pub use limits::WorkerLimits;
pub use session_folder::SessionFolder;
