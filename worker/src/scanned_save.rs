// `%fe save` of a frame kept as a scan: the plan runs in the streaming engine straight into the
// file (batches in, batches out; the frame is never collected), then the file's rows are counted.

use std::path::Path;
use std::sync::Arc;

use polars::prelude::*;

use crate::atomic_file::{publish, tmp_path_for};
use crate::protocol::SaveFormat;

/// Rows per Parquet row group of a streamed save.
const ROW_GROUP_ROWS: usize = 512 * 512;

/// Streams `plan` into `path` (through a temporary file, published by rename); its rows and columns.
pub fn sink(plan: LazyFrame, format: SaveFormat, path: &Path) -> PolarsResult<(usize, usize)> {
    let tmp = tmp_path_for(path);
    let written = sink_into(plan, format, &tmp).and_then(|counted| {
        publish(&tmp, path).map_err(|e| PolarsError::ComputeError(format!("cannot publish the saved file: {e}").into()))?;
        Ok(counted)
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

fn sink_into(plan: LazyFrame, format: SaveFormat, tmp: &Path) -> PolarsResult<(usize, usize)> {
    let mut plan = crate::cell_runner::for_streaming(plan);
    let columns = plan.collect_schema()?.len();
    let target = SinkTarget::Path(PlRefPath::new(tmp.to_string_lossy().into_owned()));
    let file_format = match format {
        // Row groups of 512² rows (Python Polars' default): without a size the sink writes one
        // row group, so it holds the whole frame before writing it.
        SaveFormat::Parquet => FileWriteFormat::Parquet(Arc::new(ParquetWriteOptions { row_group_size: Some(ROW_GROUP_ROWS), ..Default::default() })),
        SaveFormat::Csv => FileWriteFormat::Csv(CsvWriterOptions::default()),
        SaveFormat::Arrow => FileWriteFormat::Ipc(IpcWriterOptions::default()),
    };
    plan.sink(SinkDestination::File { target }, file_format, UnifiedSinkArgs::default())?
        .collect_with_engine(Engine::Streaming)?;
    Ok((written_rows(format, tmp)?, columns))
}

/// Rows of a file just written (Parquet and IPC from their metadata, CSV by a streaming count).
fn written_rows(format: SaveFormat, path: &Path) -> PolarsResult<usize> {
    let path = PlRefPath::new(path.to_string_lossy().into_owned());
    let scan = match format {
        SaveFormat::Parquet => LazyFrame::scan_parquet(path, ScanArgsParquet::default())?,
        SaveFormat::Csv => LazyCsvReader::new(path).with_has_header(true).finish()?,
        SaveFormat::Arrow => LazyFrame::scan_ipc(path, Default::default(), Default::default())?,
    };
    let counted = scan.select([len()]).collect_with_engine(Engine::Streaming)?.unwrap_single();
    let rows = counted.column("len")?.get(0)?.extract::<u64>().unwrap_or(0);
    Ok(rows as usize)
}
