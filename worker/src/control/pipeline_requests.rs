// The kernel-side calls of `%fe export` and `%fe evaluate`: a frame's lineage, and an evaluation
// computed by the worker (where the data is).

use super::{unexpected, WorkerControl, WorkerError};
use crate::evaluation::EvaluationReport;
use crate::lineage::FrameLineage;
use crate::protocol::{Reply, Request};

impl WorkerControl {
    /// The steps that built the current version of `name`, since its last load.
    pub fn lineage(&self, name: &str) -> Result<FrameLineage, WorkerError> {
        match self.request(Request::Lineage { name: name.into() })? {
            Reply::Lineage(lineage) => Ok(lineage),
            other => Err(unexpected(other)),
        }
    }

    /// Statistics of `features` (default: the columns added since the load) against `target`.
    pub fn evaluate(&self, name: &str, target: &str, features: Option<Vec<String>>) -> Result<EvaluationReport, WorkerError> {
        let request = Request::Evaluate { name: name.into(), target: target.into(), features };
        match self.request(request)? {
            Reply::Evaluation(report) => Ok(report),
            other => Err(unexpected(other)),
        }
    }
}
