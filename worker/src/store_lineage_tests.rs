// The store keeps each frame's lineage whole: past version pruning, across a restart, without the
// undone step, and with a copy of every other frame a step read as it was at that moment.

use std::fs::File;
use std::sync::atomic::{AtomicUsize, Ordering};

use polars::prelude::*;

use super::*;
use crate::lineage::{Step, StepAction};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

fn open_store(max_versions: usize) -> FrameStore {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let root = std::env::temp_dir().join(format!("fe-store-lineage-{}-{n}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    FrameStore::open(SessionFolder::create_at(&root).unwrap(), max_versions).unwrap().0
}

fn reopen(store: FrameStore, max_versions: usize) -> FrameStore {
    let folder = SessionFolder::open_existing(store.folder().root()).unwrap();
    FrameStore::open(folder, max_versions).unwrap().0
}

/// Loads `df` as `name` the way the loader does: a staged IPC file adopted by the store.
fn load(store: &mut FrameStore, name: &str, df: DataFrame) {
    let staged = stage(store, name, df);
    store.adopt(name, &staged, Origin::Load { source: format!("/data/{name}.csv"), identity: None }).unwrap();
}

fn stage(store: &FrameStore, name: &str, mut df: DataFrame) -> String {
    let staged = format!(".load-{name}-{}.arrow.tmp", COUNTER.fetch_add(1, Ordering::Relaxed));
    let file = File::create(store.folder().frames_dir().join(&staged)).unwrap();
    IpcWriter::new(file).finish(&mut df).unwrap();
    staged
}

fn apply(store: &mut FrameStore, name: &str, code: &str, column: &str) -> u32 {
    let (current, _) = store.frame(name).unwrap();
    let mut next = current.clone();
    next.with_column(Column::new(column.into(), vec![1i64; next.height()])).unwrap();
    store.commit_apply(name, next, code, None).unwrap().version
}

fn versions(steps: &[Step]) -> Vec<u32> {
    steps.iter().map(|s| s.version).collect()
}

fn code_of(step: &Step) -> Option<&str> {
    match &step.action {
        StepAction::Apply { code, .. } => Some(code),
        StepAction::Load { .. } | StepAction::RustCell { .. } | StepAction::Replay { .. } => None,
    }
}

/// The version files on disk once every queued checkpoint is written (they are written in the
/// background after each commit, so counting before that races the writer).
fn frame_files(store: &FrameStore) -> usize {
    store.flush_checkpoints();
    fs::read_dir(store.folder().frames_dir()).unwrap().count()
}

fn tx() -> DataFrame {
    df!("id" => [1i64, 2, 3], "customer" => ["a", "b", "a"]).unwrap()
}

#[test]
fn every_step_survives_pruning_of_version_files_and_a_restart() {
    let mut store = open_store(2);
    load(&mut store, "tx", tx());
    for i in 2..=6 {
        apply(&mut store, "tx", &format!("df = df.with_columns(c{i}=1)"), &format!("c{i}"));
    }
    assert_eq!(store.history("tx").unwrap().versions.len(), 2);
    assert_eq!(frame_files(&store), 2);
    let lineage = store.lineage("tx").unwrap();
    assert_eq!((lineage.version, versions(&lineage.steps)), (6, vec![1, 2, 3, 4, 5, 6]));
    assert!(matches!(&lineage.steps[0].action, StepAction::Load { source } if source == "/data/tx.csv"));
    assert_eq!(lineage.steps[0].column_names().collect::<Vec<_>>(), vec!["id", "customer"]);
    assert_eq!(code_of(&lineage.steps[3]), Some("df = df.with_columns(c4=1)"));
    assert_eq!(lineage.steps[5].columns.last().unwrap().dtype, "Int64");

    let store = reopen(store, 2);
    assert_eq!(store.lineage("tx").unwrap(), lineage);
}

#[test]
fn undo_removes_the_undone_step_and_later_steps_continue_the_lineage() {
    let mut store = open_store(20);
    load(&mut store, "tx", tx());
    apply(&mut store, "tx", "df = df.with_columns(a=1)", "a");
    apply(&mut store, "tx", "df = df.with_columns(b=1)", "b");
    store.undo("tx").unwrap();
    apply(&mut store, "tx", "df = df.with_columns(c=1)", "c");
    let lineage = store.lineage("tx").unwrap();
    assert_eq!(versions(&lineage.steps), vec![1, 2, 4]);
    assert_eq!(code_of(&lineage.steps[2]), Some("df = df.with_columns(c=1)"));
}

#[test]
fn a_load_starts_a_new_lineage_and_undo_past_it_brings_the_old_one_back() {
    let mut store = open_store(20);
    load(&mut store, "tx", tx());
    apply(&mut store, "tx", "df = df.with_columns(a=1)", "a");
    load(&mut store, "tx", tx());
    assert_eq!(versions(&store.lineage("tx").unwrap().steps), vec![3]);
    store.undo("tx").unwrap();
    assert_eq!(versions(&store.lineage("tx").unwrap().steps), vec![1, 2]);
}

#[test]
fn steps_no_kept_version_needs_are_forgotten() {
    let mut store = open_store(2);
    load(&mut store, "tx", tx());
    apply(&mut store, "tx", "df = df.with_columns(a=1)", "a");
    load(&mut store, "tx", tx());
    apply(&mut store, "tx", "df = df.with_columns(b=1)", "b");
    // Kept versions are 3 and 4: the steps of the first load can no longer be reached.
    let folder = store.folder().root().to_path_buf();
    let manifest = Manifest::load(&SessionFolder::open_existing(&folder).unwrap().manifest_path()).unwrap();
    assert_eq!(versions(manifest.frames["tx"].lineage.steps()), vec![3, 4]);
}

#[test]
fn a_step_that_reads_another_frame_keeps_that_frames_lineage_as_it_was() {
    let mut store = open_store(20);
    load(&mut store, "customers", df!("customer" => ["a", "b"], "tier" => [1i64, 2]).unwrap());
    apply(&mut store, "customers", "df = df.with_columns(vip=1)", "vip");
    load(&mut store, "tx", tx());
    apply(&mut store, "tx", "df = df.join(customers, on='customer', how='left')", "joined");
    apply(&mut store, "tx", "df = df.with_columns(x=1)  # tx only", "x");
    // Later changes to `customers` do not change what tx's step read.
    store.undo("customers").unwrap();
    load(&mut store, "customers", df!("customer" => ["z"], "tier" => [9i64]).unwrap());

    let lineage = store.lineage("tx").unwrap();
    let StepAction::Apply { reads, .. } = &lineage.steps[1].action else { panic!("an apply") };
    assert_eq!(reads.len(), 1);
    assert_eq!((reads[0].name.as_str(), reads[0].version), ("customers", 2));
    assert_eq!(versions(&reads[0].steps), vec![1, 2]);
    assert_eq!(code_of(&reads[0].steps[1]), Some("df = df.with_columns(vip=1)"));
    let StepAction::Apply { reads, .. } = &lineage.steps[2].action else { panic!("an apply") };
    assert!(reads.is_empty(), "{reads:?}");
}

#[test]
fn a_frame_from_a_rust_cell_starts_its_lineage_there_and_an_apply_origin_is_refused() {
    let mut store = open_store(20);
    load(&mut store, "r", tx());
    let staged = stage(&store, "r", tx());
    store.adopt("r", &staged, Origin::RustCell { execution_count: 7 }).unwrap();
    apply(&mut store, "r", "df = df.with_columns(a=1)", "a");
    let lineage = store.lineage("r").unwrap();
    assert_eq!(versions(&lineage.steps), vec![2, 3]);
    assert_eq!(lineage.steps[0].action, StepAction::RustCell { execution_count: 7 });

    let staged = stage(&store, "r", tx());
    assert!(matches!(store.adopt("r", &staged, Origin::Apply), Err(StoreError::AdoptedApply(_))));
    assert_eq!(store.current_version("r"), Some(3));
}

fn search(ended: &str) -> crate::search_log::SearchRecord {
    crate::search_log::SearchRecord {
        started_unix_ms: 1,
        finished_unix_ms: 2,
        frame_version: 1,
        provider: "builtin".into(),
        model: "builtin-rules-1".into(),
        seed: 42,
        target: "y".into(),
        metric: "auc".into(),
        folds: 5,
        rows: 3,
        description_hash: "d".into(),
        baseline: None,
        final_score: None,
        rounds: Vec::new(),
        ended: ended.into(),
        kept_code: None,
    }
}

#[test]
fn a_search_is_kept_in_the_history_across_a_restart_and_commits_no_version() {
    let mut store = open_store(5);
    load(&mut store, "t", df!("x" => [1i64, 2, 3]).unwrap());
    assert_eq!(store.record_search("t", search("first")).unwrap(), 1);
    assert_eq!(store.record_search("t", search("second")).unwrap(), 2);
    assert_eq!(store.current_version("t"), Some(1), "a search commits no version");
    let store = reopen(store, 5);
    let history = store.history("t").unwrap();
    assert_eq!(history.searches.iter().map(|s| s.ended.as_str()).collect::<Vec<_>>(), ["first", "second"]);
    assert_eq!(history.versions.len(), 1);
    let mut store = store;
    assert!(matches!(store.record_search("nope", search("x")), Err(StoreError::UnknownFrame { .. })));
    for i in 0..crate::search_log::MAX_SEARCHES {
        store.record_search("t", search(&format!("more {i}"))).unwrap();
    }
    let kept = store.history("t").unwrap().searches;
    assert_eq!(kept.len(), crate::search_log::MAX_SEARCHES);
    assert_eq!(kept[0].ended, "more 0", "the oldest are dropped first");
}
