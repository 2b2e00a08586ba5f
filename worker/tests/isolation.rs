// From inside a real sandboxed worker: forbidden things fail with the exact error, allowed
// things (threads, the session folder, Polars, loading a named file) still work.

mod common;

use common::TestSession;
use fe_worker::probes::Probe;
use fe_worker::sandbox::LayerState;

#[test]
fn every_worker_side_layer_is_in_force_on_this_machine() {
    let t = TestSession::default("layers");
    let status = t.control.status().unwrap();
    for line in status.worker.sandbox.lines().iter().chain(status.kernel_side.lines().iter()) {
        println!("{line}");
    }
    for layer in ["user+network namespace", "landlock", "seccomp"] {
        assert!(
            matches!(status.worker.sandbox.layer(layer), Some(LayerState::InForce { .. })),
            "{layer}: {:?}",
            status.worker.sandbox.layer(layer)
        );
    }
}

#[test]
fn network_sockets_cannot_be_created() {
    let t = TestSession::default("sockets");
    for probe in [Probe::TcpSocket, Probe::UdpSocket] {
        let outcome = t.probe(probe);
        assert!(!outcome.ok, "{}", outcome.detail);
        assert_eq!(outcome.errno, Some(libc::EPERM), "{}", outcome.detail);
    }
}

#[test]
fn a_unix_socket_path_cannot_be_connected() {
    let t = TestSession::default("unix");
    let path = t.scratch.join("listener.sock");
    let _listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
    let outcome = t.probe(Probe::UnixConnect { path });
    assert!(!outcome.ok, "{}", outcome.detail);
    assert_eq!(outcome.errno, Some(libc::EPERM), "{}", outcome.detail);
}

#[test]
fn files_outside_the_session_folder_cannot_be_written_or_read() {
    let t = TestSession::default("outside");
    let outside = t.scratch.join("outside.txt");
    let outcome = t.probe(Probe::WriteFile { path: outside.clone() });
    assert_eq!((outcome.ok, outcome.errno), (false, Some(libc::EACCES)), "{}", outcome.detail);
    assert!(!outside.exists());

    std::fs::write(&outside, "secret").unwrap();
    let outcome = t.probe(Probe::ReadFile { path: outside });
    assert_eq!((outcome.ok, outcome.errno), (false, Some(libc::EACCES)), "{}", outcome.detail);
    let outcome = t.probe(Probe::ReadFile { path: "/etc/passwd".into() });
    assert_eq!((outcome.ok, outcome.errno), (false, Some(libc::EACCES)), "{}", outcome.detail);
}

#[test]
fn fork_exec_and_chmod_are_refused() {
    let t = TestSession::default("forkexec");
    let outcome = t.probe(Probe::Fork);
    assert_eq!((outcome.ok, outcome.errno), (false, Some(libc::EPERM)), "{}", outcome.detail);
    let outcome = t.probe(Probe::Exec);
    assert_eq!((outcome.ok, outcome.errno), (false, Some(libc::EPERM)), "{}", outcome.detail);

    let inside = t.session_root().join("exports").join("mode.txt");
    let outcome = t.probe(Probe::WriteFile { path: inside.clone() });
    assert!(outcome.ok, "{}", outcome.detail);
    let outcome = t.probe(Probe::Chmod { path: inside });
    assert_eq!((outcome.ok, outcome.errno), (false, Some(libc::EPERM)), "{}", outcome.detail);
}

#[test]
fn threads_the_session_folder_and_polars_still_work() {
    let t = TestSession::default("allowed");
    assert!(t.probe(Probe::Thread).ok);
    let inside = t.session_root().join("exports").join("note.txt");
    let outcome = t.probe(Probe::WriteFile { path: inside.clone() });
    assert!(outcome.ok, "{}", outcome.detail);
    assert_eq!(std::fs::read_to_string(inside).unwrap(), "probe");
    let outcome = t.probe(Probe::PolarsQuery);
    assert!(outcome.ok, "{}", outcome.detail);
}

#[test]
fn a_named_file_is_loaded_although_the_worker_cannot_read_it() {
    let t = TestSession::default("loadnamed");
    let path = t.write_csv("sales.csv", 100);
    let frame = t.control.load(&path, None).unwrap();
    assert_eq!((frame.name.as_str(), frame.version, frame.rows, frame.columns), ("sales", 1, 100, 3));
    let outcome = t.probe(Probe::ReadFile { path });
    assert_eq!(outcome.errno, Some(libc::EACCES), "the worker itself must not read user files");
}

#[test]
fn a_restore_cannot_obtain_a_file_this_kernel_did_not_load() {
    let t = TestSession::default("restore_other_file");
    t.load_csv("tx", 10);
    t.control.checkpoint_file("tx").unwrap();
    // What a compromised worker could write: a frame "loaded" from a file this kernel never
    // loaded, whose checkpoint is missing, so that the next worker asks for the file.
    let secret = t.write_csv("secret.csv", 3);
    let manifest_path = t.session_root().join("manifest.json");
    let mut manifest: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&manifest_path).unwrap()).unwrap();
    let mut record = manifest["frames"]["tx"].clone();
    record["versions"][0]["file"] = "secret.1.arrow".into();
    record["versions"][0]["origin"]["source"] = secret.display().to_string().into();
    record["lineage"]["steps"][0]["action"]["source"] = secret.display().to_string().into();
    manifest["frames"]["secret"] = record;
    std::fs::write(&manifest_path, serde_json::to_vec(&manifest).unwrap()).unwrap();
    t.control.kill_worker_for_test().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(50));

    let frames = t.control.frames().unwrap();
    assert_eq!(frames.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["tx"], "{frames:?}");
    let notices = t.control.take_notices().join("\n");
    assert!(notices.contains("frame `secret` version 1"), "{notices}");
    assert!(notices.contains("is not a file this kernel loaded"), "{notices}");
}

#[test]
fn the_worker_sees_none_of_the_kernels_environment() {
    let t = TestSession::default("environment");
    assert!(std::env::var_os("CARGO_MANIFEST_DIR").is_some(), "cargo sets this for test processes");
    let pid = t.control.worker_pid().unwrap();
    let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap();
    let environ = String::from_utf8_lossy(&environ);
    let names: Vec<&str> = environ.split('\0').filter_map(|kv| kv.split('=').next()).filter(|n| !n.is_empty()).collect();
    let mut sorted: Vec<&str> = names.into_iter().filter(|n| *n != "POLARS_MAX_THREADS").collect();
    sorted.sort();
    assert_eq!(sorted, ["HOME", "LANG", "PATH", "TMPDIR"], "{environ}");
    assert!(environ.contains(&format!("TMPDIR={}", t.session_root().display())));
}
