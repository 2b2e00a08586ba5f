// The worker's schema summary (statistics computed where the data lives) as the LLM layer's
// frame profile. Nothing but statistics crosses: no rows.

use fe_worker::protocol::SchemaSummary;

use crate::llm::profile::{ColumnProfile, FrameProfile};

pub fn from_schema(summary: &SchemaSummary) -> FrameProfile {
    FrameProfile {
        name: summary.name.clone(),
        rows: summary.rows,
        columns: summary
            .columns
            .iter()
            .map(|c| ColumnProfile {
                name: c.name.clone(),
                dtype: c.dtype.clone(),
                nulls: c.nulls,
                unique: c.unique,
                min: c.min.clone(),
                max: c.max.clone(),
                mean: c.mean,
                top_values: c.top_values.clone(),
            })
            .collect(),
    }
}
