// Benchmark: the phases of a worker's apply, in-process and without the kernel — the feature
// code through `cell_runner` (interpret + collect), the column comparison, and the checkpoint
// (uncompressed Arrow IPC, fsync; written after the reply in the product) — warm, as a
// long-lived worker runs them. Prints one JSON line.
//
//   bench_engine CODE_FILE TARGET NAME=FILE.parquet [NAME=FILE.parquet ...] [--repeats N]
//                [--streaming] [--no-cse] [--wait]
//
// `--wait` prints `ready` after the warm-up run and starts the measured runs once a line arrives
// on stdin, then prints `finished` and waits for another line before the comparison and the
// checkpoint, so a profiler (bench/profile) records exactly the measured runs.
// `--streaming` / `--no-cse` measure the engine options the product does not use (the bench
// README's table of what each knob buys). The global allocator is the binary's: build with
// `--features jemalloc` or `--features system-allocator` to compare (mimalloc otherwise).

use std::collections::HashMap;
use std::fs::File;
use std::io::Write;
use std::time::Instant;

use fe_worker::cell_runner::{self, EngineOptions};
use fe_worker::column_changes;
use polars::prelude::*;

fn allocator() -> &'static str {
    fe_worker::allocator::NAME
}

fn main() {
    fe_worker::allocator::configure(); // as the worker does
    let mut repeats = 1usize;
    let mut options = EngineOptions::default();
    let mut wait_for_profiler = false;
    let mut positional = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--repeats" => repeats = args.next().and_then(|n| n.parse().ok()).expect("--repeats N"),
            "--streaming" => options.streaming = true,
            "--no-cse" => options.common_subexpressions = false,
            "--wait" => wait_for_profiler = true,
            _ => positional.push(arg),
        }
    }
    let [code_file, target, inputs @ ..] = positional.as_slice() else {
        eprintln!("usage: bench_engine CODE_FILE TARGET NAME=FILE.parquet ... [--repeats N] [--streaming] [--no-cse] [--wait]");
        std::process::exit(2);
    };
    let code = std::fs::read_to_string(code_file).expect("read the code");
    let mut frames = HashMap::new();
    for input in inputs {
        let (name, path) = input.split_once('=').expect("NAME=FILE.parquet");
        let df = ParquetReader::new(File::open(path).expect("open")).finish().expect("read parquet");
        frames.insert(name.to_string(), df);
    }
    let run = || cell_runner::run_with(&code, 1, target, &frames, "unchanged", options).unwrap_or_else(|f| panic!("{}", f.message));

    // A warm-up run (thread pool, allocator, page cache), as in a worker that has run before.
    drop(run());
    if wait_for_profiler {
        wait_for_line("ready");
    }
    let mut run_seconds = Vec::new();
    let mut cpu_seconds = Vec::new();
    let mut result = None;
    for _ in 0..repeats {
        let (started, cpu) = (Instant::now(), process_cpu_seconds());
        let out = run();
        run_seconds.push(started.elapsed().as_secs_f64());
        cpu_seconds.push(process_cpu_seconds() - cpu);
        result = Some(out);
    }
    let result = result.expect("at least one repeat");
    if wait_for_profiler {
        wait_for_line("finished");
    }

    let started = Instant::now();
    let changes = column_changes::compare(&frames[target.as_str()], &result.frame);
    let compare_seconds = started.elapsed().as_secs_f64();

    let mut df = result.frame;
    let chunks = df.first_col_n_chunks();
    let path = std::env::temp_dir().join(format!("fe-bench-engine-{}.arrow", std::process::id()));
    let started = Instant::now();
    let mut file = File::create(&path).expect("create");
    IpcWriter::new(&mut file).with_compression(None).finish(&mut df).expect("write");
    file.flush().expect("flush");
    let written = Instant::now();
    file.sync_all().expect("fsync");
    let fsync_seconds = written.elapsed().as_secs_f64();
    let checkpoint_seconds = started.elapsed().as_secs_f64();
    let _ = std::fs::remove_file(&path);

    let report = serde_json::json!({
        "rows": df.height(),
        "columns": df.width(),
        "new_columns": changes.new_columns.len(),
        "run_seconds": run_seconds,
        // CPU time of all threads during each run: the work done, less sensitive than wall time
        // to other processes on a busy machine.
        "run_cpu_seconds": cpu_seconds,
        "compare_seconds": compare_seconds,
        "checkpoint_seconds": checkpoint_seconds,
        "checkpoint_fsync_seconds": fsync_seconds,
        "result_chunks": chunks,
        "options": {
            "allocator": allocator(),
            "streaming": options.streaming,
            "common_subexpressions": options.common_subexpressions,
        },
    });
    println!("{report}");
}

/// Says `what` on stdout and waits for a line on stdin (the profiler's signal to go on).
fn wait_for_line(what: &str) {
    println!("{what}");
    std::io::stdout().flush().expect("flush stdout");
    std::io::stdin().read_line(&mut String::new()).expect("read a line from stdin");
}

/// User + system CPU time of this process so far.
fn process_cpu_seconds() -> f64 {
    // SAFETY: getrusage writes into the struct we pass.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
