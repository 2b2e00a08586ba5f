// The command line of the real binary: refusing bad connection files with exit code 2,
// and installing / uninstalling the kernelspec.

mod common;

use std::process::{Command, Output};

use common::{binary, ScratchDir};

fn fekernel(args: &[&str]) -> Output {
    Command::new(binary()).args(args).output().expect("the fekernel binary runs")
}

#[test]
fn missing_connection_file_exits_2_with_a_clear_message() {
    let out = fekernel(&["run", "--connection-file", "/nonexistent/kernel-1.json"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot read connection file /nonexistent/kernel-1.json"), "{stderr}");
}

#[test]
fn malformed_connection_files_exit_2_naming_the_problem() {
    let scratch = ScratchDir::new("conn");
    let cases = [
        ("{\"shell_port\": ", "not valid JSON"),
        ("[1, 2]", "not a JSON object"),
        (r#"{"ip": "127.0.0.1", "key": "k", "shell_port": 1}"#, "missing or has a bad field"),
        (
            r#"{"ip": "127.0.0.1", "key": "k", "transport": "tcp", "signature_scheme": "hmac-md5",
                "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}"#,
            "not supported",
        ),
    ];
    for (i, (text, expected)) in cases.iter().enumerate() {
        let path = scratch.0.join(format!("bad-{i}.json"));
        std::fs::write(&path, text).unwrap();
        let out = fekernel(&["run", "--connection-file", path.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{text}: {stderr}");
        assert!(stderr.contains(expected), "{text}: {stderr}");
    }
}

#[test]
fn install_and_uninstall_under_a_prefix() {
    let scratch = ScratchDir::new("spec");
    let prefix = scratch.0.to_str().unwrap();
    let out = fekernel(&["install", "--prefix", prefix, "--name", "fe-cli-test"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let dir = scratch.0.join("share/jupyter/kernels/fe-cli-test");
    let spec: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("kernel.json")).unwrap()).unwrap();
    let argv: Vec<&str> = spec["argv"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
    assert_eq!(argv[1..], ["run", "--connection-file", "{connection_file}"]);
    assert_eq!(std::fs::canonicalize(argv[0]).unwrap(), std::fs::canonicalize(binary()).unwrap());
    assert_eq!(spec["interrupt_mode"], "message");
    assert_eq!(spec["language"], "rust");
    for logo in ["logo-32x32.png", "logo-64x64.png"] {
        assert!(std::fs::read(dir.join(logo)).unwrap().starts_with(b"\x89PNG"));
    }

    let out = fekernel(&["uninstall", "--prefix", prefix, "--name", "fe-cli-test"]);
    assert!(out.status.success());
    assert!(!dir.exists());
    let again = fekernel(&["uninstall", "--prefix", prefix, "--name", "fe-cli-test"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("no kernelspec named"));
}

#[test]
fn location_flags_are_exclusive() {
    let out = fekernel(&["install", "--user", "--prefix", "/tmp/x"]);
    assert_eq!(out.status.code(), Some(2));
}
