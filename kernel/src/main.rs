// fekernel: a Jupyter kernel for LLM-assisted feature engineering on Polars frames.
// The CLI: `run` (serve a connection file), `install`/`uninstall` (kernelspec).

mod cells;
mod cpu_check;
mod display;
mod frame_commands;
mod kernelspec;
mod llm;
mod magics;
mod pipeline_commands;
mod protocol;
mod rust_cells;
mod rust_frames;
mod search;
mod server;
mod small_heap;
mod suggest;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand};

use crate::kernelspec::Location;
use crate::protocol::connection::ConnectionFile;
use crate::server::comms::CommRegistry;
use crate::server::interpreter::Interpreter;

/// Exit code for a missing or malformed connection file (and other usage errors).
const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(name = "fekernel", version, about = "A Jupyter kernel for Rust and LLM-assisted feature engineering on Polars frames")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the Jupyter protocol on the sockets named in a connection file.
    Run {
        /// The connection file written by the Jupyter client.
        #[arg(long, short = 'f', value_name = "FILE")]
        connection_file: PathBuf,
    },
    /// Install the kernelspec so Jupyter can launch this binary.
    Install {
        #[command(flatten)]
        location: LocationArgs,
        /// The kernelspec's name (its folder under `kernels/`).
        #[arg(long, default_value = kernelspec::DEFAULT_NAME)]
        name: String,
        /// The name shown in the launcher (default: "Rust + Polars features (fekernel)").
        #[arg(long)]
        display_name: Option<String>,
        /// Also build the Rust cells' polars into evcxr's build cache now (minutes, once per
        /// machine), so the first `%fe to-rust` does not compile it.
        #[arg(long)]
        prebuild_rust: bool,
    },
    /// The sandboxed worker process (started by the kernel; not for direct use).
    #[command(hide = true, disable_help_flag = true)]
    Worker {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<std::ffi::OsString>,
    },
    /// Remove an installed kernelspec.
    Uninstall {
        #[command(flatten)]
        location: LocationArgs,
        #[arg(long, default_value = kernelspec::DEFAULT_NAME)]
        name: String,
    },
}

#[derive(Args)]
#[group(multiple = false)]
struct LocationArgs {
    /// The Jupyter user data directory ($JUPYTER_DATA_DIR or ~/.local/share/jupyter); the default.
    #[arg(long)]
    user: bool,
    /// The active Python environment ($VIRTUAL_ENV, else python3's sys.prefix).
    #[arg(long)]
    sys_prefix: bool,
    /// DIR/share/jupyter.
    #[arg(long, value_name = "DIR")]
    prefix: Option<PathBuf>,
}

impl LocationArgs {
    fn location(self) -> Location {
        match (self.sys_prefix, self.prefix) {
            (true, _) => Location::SysPrefix,
            (false, Some(dir)) => Location::Prefix(dir),
            (false, None) => Location::User,
        }
    }
}

fn main() -> ExitCode {
    // Before anything that may use the compiled-in CPU features (this check itself does not).
    let missing = cpu_check::missing_features();
    if !missing.is_empty() {
        eprintln!("fekernel: {}", cpu_check::refusal(&missing));
        return ExitCode::from(1);
    }
    // evcxr re-executes this binary as its runtime child and as a rustc wrapper: first after the
    // CPU check (which has no side effects). As rustc wrapper it first reports to the kernel.
    rust_cells::report_if_rustc_wrapper();
    evcxr::runtime_hook();
    init_logging();
    match Cli::parse().command {
        Command::Run { connection_file } => run(connection_file),
        // The worker locks itself down before any thread starts: nothing above may spawn one.
        Command::Worker { args } => match fe_worker::service::ServiceArgs::parse(args) {
            Ok(args) => exit_code(fe_worker::service::run(args)),
            Err(message) => usage_failure("worker", &message),
        },
        Command::Install { location, name, display_name, prebuild_rust } => {
            match kernelspec::install(&location.location(), &name, display_name.as_deref()) {
                Ok(dir) => println!("Installed kernelspec {name} in {}", dir.display()),
                Err(error) => return fail(&error, 1),
            }
            if !prebuild_rust {
                return ExitCode::SUCCESS;
            }
            match rust_frames::prebuild::prebuild_polars() {
                Ok(took) => {
                    println!("The Rust cells' polars is in evcxr's build cache ({:.0} s).", took.as_secs_f64());
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    eprintln!("fekernel install --prebuild-rust: {message}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Uninstall { location, name } => match kernelspec::uninstall(&location.location(), &name) {
            Ok(dir) => {
                println!("Removed kernelspec {name} from {}", dir.display());
                ExitCode::SUCCESS
            }
            Err(error) => fail(&error, 1),
        },
    }
}

/// Logs go to stderr (Jupyter shows or collects them); level from FEKERNEL_LOG, default warn.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("FEKERNEL_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let colour = std::io::IsTerminal::is_terminal(&std::io::stderr());
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(colour).init();
}

fn run(connection_file: PathBuf) -> ExitCode {
    let connection = match ConnectionFile::load(&connection_file) {
        Ok(connection) => connection,
        Err(error) => return fail(&error, EXIT_USAGE),
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => return fail(&error, 1),
    };
    let interpreter: Arc<dyn Interpreter> = cells::FeInterpreter::new();
    let comms = CommRegistry::new();
    let outcome = runtime.block_on(server::serve(&connection, interpreter, comms));
    // A cell stuck in native code must not keep the process alive after shutdown.
    runtime.shutdown_background();
    match outcome {
        Ok(shutdown) => {
            tracing::info!(restart = shutdown.restart, "kernel stopped");
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error, 1),
    }
}

fn exit_code(code: i32) -> ExitCode {
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

fn usage_failure(command: &str, message: &str) -> ExitCode {
    eprintln!("fekernel {command}: {message}");
    ExitCode::from(EXIT_USAGE)
}

fn fail(error: &dyn std::error::Error, code: u8) -> ExitCode {
    eprintln!("fekernel: {error}");
    ExitCode::from(code)
}
