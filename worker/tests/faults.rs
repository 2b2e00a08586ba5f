// Faults with real processes: memory bomb, CPU past its limit and past the timeout, interrupt,
// crashes, and SIGKILL in the middle of 20 successive applies. After each the control answers,
// every frame is at its last committed version, and no temporary file is left.

mod common;

use std::time::Duration;

use common::{test_limits, tmp_files_when_written, TestSession};
use fe_worker::control::LimitKind;
use fe_worker::probes::Probe;
use fe_worker::protocol::Request;
use fe_worker::WorkerError;

fn probe_error(t: &TestSession, probe: Probe) -> WorkerError {
    match t.control.request(Request::Probe { probe }) {
        Err(e) => e,
        Ok(reply) => panic!("expected an error, got {reply:?}"),
    }
}

fn assert_recovered(t: &TestSession, frame: &str, version: u32) {
    assert_eq!(t.version_of(frame), Some(version));
    assert!(t.probe(Probe::PolarsQuery).ok);
    let leftovers = tmp_files_when_written(t, frame);
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_memory_bomb_is_a_resource_limit_and_the_session_survives() {
    let mut limits = test_limits();
    limits.memory_bytes = 1 << 30;
    let t = TestSession::start("membomb", limits);
    t.load_csv("tx", 100);
    t.apply_literal("tx", "flag", 1).unwrap();
    let err = probe_error(&t, Probe::MemoryBomb { rows: 30_000 });
    println!("{err}");
    assert!(matches!(err, WorkerError::ResourceLimit { limit: LimitKind::Memory, .. }), "{err:?}");
    assert!(err.to_string().contains("1.0 GiB"), "{err}");
    assert!(err.to_string().contains("every frame is at its last committed version"), "{err}");
    assert_recovered(&t, "tx", 2);
}

#[test]
fn a_cell_past_its_cpu_limit_is_a_resource_limit() {
    let mut limits = test_limits();
    limits.cpu_seconds = 1;
    let t = TestSession::start("cpulimit", limits);
    t.load_csv("tx", 10);
    let err = probe_error(&t, Probe::CpuSpin { seconds: 30, interruptible: false });
    println!("{err}");
    assert!(matches!(err, WorkerError::ResourceLimit { limit: LimitKind::Cpu, .. }), "{err:?}");
    assert_recovered(&t, "tx", 1);
}

#[test]
fn a_cpu_bound_cell_past_its_timeout_is_stopped_and_the_worker_replaced() {
    let mut limits = test_limits();
    limits.timeout = Duration::from_secs(1);
    let t = TestSession::start("timeout", limits);
    t.load_csv("tx", 10);
    let pid = t.control.worker_pid();
    let err = probe_error(&t, Probe::CpuSpin { seconds: 60, interruptible: false });
    println!("{err}");
    assert_eq!(err.ename(), "Timeout");
    assert!(err.to_string().contains("timeout of 1 s"), "{err}");
    assert_ne!(t.control.worker_pid(), pid, "a worker that ignores SIGINT is killed");
    assert_recovered(&t, "tx", 1);
}

#[test]
fn a_query_past_its_timeout_stops_on_sigint_and_the_worker_stays() {
    let mut limits = test_limits();
    limits.timeout = Duration::from_secs(1);
    let t = TestSession::start("timeout_query", limits);
    t.load_csv("tx", 10);
    let pid = t.control.worker_pid();
    let err = probe_error(&t, Probe::SlowQuery { rows: 200_000 });
    println!("{err}");
    assert_eq!(err.ename(), "Timeout");
    assert_eq!(t.control.worker_pid(), pid, "Polars' abort mechanism stopped the query");
    assert_recovered(&t, "tx", 1);
}

fn interrupt_after(t: &TestSession, delay: Duration, probe: Probe) -> WorkerError {
    std::thread::scope(|scope| {
        let request = scope.spawn(|| t.control.request(Request::Probe { probe }));
        std::thread::sleep(delay);
        assert!(t.control.interrupt());
        request.join().unwrap().unwrap_err()
    })
}

#[test]
fn interrupt_stops_a_polars_query_and_keeps_the_worker() {
    let t = TestSession::default("interrupt_query");
    t.load_csv("tx", 10);
    let pid = t.control.worker_pid();
    let err = interrupt_after(&t, Duration::from_millis(500), Probe::SlowQuery { rows: 200_000 });
    println!("{err}");
    assert_eq!(err.ename(), "Interrupted");
    assert_eq!(t.control.worker_pid(), pid);
    assert_recovered(&t, "tx", 1);
}

#[test]
fn interrupt_kills_a_worker_that_ignores_sigint() {
    let t = TestSession::default("interrupt_spin");
    t.load_csv("tx", 10);
    t.apply_literal("tx", "flag", 1).unwrap();
    let pid = t.control.worker_pid();
    let err = interrupt_after(&t, Duration::from_millis(300), Probe::CpuSpin { seconds: 60, interruptible: false });
    println!("{err}");
    assert_eq!(err.ename(), "Interrupted");
    assert!(err.to_string().contains("frame") || err.to_string().contains("every frame"), "{err}");
    assert_ne!(t.control.worker_pid(), pid);
    assert_recovered(&t, "tx", 2);
}

#[test]
fn a_crash_is_reported_and_not_replayed() {
    let t = TestSession::default("crash");
    t.load_csv("tx", 10);
    let err = probe_error(&t, Probe::RaiseSignal { signal: libc::SIGSEGV });
    assert_eq!(err.ename(), "WorkerCrashed");
    assert!(err.to_string().contains("signal 11"), "{err}");
    assert!(err.to_string().contains("was not run again"), "{err}");
    // Not replayed: one restart only, and the next request is served by the new worker.
    assert_recovered(&t, "tx", 1);
    assert_eq!(t.control.status().unwrap().restarts, 1);
}

#[test]
fn sigkill_during_twenty_applies_loses_no_committed_version() {
    let t = TestSession::default("kill20");
    // Big enough that an apply takes a while, so the kill lands inside one.
    t.load_csv("tx", 400_000);
    let done = std::sync::atomic::AtomicU32::new(0);
    let mut versions = Vec::new();
    let mut crashes = 0;
    std::thread::scope(|scope| {
        let killer = scope.spawn(|| {
            // Into the eleventh apply (the loop's own frame listing takes microseconds).
            while done.load(std::sync::atomic::Ordering::SeqCst) < 10 {
                std::thread::yield_now();
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
            t.control.kill_worker_for_test()
        });
        for i in 0..20 {
            let before = t.version_of("tx").unwrap();
            match t.apply_literal("tx", &format!("c{i}"), i) {
                Ok(version) => {
                    assert!(version > before);
                    versions.push(version);
                }
                Err(err) => {
                    assert_eq!(err.ename(), "WorkerCrashed", "{err:?}");
                    // The apply either never committed, or committed just before the kill.
                    let now = t.version_of("tx").unwrap();
                    assert!(now == before || now == before + 1, "{before} -> {now}");
                    assert!(err.to_string().contains(&format!("frame `tx` is still at version {now}")), "{err}");
                    crashes += 1;
                }
            }
            done.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
        assert!(killer.join().unwrap().is_some());
    });
    println!("{} applies answered, {crashes} killed", versions.len());
    assert!(crashes <= 1);
    assert_eq!(versions.len() + crashes, 20);
    // Every version the kernel was told about is still there, and restore kept the last one.
    let history = t.control.history("tx").unwrap();
    assert_eq!(Some(history.current), t.version_of("tx"));
    assert!(history.current >= *versions.last().unwrap());
    assert_eq!(t.control.status().unwrap().restarts, 1);
    let columns = t.control.frames().unwrap()[0].columns;
    // Three columns as loaded (version 1), one more per committed apply.
    assert_eq!(columns as u32, 3 + history.current - 1);
    assert!(tmp_files_when_written(&t, "tx").is_empty());
}

/// The frame as text (every row), to compare data across a restart.
fn contents(t: &TestSession, name: &str) -> String {
    let table = t.control.show(name, 1000).unwrap();
    table.text
}

#[test]
fn killed_between_the_reply_and_the_durable_checkpoint_twenty_times_loses_nothing() {
    let t = TestSession::default("kill_before_durable");
    t.load_csv("tx", 500);
    for round in 0..20 {
        // The checkpoints of what follows stay queued: the kill lands after each reply and
        // before its checkpoint is written, the window a slow disk leaves open.
        t.probe(Probe::HoldCheckpoints { held: true });
        let version = t.apply_literal("tx", &format!("r{round}"), round).unwrap();
        let before = contents(&t, "tx");
        t.control.kill_worker_for_test().unwrap();
        std::thread::sleep(Duration::from_millis(50));
        assert_eq!(t.version_of("tx"), Some(version), "round {round}");
        assert_eq!(contents(&t, "tx"), before, "round {round}: the rebuilt version has the same data");
    }
    assert_eq!(t.control.status().unwrap().restarts, 20);
    // Every rebuilt version got its checkpoint; nothing half-written is left.
    let (version, path) = t.control.checkpoint_file("tx").unwrap();
    assert_eq!(version, 21);
    assert!(path.is_file());
    assert!(tmp_files_when_written(&t, "tx").is_empty());
}

#[test]
fn a_load_killed_before_its_checkpoint_is_read_again_from_its_file() {
    let t = TestSession::default("kill_after_load");
    t.probe(Probe::HoldCheckpoints { held: true });
    t.load_csv("tx", 300);
    t.apply_literal("tx", "flag", 1).unwrap();
    let before = contents(&t, "tx");
    t.control.kill_worker_for_test().unwrap();
    std::thread::sleep(Duration::from_millis(50));
    assert_eq!(t.version_of("tx"), Some(2));
    assert_eq!(contents(&t, "tx"), before);
    // The one thing said is that the worker had been killed; nothing was dropped.
    let notices = t.control.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("killed by SIGKILL") && notices[0].contains("restored"), "{notices:?}");
}

#[test]
fn a_source_changed_before_a_restore_is_named_and_not_read_silently() {
    let t = TestSession::default("kill_source_changed");
    t.load_csv("customers", 20);
    t.control.checkpoint_file("customers").unwrap();
    t.probe(Probe::HoldCheckpoints { held: true });
    let path = t.load_csv("tx", 300);
    common::write_csv(&path, 301);
    t.control.kill_worker_for_test().unwrap();
    std::thread::sleep(Duration::from_millis(50));
    let frames = t.control.frames().unwrap();
    assert_eq!(frames.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["customers"], "{frames:?}");
    let notices = t.control.take_notices().join("\n");
    assert!(notices.contains("frame `tx` version 1"), "{notices}");
    assert!(notices.contains("tx.csv"), "{notices}");
    assert!(notices.contains("changed since it was loaded"), "{notices}");
}

/// Until the process is a zombie or gone (killed, not yet reaped by the control).
fn wait_dead(pid: i32) {
    loop {
        match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            Ok(stat) if !stat.rsplit_once(')').is_some_and(|(_, rest)| rest.trim_start().starts_with('Z')) => {
                std::thread::sleep(Duration::from_millis(5))
            }
            _ => return,
        }
    }
}

#[test]
fn a_worker_killed_while_idle_twenty_times_is_restored_and_every_next_command_runs() {
    let t = TestSession::default("idle_kills");
    t.load_csv("tx", 50);
    t.apply_literal("tx", "flag", 1).unwrap();
    let shown = contents(&t, "tx");
    for round in 0..20 {
        let pid = t.control.kill_worker_for_test().unwrap();
        wait_dead(pid);
        // Every kind of next command runs: a listing, an apply (then undone), a preview.
        match round % 3 {
            0 => assert_eq!(t.control.frames().unwrap().len(), 1, "round {round}"),
            1 => {
                t.apply_literal("tx", "more", round).unwrap_or_else(|e| panic!("round {round}: {e}"));
                t.control.undo("tx").unwrap();
            }
            _ => assert_eq!(contents(&t, "tx"), shown, "round {round}"),
        }
        let notices = t.control.take_notices();
        assert_eq!(notices.len(), 1, "round {round}: {notices:?}");
        assert!(notices[0].contains("while idle") && notices[0].contains("before this command ran"), "{notices:?}");
    }
    assert_eq!(contents(&t, "tx"), shown);
    assert_eq!(t.control.status().unwrap().restarts, 20);
}
