// The frame commands through real worker processes: load, frames, show, schema, apply, undo,
// history, save, restore after a restart, and clear errors for bad input.

mod common;

use common::{tmp_files_when_written, TestSession};
use fe_worker::WorkerError;

#[test]
fn load_show_schema_and_frames() {
    let t = TestSession::default("basics");
    t.load_csv("tx", 50);
    let frames = t.control.frames().unwrap();
    assert_eq!(frames.len(), 1);
    assert_eq!((frames[0].rows, frames[0].columns, frames[0].version), (50, 3, 1));

    let table = t.control.show("tx", 5).unwrap();
    assert_eq!((table.rows_shown, table.rows_total), (5, 50));
    assert!(table.html.contains("<th>group</th>") && table.html.contains("<td>a</td>"), "{}", table.html);
    assert!(table.text.contains("amount"), "{}", table.text);

    let schema = t.control.schema("tx").unwrap();
    let group = schema.columns.iter().find(|c| c.name == "group").unwrap();
    assert_eq!((group.dtype.as_str(), group.nulls, group.unique), ("String", 0, Some(3)));
    assert_eq!(group.top_values.len(), 3);
    let id = schema.columns.iter().find(|c| c.name == "id").unwrap();
    assert_eq!((id.min.as_deref(), id.max.as_deref(), id.mean), (Some("0"), Some("49"), Some(24.5)));
}

#[test]
fn applies_make_versions_that_undo_walks_back_and_history_lists() {
    let t = TestSession::default("versions");
    t.load_csv("tx", 10);
    assert_eq!(t.apply_literal("tx", "one", 1).unwrap(), 2);
    assert_eq!(t.apply_literal("tx", "two", 2).unwrap(), 3);
    let history = t.control.history("tx").unwrap();
    let versions: Vec<u32> = history.versions.iter().map(|v| v.version).collect();
    assert_eq!(versions, [1, 2, 3]);
    assert!(history.versions[0].origin.starts_with("load "));
    assert!(history.versions[2].code.as_deref().unwrap().contains("two"));

    let (frame, dropped) = t.control.undo("tx").unwrap();
    assert_eq!((frame.version, frame.columns, dropped), (2, 4, 3));
    // Version numbers are never reused.
    assert_eq!(t.apply_literal("tx", "three", 3).unwrap(), 4);
    t.control.undo("tx").unwrap();
    t.control.undo("tx").unwrap();
    let err = t.control.undo("tx").unwrap_err();
    assert_eq!(err.ename(), "UsageError");
    assert!(err.to_string().contains("still at version 1"), "{err}");
}

#[test]
fn only_the_bounded_number_of_versions_is_kept() {
    let mut limits = common::test_limits();
    limits.max_versions = 3;
    let t = TestSession::start("bounded", limits);
    t.load_csv("tx", 10);
    for i in 0..5 {
        t.apply_literal("tx", &format!("c{i}"), i).unwrap();
    }
    let versions: Vec<u32> = t.control.history("tx").unwrap().versions.iter().map(|v| v.version).collect();
    assert_eq!(versions, [4, 5, 6]);
    // Old files go after the newer checkpoints are written.
    t.control.checkpoint_file("tx").unwrap();
    let files = std::fs::read_dir(t.session_root().join("frames")).unwrap().count();
    assert_eq!(files, 3);
}

#[test]
fn a_restarted_worker_restores_every_frame_at_its_last_version() {
    let t = TestSession::default("restore");
    t.load_csv("tx", 100);
    t.load_csv("customers", 20);
    t.apply_literal("tx", "flag", 7).unwrap();
    let before = t.control.frames().unwrap();
    let old_pid = t.control.kill_worker_for_test().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(100));
    let after = t.control.frames().unwrap();
    assert_ne!(t.control.worker_pid(), Some(old_pid));
    assert_eq!(before, after);
    let table = t.control.show("tx", 3).unwrap();
    assert!(table.html.contains("<th>flag</th>"));
    let status = t.control.status().unwrap();
    assert_eq!(status.restarts, 1);
    assert!(tmp_files_when_written(&t, "tx").is_empty());
}

#[test]
fn saved_files_can_be_loaded_back() {
    let t = TestSession::default("save");
    t.load_csv("tx", 30);
    t.apply_literal("tx", "flag", 1).unwrap();
    for file in ["out.parquet", "out.csv", "out.arrow"] {
        let destination = t.scratch.join(file);
        let saved = t.control.save("tx", &destination).unwrap();
        assert_eq!((saved.rows, saved.columns), (30, 4));
        let name = format!("back_{}", file.replace('.', "_"));
        let frame = t.control.load(&destination, Some(&name)).unwrap();
        assert_eq!((frame.rows, frame.columns), (30, 4), "{file}");
    }
    assert_eq!(std::fs::read_dir(t.session_root().join("exports")).unwrap().count(), 0);
    let err = t.control.save("tx", &t.scratch.join("out.xlsx")).unwrap_err();
    assert_eq!(err.ename(), "UsageError");
    // Missing folders on the way are created, as a user expects of `%fe save tx out/x.csv`.
    let saved = t.control.save("tx", &t.scratch.join("missing/deeper/out.csv")).unwrap();
    assert!(saved.path.is_file());
}

fn assert_nothing_changed(t: &TestSession) {
    let frames = t.control.frames().unwrap();
    assert_eq!(frames.len(), 1, "{frames:?}");
    assert_eq!((frames[0].name.as_str(), frames[0].version, frames[0].rows), ("tx", 1, 10));
    assert!(tmp_files_when_written(&t, "tx").is_empty());
}

#[test]
fn malformed_files_give_an_error_naming_the_file_and_change_nothing() {
    let t = TestSession::default("malformed");
    t.load_csv("tx", 10);

    let csv = t.scratch.join("broken.csv");
    std::fs::write(&csv, "a,b\n1,2\n3,4,5,6\n\"unterminated,7\n").unwrap();
    let err = t.control.load(&csv, Some("broken")).unwrap_err();
    println!("{err}");
    assert_eq!(err.ename(), "ExecutionError");
    assert!(err.to_string().contains("broken.csv") && err.to_string().contains("as CSV"), "{err}");
    assert_nothing_changed(&t);

    let parquet = t.scratch.join("broken.parquet");
    std::fs::write(&parquet, b"PAR1 this is not a parquet file PAR1").unwrap();
    let err = t.control.load(&parquet, None).unwrap_err();
    println!("{err}");
    assert_eq!(err.ename(), "ExecutionError");
    assert!(err.to_string().contains("broken.parquet") && err.to_string().contains("as Parquet"), "{err}");
    assert_nothing_changed(&t);

    let empty = t.scratch.join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let err = t.control.load(&empty, None).unwrap_err();
    assert!(err.to_string().contains("empty.csv"), "{err}");
    assert_nothing_changed(&t);
}

#[test]
fn bad_names_paths_and_frames_are_usage_errors() {
    let t = TestSession::default("usage");
    t.load_csv("tx", 10);
    let cases: Vec<(WorkerError, &str)> = vec![
        (t.control.load(&t.scratch.join("nope.csv"), None).unwrap_err(), "no such file"),
        (t.control.load(&t.scratch.join("tx.csv"), Some("1bad")).unwrap_err(), "not a valid frame name"),
        (t.control.load(&t.scratch.join("tx.csv"), Some("../x")).unwrap_err(), "not a valid frame name"),
        (t.control.load(&t.scratch.join("tx.xlsx"), None).unwrap_err(), "unknown file type"),
        (t.control.show("sales", 5).unwrap_err(), "no frame named `sales`; loaded frames: `tx`"),
        (t.control.schema("sales").unwrap_err(), "no frame named `sales`"),
        (t.control.undo("a-b").unwrap_err(), "not a valid frame name"),
    ];
    for (err, expected) in cases {
        assert_eq!(err.ename(), "UsageError", "{err}");
        assert!(err.to_string().contains(expected), "{err} should contain {expected}");
    }
    assert_nothing_changed(&t);
}

#[cfg(feature = "lang")]
#[test]
fn feature_code_applies_through_the_language_and_refusals_change_nothing() {
    let t = TestSession::default("lang");
    t.load_csv("tx", 20);
    let summary = t
        .control
        .apply("tx", "df = df.with_columns((pl.col('amount') * 2).alias('double'))", 1, None)
        .unwrap();
    assert_eq!(summary.version, 2);
    assert_eq!(summary.new_columns.len(), 1);
    assert_eq!(summary.new_columns[0].name, "double");
    assert_eq!(summary.new_columns[0].dtype, "Float64");
    assert!(summary.html.contains("double"));

    let err = t.control.apply("tx", "import os\ndf = df", 1, None).unwrap_err();
    assert_eq!(err.ename(), "RejectedCode", "{err}");
    assert!(err.to_string().contains("frame `tx` is still at version 2"), "{err}");
    assert!(err.rendered().is_some());

    let preview = t
        .control
        .preview_apply("tx", "df = df.with_columns(pl.col('id').alias('id2'))", 1, 5)
        .unwrap();
    assert_eq!((preview.rows_after, preview.version), (5, 2));
    assert_eq!(t.version_of("tx"), Some(2));
}

#[test]
fn a_file_staged_by_another_process_becomes_a_version_with_its_origin() {
    use fe_worker::manifest::Origin;
    use polars::prelude::*;
    let t = TestSession::default("handover");
    t.load_csv("tx", 10);
    // What a Rust cell does for `%fe from-rust`: write Arrow IPC at the staging path.
    let staged = t.control.staging_path("tx").unwrap();
    let mut df = df!("id" => [1i64, 2, 3], "doubled" => [2.0, 4.0, 6.0]).unwrap();
    IpcWriter::new(std::fs::File::create(&staged).unwrap()).finish(&mut df).unwrap();
    let frame = t.control.adopt_staged("tx", &staged, Origin::RustCell { execution_count: 7 }).unwrap();
    assert_eq!((frame.version, frame.rows, frame.columns), (2, 3, 2));
    assert!(!staged.exists());
    let history = t.control.history("tx").unwrap();
    assert_eq!(history.versions.last().unwrap().origin, "from Rust cell 7");

    // A file that is not Arrow IPC, or a path outside the staging folder, changes nothing.
    let staged = t.control.staging_path("tx").unwrap();
    std::fs::write(&staged, b"not arrow").unwrap();
    let err = t.control.adopt_staged("tx", &staged, Origin::RustCell { execution_count: 8 }).unwrap_err();
    assert!(err.to_string().contains("still at version 2"), "{err}");
    let outside = t.scratch.join("elsewhere.arrow.tmp");
    std::fs::write(&outside, b"x").unwrap();
    assert_eq!(t.control.adopt_staged("tx", &outside, Origin::RustCell { execution_count: 9 }).unwrap_err().ename(), "UsageError");
    assert_eq!(t.version_of("tx"), Some(2));
    assert!(tmp_files_when_written(&t, "tx").is_empty());
}
