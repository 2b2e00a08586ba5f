// A stand-in for the kernel binary in tests: the same hidden entry point (`worker`) calling the
// same function, so tests spawn real sandboxed processes.

use std::process::exit;

fn main() {
    let mut args = std::env::args_os().skip(1);
    let command = args.next().and_then(|a| a.into_string().ok()).unwrap_or_default();
    let code = match command.as_str() {
        "worker" => match fe_worker::service::ServiceArgs::parse(args) {
            Ok(args) => fe_worker::service::run(args),
            Err(e) => {
                eprintln!("fe-worker-test-host worker: {e}");
                2
            }
        },
        _ => {
            eprintln!("usage: fe-worker-test-host worker --session DIR [--max-versions N]");
            2
        }
    };
    exit(code);
}
