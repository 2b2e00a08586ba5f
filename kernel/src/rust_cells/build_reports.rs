// When cargo (run by evcxr) starts this binary as its rustc wrapper, reports each crate to the
// kernel's build log: begun, really compiled (not copied from evcxr's cache), ended.
//
// Three processes per crate, all this binary: (1) cargo's wrapper writes `begin`, runs (2) and
// writes `end`; (2) is evcxr's own wrapper (its build cache), told that "rustc" is (3); (3) runs
// only when evcxr's cache misses, writes `compiling`, and becomes the real rustc.

use std::ffi::OsString;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;

use super::build_log::BuildEvent;

/// Set (with `:build_env`) by the kernel for cargo: the build log to append to.
pub const BUILD_LOG_ENV: &str = "FEKERNEL_BUILD_LOG";
/// What evcxr sets when it makes cargo run this binary as rustc wrapper (`evcxr::runtime_hook`
/// reads the same variable).
const EVCXR_WRAPPER_ENV: &str = "EVCXR_RUSTC_WRAPPER";
/// Set by cargo for every rustc it runs for a package.
const PACKAGE_NAME_ENV: &str = "CARGO_PKG_NAME";
const PACKAGE_VERSION_ENV: &str = "CARGO_PKG_VERSION";
/// Set by cargo for the rustc compiling one of the package's crates (not for build scripts' probes).
const CRATE_NAME_ENV: &str = "CARGO_CRATE_NAME";
/// Process (1) to (2) and (3): the unit's id, and the real rustc.
const UNIT_ENV: &str = "FEKERNEL_BUILD_UNIT";
const REAL_RUSTC_ENV: &str = "FEKERNEL_REAL_RUSTC";
/// Process (1) to (2) only: "you are evcxr's wrapper" (removed by (2), so (3) does not inherit it).
const EVCXR_STAGE_ENV: &str = "FEKERNEL_BUILD_EVCXR_STAGE";

/// Called first in `main`: returns at once unless this process is one of the three above; (1)
/// and (3) never return, (2) returns to let `evcxr::runtime_hook` do its work.
pub fn report_if_rustc_wrapper() {
    let Some(log) = std::env::var_os(BUILD_LOG_ENV) else {
        return;
    };
    if std::env::var_os(EVCXR_WRAPPER_ENV).is_none() {
        return;
    }
    let log = Path::new(&log);
    match std::env::var(UNIT_ENV) {
        Err(_) => {
            if let (Ok(package), Ok(version), true) =
                (std::env::var(PACKAGE_NAME_ENV), std::env::var(PACKAGE_VERSION_ENV), compiles_a_crate())
            {
                wrap_unit(log, package, version);
            }
            // Cargo asking rustc about itself (`-vV`, `--print`): evcxr's wrapper as usual.
        }
        Ok(_) if std::env::var_os(EVCXR_STAGE_ENV).is_some() => {
            // Single-threaded still: nothing else reads the environment yet.
            std::env::remove_var(EVCXR_STAGE_ENV);
        }
        Ok(unit) => become_rustc(log, unit),
    }
}

/// Whether rustc is asked to compile one of the package's crates: cargo names the crate it
/// compiles in `CARGO_CRATE_NAME`. Not a crate: cargo's queries (`--crate-name ___`) and the probes
/// build scripts compile while they run (autocfg's `autocfg_<hash>_0`, …), which would otherwise
/// be reported as the package compiling although its crate came from evcxr's cache.
fn compiles_a_crate() -> bool {
    let mut args = std::env::args_os();
    let mut crate_name = None;
    while let Some(arg) = args.next() {
        if arg == "--crate-name" {
            crate_name = args.next();
            break;
        }
    }
    is_cargo_unit(crate_name.as_deref().and_then(|n| n.to_str()), std::env::var(CRATE_NAME_ENV).ok().as_deref())
}

fn is_cargo_unit(crate_name: Option<&str>, cargo_crate_name: Option<&str>) -> bool {
    matches!((crate_name, cargo_crate_name), (Some(name), Some(cargo)) if name == cargo && name != "___")
}

/// Process (1): `argv` is `[this binary, rustc, rustc's arguments…]`.
fn wrap_unit(log: &Path, package: String, version: String) -> ! {
    let mut args = std::env::args_os().skip(1);
    let rustc = args.next().unwrap_or_else(|| OsString::from("rustc"));
    let rest: Vec<OsString> = args.collect();
    let unit = format!("{}-{}", std::process::id(), unique_suffix());
    // A log that cannot be written must not fail the build: the reports are only a view of it.
    let _ = BuildEvent::Begin { unit: unit.clone(), package, version }.append_to(log);
    let this = std::env::current_exe().unwrap_or_else(|_| std::env::args_os().next().unwrap_or_default().into());
    let status = Command::new(&this)
        .arg(&this)
        .args(&rest)
        .env(UNIT_ENV, &unit)
        .env(REAL_RUSTC_ENV, &rustc)
        .env(EVCXR_STAGE_ENV, "1")
        .status();
    let code = match status {
        Ok(status) => status.code().unwrap_or(101),
        Err(error) => {
            eprintln!("fekernel: could not run evcxr's rustc wrapper: {error}");
            101
        }
    };
    let _ = BuildEvent::End { unit, succeeded: code == 0 }.append_to(log);
    std::process::exit(code);
}

/// Process (3): evcxr's cache missed; say so, then run the real rustc in this process.
fn become_rustc(log: &Path, unit: String) -> ! {
    let _ = BuildEvent::Compiling { unit }.append_to(log);
    let rustc = std::env::var_os(REAL_RUSTC_ENV).unwrap_or_else(|| OsString::from("rustc"));
    let error = Command::new(&rustc)
        .args(std::env::args_os().skip(1))
        .env_remove(UNIT_ENV)
        .env_remove(REAL_RUSTC_ENV)
        .exec();
    eprintln!("fekernel: could not run {}: {error}", Path::new(&rustc).display());
    std::process::exit(101);
}

/// Process ids are reused over a long build; the clock's nanoseconds tell two units apart.
fn unique_suffix() -> u32 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::is_cargo_unit;

    #[test]
    fn only_the_crates_cargo_compiles_are_units() {
        assert!(is_cargo_unit(Some("num_traits"), Some("num_traits")));
        assert!(is_cargo_unit(Some("build_script_build"), Some("build_script_build")));
        // autocfg's probe while num-traits' build script runs; cargo's own query of rustc.
        assert!(!is_cargo_unit(Some("autocfg_ed266adcf4c125f1_0"), None));
        assert!(!is_cargo_unit(Some("___"), None));
        assert!(!is_cargo_unit(None, Some("num_traits")));
    }
}
