// Frames in Rust cells: `%fe to-rust` reads a frame's checkpoint file into a polars DataFrame
// variable of the evcxr context; `%fe from-rust` writes a DataFrame variable back as a frame.
// `prebuild` builds that polars ahead (`fekernel install --prebuild-rust`).

mod generated_cells;
mod handlers;
mod hand_over_errors;
mod polars_in_cells;
pub mod prebuild;

use std::sync::Arc;

use crate::frame_commands::WorkerSession;
use crate::magics::MagicRegistry;
use crate::rust_cells::RustCells;

pub fn attach(registry: &mut MagicRegistry, worker: Arc<WorkerSession>, rust: Arc<RustCells>) {
    handlers::attach(registry, worker, rust);
}
