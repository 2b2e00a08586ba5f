// Benchmark: the phases of a worker's apply, in-process and without the kernel — the feature
// code through `cell_runner::run` (interpret + collect), the column comparison, and the
// checkpoint (rechunk, uncompressed Arrow IPC, fsync), as `service`/`store` do them. Prints JSON.
//
//   bench_engine CODE_FILE TARGET NAME=FILE.parquet [NAME=FILE.parquet ...]

use std::collections::HashMap;
use std::fs::File;
use std::io::Write;
use std::time::Instant;

use fe_worker::{cell_runner, column_changes};
use polars::prelude::*;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [code_file, target, inputs @ ..] = args.as_slice() else {
        eprintln!("usage: bench_engine CODE_FILE TARGET NAME=FILE.parquet ...");
        std::process::exit(2);
    };
    let code = std::fs::read_to_string(code_file).expect("read the code");
    let mut frames = HashMap::new();
    for input in inputs {
        let (name, path) = input.split_once('=').expect("NAME=FILE.parquet");
        let df = ParquetReader::new(File::open(path).expect("open")).finish().expect("read parquet");
        frames.insert(name.to_string(), df);
    }

    let started = Instant::now();
    let result = cell_runner::run(&code, 1, target, &frames, "unchanged").unwrap_or_else(|f| panic!("{}", f.message));
    let run_seconds = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let changes = column_changes::compare(&frames[target.as_str()], &result.frame);
    let compare_seconds = started.elapsed().as_secs_f64();

    let mut df = result.frame;
    let chunks = df.first_col_n_chunks();
    let path = std::env::temp_dir().join(format!("fe-bench-engine-{}.arrow", std::process::id()));
    let started = Instant::now();
    df.rechunk_mut_par();
    let rechunk_seconds = started.elapsed().as_secs_f64();
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
        "compare_seconds": compare_seconds,
        "checkpoint_seconds": checkpoint_seconds,
        "checkpoint_rechunk_seconds": rechunk_seconds,
        "checkpoint_fsync_seconds": fsync_seconds,
        "result_chunks": chunks,
    });
    println!("{report}");
}
