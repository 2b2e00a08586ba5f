// Frames kept as scans: each version is a plan over its source (the scan plus the recorded
// steps, never data) and a sample of it (the source's first rows, through the same steps).
//
// Nothing here holds the data: `show` and `save` run the plan in the streaming engine, `schema`,
// previews and the change summary use the sample, and a restart re-plans from the steps. A step
// whose plan would hold every row while the frame is too large for that is refused (`check_fits`).

use std::collections::BTreeMap;

use polars::prelude::*;

use crate::cell_runner::{self, Plans};
use crate::lineage::{Step, StepAction};
use crate::protocol::Failure;
use crate::scan_source::OpenScan;

/// Rows of the source a scanned frame's sample holds (its schema statistics, previews, change
/// summaries and evaluations are computed on it).
pub const SAMPLE_ROWS: usize = 10_000;

/// One version of a scanned frame.
#[derive(Clone)]
pub struct ScannedVersion {
    pub plan: LazyFrame,
    pub schema: SchemaRef,
    /// The first `SAMPLE_ROWS` rows of the source, through this version's steps.
    pub sample: DataFrame,
}

/// A frame kept as a scan: its open source and the plans of its kept versions.
pub struct ScannedFrame {
    pub scan: OpenScan,
    /// The version the scan was loaded as.
    pub loaded_as: u32,
    pub versions: BTreeMap<u32, ScannedVersion>,
}

impl ScannedFrame {
    /// The version a scan is loaded as: the scan itself, and its first rows.
    pub fn load(scan: OpenScan, version: u32) -> PolarsResult<ScannedFrame> {
        let mut plan = scan.plan()?;
        let schema = plan.collect_schema()?;
        let sample = cell_runner::collect_streaming(plan.clone().limit(SAMPLE_ROWS as IdxSize))?;
        let mut versions = BTreeMap::new();
        versions.insert(version, ScannedVersion { plan, schema, sample });
        Ok(ScannedFrame { scan, loaded_as: version, versions })
    }

    /// Re-plans `version` from the loaded scan and the recorded `steps` (those after the load
    /// up to `version`), with `others` as the plans of the frames the steps read.
    pub fn replan(&mut self, name: &str, version: u32, steps: &[Step], others: &OtherFrames) -> Result<ScannedVersion, String> {
        if let Some(known) = self.versions.get(&version) {
            return Ok(known.clone());
        }
        let loaded = self.versions.get(&self.loaded_as).cloned().ok_or("its load is not planned")?;
        let mut current = loaded;
        for step in steps.iter().filter(|s| s.version > self.loaded_as && s.version <= version) {
            let StepAction::Apply { code, .. } = &step.action else {
                return Err(format!("version {} is not an apply of the scanned source", step.version));
            };
            let unchanged = format!("frame `{name}` version {} was not re-planned", step.version);
            current = next_version(name, &current, code, 1, others, &unchanged).map_err(|f| f.message)?.0;
            self.versions.insert(step.version, current.clone());
        }
        if !self.versions.contains_key(&version) {
            return Err(format!("no recorded step made version {version}"));
        }
        Ok(current)
    }
}

/// The other frames a step may read: as plans (for the version's plan) and as samples (for
/// its sample: a scanned frame's sample, a frame in memory whole).
#[derive(Clone, Default)]
pub struct OtherFrames {
    pub plans: Plans,
    pub samples: Plans,
}

/// The version `code` makes of `base`: its plan (checked, not run) and its sample (run), with
/// the columns the code reads.
pub fn next_version(
    name: &str,
    base: &ScannedVersion,
    code: &str,
    first_line: u32,
    others: &OtherFrames,
    unchanged: &str,
) -> Result<(ScannedVersion, Vec<String>), Failure> {
    let mut plans = others.plans.clone();
    plans.insert(name.to_string(), base.plan.clone());
    let planned = cell_runner::plan(code, first_line, name, &plans, unchanged)?;
    let mut samples = others.samples.clone();
    samples.insert(name.to_string(), base.sample.clone().lazy());
    let sample = cell_runner::run_plans(code, first_line, name, &samples, unchanged, Default::default())?.frame;
    Ok((ScannedVersion { plan: planned.plan, schema: planned.schema, sample }, planned.columns_read))
}

/// Refuses `version` when its plan still has operations that hold every row (see
/// `fe_lang::unstreamed_operations`) and the frame's estimated size in memory is above half of
/// `limit` (the worker's RLIMIT_DATA): the message names the operations and both sizes.
#[cfg(feature = "lang")]
pub fn check_fits(name: &str, version: &ScannedVersion, scan: &crate::scan_source::ScanRecord, limit: Option<u64>) -> Result<(), String> {
    let Some(limit) = limit else { return Ok(()) };
    let operations = fe_lang::unstreamed_operations(&cell_runner::for_streaming(version.plan.clone()));
    if operations.is_empty() {
        return Ok(());
    }
    let estimated = estimated_bytes(version, scan);
    if estimated <= limit / 2 {
        return Ok(());
    }
    use crate::limits::format_bytes;
    Err(format!(
        "{} need{} every row in memory, and frame `{name}` is estimated at {} in memory ({}) against the worker's memory limit of {}; \
         filter, select fewer columns or aggregate first, or raise the limit with `%fe config memory=…`",
        in_words(&operations),
        if operations.len() == 1 { "s" } else { "" },
        format_bytes(estimated),
        match scan.rows() {
            Some(rows) => format!("{rows} rows of the source at {} per row of its sample", format_bytes(bytes_per_row(version) as u64)),
            None => "the size of its files".to_string(),
        },
        format_bytes(limit)
    ))
}

#[cfg(not(feature = "lang"))]
pub fn check_fits(_name: &str, _version: &ScannedVersion, _scan: &crate::scan_source::ScanRecord, _limit: Option<u64>) -> Result<(), String> {
    Ok(())
}

/// "a", "a and b", "a, b and c".
fn in_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The frame's size in memory: the source's rows times the sample's bytes per row, or the size of
/// its files when the format does not say how many rows it has.
pub fn estimated_bytes(version: &ScannedVersion, scan: &crate::scan_source::ScanRecord) -> u64 {
    match scan.rows() {
        Some(rows) => (rows as f64 * bytes_per_row(version)) as u64,
        None => scan.bytes(),
    }
}

fn bytes_per_row(version: &ScannedVersion) -> f64 {
    let rows = version.sample.height().max(1);
    version.sample.estimated_size() as f64 / rows as f64
}

/// The worker's memory limit (RLIMIT_DATA), if it has one.
pub fn memory_limit() -> Option<u64> {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit writes into the struct we pass.
    let read = unsafe { libc::getrlimit(libc::RLIMIT_DATA, &mut limit) } == 0;
    (read && limit.rlim_cur != libc::RLIM_INFINITY).then_some(limit.rlim_cur)
}
