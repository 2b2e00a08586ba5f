// The live line a Rust cell shows while its dependencies build: how many crates of how many,
// which are compiling now, how many came from evcxr's cache, and the time so far.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossbeam_channel::Receiver;

use super::build_log::{BuildEvent, BuildLogReader};
use super::crate_count::count_in_background;
use crate::display::{escape_html, text_and_html};
use crate::server::publisher::CellIo;

/// The package evcxr generates for the cell's code (compiled for every cell; not a dependency).
const CELL_PACKAGE: &str = "ctx";
/// The live line is replaced at most this often.
const UPDATE_EVERY: Duration = Duration::from_millis(500);

/// Follows one cell's build; shows nothing unless a dependency builds.
pub struct BuildProgress {
    reader: Option<BuildLogReader>,
    crate_dir: Option<PathBuf>,
    state: BuildState,
    total: Option<usize>,
    total_pending: Option<Receiver<usize>>,
    display_id: String,
    shown: Option<Shown>,
}

struct Shown {
    since: Instant,
    last_update: Instant,
    last_text: String,
}

/// What the events so far say.
#[derive(Default)]
struct BuildState {
    packages: BTreeMap<String, PackageState>,
    /// Running units: their package (`name version`) and whether rustc really compiles them.
    units: HashMap<String, (String, bool)>,
    cell_compiling: bool,
    failed: bool,
}

#[derive(Default)]
struct PackageState {
    compiled: bool,
}

impl BuildProgress {
    /// `reader` is None when the evaluator has no build log (then nothing is shown).
    pub fn new(reader: Option<BuildLogReader>, crate_dir: Option<PathBuf>) -> BuildProgress {
        BuildProgress {
            reader,
            crate_dir,
            state: BuildState::default(),
            total: None,
            total_pending: None,
            display_id: format!("fe-rust-build-{}", uuid::Uuid::new_v4().simple()),
            shown: None,
        }
    }

    /// Reads new events and refreshes the live line (at most every `UPDATE_EVERY`).
    pub fn poll(&mut self, io: &CellIo) {
        let Some(reader) = self.reader.as_mut() else {
            return;
        };
        for event in reader.new_events() {
            self.state.apply(event);
        }
        if let Some(count) = self.total_pending.as_ref().and_then(|r| r.try_recv().ok()) {
            self.total = Some(count);
            self.total_pending = None;
        }
        if self.state.packages.is_empty() {
            return;
        }
        let now = Instant::now();
        match &mut self.shown {
            None => {
                if let Some(dir) = self.crate_dir.clone() {
                    self.total_pending = Some(count_in_background(dir));
                }
                let text = self.state.running_text(self.total, Duration::ZERO);
                io.display(bundle(&text), Some(&self.display_id));
                self.shown = Some(Shown { since: now, last_update: now, last_text: text });
            }
            Some(shown) if now - shown.last_update >= UPDATE_EVERY => {
                let text = self.state.running_text(self.total, now - shown.since);
                if text != shown.last_text {
                    io.update_display(bundle(&text), &self.display_id);
                    shown.last_text = text;
                }
                shown.last_update = now;
            }
            Some(_) => {}
        }
    }

    /// After the cell: replaces the live line with a summary (if it was shown at all).
    pub fn finish(mut self, io: &CellIo) {
        self.poll_events_only();
        if let Some(shown) = &self.shown {
            let text = self.state.summary_text(shown.since.elapsed());
            io.update_display(bundle(&text), &self.display_id);
        }
    }

    fn poll_events_only(&mut self) {
        if let Some(reader) = self.reader.as_mut() {
            for event in reader.new_events() {
                self.state.apply(event);
            }
        }
    }
}

impl BuildState {
    fn apply(&mut self, event: BuildEvent) {
        match event {
            BuildEvent::Begin { unit, package, version } => {
                if package == CELL_PACKAGE {
                    self.cell_compiling = true;
                    return;
                }
                let key = format!("{package} {version}");
                self.packages.entry(key.clone()).or_default();
                self.units.insert(unit, (key, false));
            }
            BuildEvent::Compiling { unit } => {
                if let Some((key, compiling)) = self.units.get_mut(&unit) {
                    *compiling = true;
                    if let Some(package) = self.packages.get_mut(key) {
                        package.compiled = true;
                    }
                }
            }
            BuildEvent::End { unit, succeeded } => {
                // Only dependencies: evcxr compiles a cell more than once, expecting failures.
                if self.units.remove(&unit).is_some() {
                    self.failed |= !succeeded;
                }
            }
        }
    }

    fn compiled(&self) -> usize {
        self.packages.values().filter(|p| p.compiled).count()
    }

    /// e.g. "Building the cell's dependencies: 57 of 181 crates (40 from evcxr's build cache) ·
    /// compiling polars-core, polars-arrow · 3 min 12 s".
    fn running_text(&self, total: Option<usize>, elapsed: Duration) -> String {
        let seen = self.packages.len();
        let count = match total {
            Some(total) => format!("{seen} of {}", crates(total.max(seen))),
            None => format!("{} so far", crates(seen)),
        };
        let reused = seen - self.compiled();
        let mut compiling: Vec<&str> = self
            .units
            .values()
            .filter(|(_, compiling)| *compiling)
            .map(|(key, _)| key.split(' ').next().unwrap_or(key))
            .collect();
        compiling.sort_unstable();
        compiling.dedup();
        let now = if !compiling.is_empty() {
            format!("compiling {}", compiling.join(", "))
        } else if !self.units.is_empty() {
            "copying from evcxr's build cache".to_string()
        } else if self.cell_compiling {
            "compiling the cell".to_string()
        } else {
            // Between rustc runs cargo runs build scripts (which are not rustc).
            "running build scripts".to_string()
        };
        format!(
            "Building the cell's dependencies: {count} ({reused} from evcxr's build cache) · {now} · {}",
            duration_words(elapsed)
        )
    }

    /// e.g. "Dependencies built: 181 crates (181 compiled, 0 from evcxr's build cache) in 11 min 56 s".
    fn summary_text(&self, elapsed: Duration) -> String {
        let seen = self.packages.len();
        let compiled = self.compiled();
        let head = if self.failed { "Dependency build failed" } else { "Dependencies built" };
        format!(
            "{head}: {} ({compiled} compiled, {} from evcxr's build cache) in {}",
            crates(seen),
            seen - compiled,
            duration_words(elapsed)
        )
    }
}

fn bundle(text: &str) -> crate::server::interpreter::MimeBundle {
    text_and_html(text.to_string(), format!("<p><code>{}</code></p>", escape_html(text)))
}

fn crates(count: usize) -> String {
    if count == 1 { "1 crate".to_string() } else { format!("{count} crates") }
}

fn duration_words(elapsed: Duration) -> String {
    let seconds = elapsed.as_secs();
    match seconds {
        0..=59 => format!("{seconds} s"),
        _ => format!("{} min {} s", seconds / 60, seconds % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn begin(unit: &str, package: &str) -> BuildEvent {
        BuildEvent::Begin { unit: unit.into(), package: package.into(), version: "1.0.0".into() }
    }

    #[test]
    fn the_line_counts_crates_and_names_what_compiles() {
        let mut state = BuildState::default();
        state.apply(begin("1", "polars-core"));
        state.apply(BuildEvent::Compiling { unit: "1".into() });
        state.apply(begin("2", "polars-arrow"));
        // A build script and the library of one package count as one crate.
        state.apply(begin("3", "libc"));
        state.apply(BuildEvent::End { unit: "3".into(), succeeded: true });
        state.apply(begin("4", "libc"));
        let text = state.running_text(Some(180), Duration::from_secs(192));
        assert_eq!(
            text,
            "Building the cell's dependencies: 3 of 180 crates (2 from evcxr's build cache) · compiling polars-core · 3 min 12 s"
        );
        assert!(state.running_text(None, Duration::from_secs(5)).contains("3 crates so far"));
    }

    #[test]
    fn the_cell_itself_is_not_a_dependency() {
        let mut state = BuildState::default();
        state.apply(begin("1", "itoa"));
        state.apply(BuildEvent::End { unit: "1".into(), succeeded: true });
        state.apply(begin("2", CELL_PACKAGE));
        state.apply(BuildEvent::Compiling { unit: "2".into() });
        state.apply(BuildEvent::End { unit: "2".into(), succeeded: false });
        state.apply(begin("3", CELL_PACKAGE));
        assert!(state.running_text(Some(1), Duration::ZERO).contains("1 of 1 crate (1 from evcxr's build cache) · compiling the cell"));
        assert_eq!(
            state.summary_text(Duration::from_secs(41)),
            "Dependencies built: 1 crate (0 compiled, 1 from evcxr's build cache) in 41 s"
        );
    }

    #[test]
    fn a_failed_unit_shows_in_the_summary() {
        let mut state = BuildState::default();
        state.apply(begin("1", "broken"));
        state.apply(BuildEvent::Compiling { unit: "1".into() });
        state.apply(BuildEvent::End { unit: "1".into(), succeeded: false });
        assert!(state.summary_text(Duration::from_secs(3)).starts_with("Dependency build failed: 1 crate (1 compiled"));
    }
}
