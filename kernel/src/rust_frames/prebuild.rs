// `fekernel install --prebuild-rust`: builds the Rust cells' polars ahead, into evcxr's build
// cache, through the very evaluator set-up a kernel uses, so the first `%fe to-rust` finds it.

use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::sync::mpsc;

use super::polars_in_cells::{dep_line, FEATURES, POLARS_VERSION};
use crate::rust_cells::RustCells;
use crate::server::publisher::{CellIo, Outgoing};

/// Progress lines on the terminal at most this often (the kernel's live line updates faster).
const PRINT_PROGRESS_EVERY: Duration = Duration::from_secs(10);

/// Runs the `:dep` line the hand-over runs, printing the cell's outputs; Err says what failed.
pub fn prebuild_polars() -> Result<Duration, String> {
    println!(
        "Building polars {POLARS_VERSION} (features: {}) for the Rust cells into evcxr's build cache; \
         the first time on a machine this takes minutes…",
        FEATURES.join(", ")
    );
    let started = Instant::now();
    let (sender, outputs) = mpsc::unbounded_channel();
    let io = CellIo::new(sender, None, Arc::new(Value::Null), Vec::new(), 0);
    let printer = std::thread::Builder::new()
        .name("prebuild-output".into())
        .spawn(move || print_outputs(outputs))
        .map_err(|e| format!("could not start: {e}"))?;
    let rust = RustCells::new();
    let outcome = rust.execute(&dep_line(), &io);
    rust.shutdown();
    drop(io);
    let _ = printer.join();
    match outcome {
        Ok(_) => Ok(started.elapsed()),
        Err(error) => Err(format!("{}: {}", error.ename, error.evalue)),
    }
}

/// Streams as they come, and the build's progress line every `PRINT_PROGRESS_EVERY` and last.
fn print_outputs(mut outputs: mpsc::UnboundedReceiver<Outgoing>) {
    let mut last_printed: Option<Instant> = None;
    let mut unprinted_progress: Option<String> = None;
    while let Some(message) = outputs.blocking_recv() {
        let content = &message.content;
        match message.msg_type.as_str() {
            "stream" => print_now(content["text"].as_str().unwrap_or_default()),
            "display_data" | "update_display_data" => {
                let line = format!("{}\n", content["data"]["text/plain"].as_str().unwrap_or_default());
                if last_printed.is_none_or(|at| at.elapsed() >= PRINT_PROGRESS_EVERY) {
                    print_now(&line);
                    last_printed = Some(Instant::now());
                    unprinted_progress = None;
                } else {
                    unprinted_progress = Some(line);
                }
            }
            _ => {}
        }
    }
    if let Some(line) = unprinted_progress {
        print_now(&line);
    }
}

fn print_now(text: &str) {
    print!("{text}");
    let _ = std::io::stdout().flush();
}
