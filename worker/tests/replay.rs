// `%fe replay` through real worker processes: fitted and recomputed replays of a recorded
// pipeline on a new file, frames read as of the version a step read, and clear errors (columns,
// pruned fit data, constructs without a fitted form) that change nothing.

mod common;

use common::{tmp_files_when_written, TestSession};
use fe_worker::lineage::{ReplayMode, StepAction};
use polars::prelude::*;

const TRAIN: &str = "k,x,y\na,1.0,1\na,2.0,1\nb,3.0,0\nb,4.0,0\na,5.0,0\n";
const TEST: &str = "k,x,y\nb,6.0,1\na,7.0,0\nc,8.0,1\n";

/// `tx` loaded from TRAIN with a target encoding; TEST written beside it.
fn session(label: &str, limits: fe_worker::WorkerLimits) -> (TestSession, std::path::PathBuf) {
    let t = TestSession::start(label, limits);
    std::fs::write(t.scratch.join("train.csv"), TRAIN).unwrap();
    std::fs::write(t.scratch.join("test.csv"), TEST).unwrap();
    t.control.load(&t.scratch.join("train.csv"), Some("tx")).unwrap();
    t.control.apply("tx", "df = df.with_columns(te=pl.col('y').mean().over('k'))", 1, None).unwrap();
    let test = t.scratch.join("test.csv");
    (t, test)
}

fn column(t: &TestSession, name: &str, column: &str) -> Vec<Option<f64>> {
    let path = t.scratch.join(format!("{name}.parquet"));
    t.control.save(name, &path).unwrap();
    let df = ParquetReader::new(std::fs::File::open(&path).unwrap()).finish().unwrap();
    df.column(column).unwrap().as_materialized_series().cast(&DataType::Float64).unwrap().f64().unwrap().iter().collect()
}

#[test]
fn fitted_replay_uses_the_training_groups_and_recomputed_the_new_data() {
    let (t, test) = session("replay-modes", common::test_limits());
    let fitted = t.control.replay("tx", &test, Some("fitted_test"), ReplayMode::Fitted).unwrap();
    assert_eq!((fitted.frame.rows, fitted.frame.version, fitted.steps, fitted.of_version), (3, 1, 1, 2));
    // Training: a → 2/3, b → 0/2; c unseen. The test labels are never read.
    let te = column(&t, "fitted_test", "te");
    assert!((te[0].unwrap() - 0.0).abs() < 1e-12 && (te[1].unwrap() - 2.0 / 3.0).abs() < 1e-12 && te[2].is_none(), "{te:?}");
    t.control.replay("tx", &test, Some("recomputed_test"), ReplayMode::Recomputed).unwrap();
    assert_eq!(column(&t, "recomputed_test", "te"), [Some(1.0), Some(0.0), Some(1.0)], "recomputed reads the test labels");

    let history = t.control.history("fitted_test").unwrap();
    let origin = &history.versions[0].origin;
    assert!(origin.starts_with("replay of `tx` version 2 on ") && origin.ends_with("test.csv (fitted)"), "{origin}");
    let lineage = t.control.lineage("recomputed_test").unwrap();
    let StepAction::Replay { of, mode, steps, source, .. } = &lineage.steps[0].action else { panic!("{lineage:?}") };
    assert_eq!((of.as_str(), *mode, steps.len()), ("tx", ReplayMode::Recomputed, 2));
    assert!(source.ends_with("test.csv"));
    assert_eq!(lineage.steps[0].column_names().collect::<Vec<_>>(), ["k", "x", "y"], "the columns read from the file");
    assert_eq!(t.version_of("tx"), Some(2));
    assert!(tmp_files_when_written(&t, "tx").is_empty());
}

#[test]
fn a_joined_frame_is_read_as_of_the_version_the_step_read() {
    let (t, test) = session("replay-reads", common::test_limits());
    std::fs::write(t.scratch.join("groups.csv"), "k,w\na,10\nb,20\nc,30\n").unwrap();
    t.control.load(&t.scratch.join("groups.csv"), Some("groups")).unwrap();
    t.control.apply("tx", "df = df.join(groups, on='k', how='left')", 1, None).unwrap();
    t.control.apply("groups", "df = df.with_columns(w=pl.col('w') * 100)", 1, None).unwrap();
    t.control.replay("tx", &test, Some("joined"), ReplayMode::Fitted).unwrap();
    assert_eq!(column(&t, "joined", "w"), [Some(20.0), Some(10.0), Some(30.0)], "groups version 1, not 2");
}

#[test]
fn errors_are_clear_and_change_nothing() {
    let mut limits = common::test_limits();
    limits.max_versions = 2;
    let (t, test) = session("replay-errors", limits);
    let nothing = |t: &TestSession| {
        assert_eq!(t.control.frames().unwrap().iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["tx"]);
        assert!(tmp_files_when_written(&t, "tx").is_empty());
    };
    std::fs::write(t.scratch.join("other.csv"), "k,x,z\na,1,2\n").unwrap();
    let err = t.control.replay("tx", &t.scratch.join("other.csv"), Some("o"), ReplayMode::Fitted).unwrap_err();
    assert_eq!(err.ename(), "UsageError");
    let message = err.to_string();
    assert!(message.contains("`x` is Int64, not Float64") && message.contains("`y` is missing") && message.contains("`z` is extra"), "{message}");
    assert!(message.contains("no frame `o` was created"), "{message}");
    nothing(&t);

    let err = t.control.replay("tx", &t.scratch.join("missing.csv"), Some("m"), ReplayMode::Fitted).unwrap_err();
    assert!(err.to_string().contains("no such file"), "{err}");
    let err = t.control.replay("tx", &test, Some("tx"), ReplayMode::Fitted).unwrap_err();
    assert!(err.to_string().contains("a name other than `tx`"), "{err}");
    nothing(&t);
    assert_eq!(t.control.replay("tx", &test, None, ReplayMode::Fitted).unwrap().frame.name, "test", "named after the file");

    // Two more steps: with max_versions=2 the data the first step was fitted on is gone.
    t.control.apply("tx", "df = df.with_columns(r=pl.col('x').rank())", 1, None).unwrap();
    let err = t.control.replay("tx", &test, Some("late"), ReplayMode::Fitted).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("version 1") && message.contains("max_versions"), "{message}");
    assert!(message.contains("--recompute"), "{message}");
    let recomputed = t.control.replay("tx", &test, Some("late"), ReplayMode::Recomputed).unwrap();
    assert_eq!(recomputed.steps, 2);

    // rank has no fitted form: refused, with the step named.
    let mut limits = common::test_limits();
    limits.max_versions = 10;
    t.control.set_limits(limits).unwrap();
    t.control.load(&t.scratch.join("train.csv"), Some("tx")).unwrap();
    t.control.apply("tx", "df = df.with_columns(r=pl.col('x').rank())", 1, None).unwrap();
    let err = t.control.replay("tx", &test, Some("ranked"), ReplayMode::Fitted).unwrap_err();
    assert_eq!(err.ename(), "RejectedCode", "{err}");
    let message = err.to_string();
    assert!(message.contains("step 1 of `tx`") && message.contains("`rank`") && message.contains("no frame `ranked` was created"), "{message}");
}
