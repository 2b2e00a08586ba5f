// Drives Notebook 7 in Debian's chromium as a user would: opens a notebook on its own page, runs
// every cell from the Run menu, checks what rendered (HTML tables, SVG charts, the refusal's error),
// checks the `%%fe apply` cell that the suggestion inserted below itself and runs it, then types a
// long apply into a new cell, runs it and stops it with the toolbar's interrupt button.
// Environment: see page_session.mjs. Exit code 0 when every check passed; report.json says what was seen.

import assert from "node:assert/strict";
import {
  CELL_TIMEOUT, NOTEBOOK, approveInsertedCell, assertErrors, cellAt, cellCount, cells, checkInsertedApplyCell, drive,
  errorLines, finishedPrompt, log, openNotebook, prompt, report, revealCell, runCell, saveNotebook, screenshot, source, startCell, tags,
  waitForCellCount, waitIdle,
} from "./page_session.mjs";

// Every cell of the quickstart, evcxr's start and the evaluation included, took about a minute.
const RUN_ALL_TIMEOUT = Number(process.env.RUN_ALL_TIMEOUT_MS || 900_000);
// A cross join of 36 million rows: long enough to interrupt (tests/python/test_frames.py uses it too).
const SLOW_APPLY = "%%fe apply tx\n"
  + "a = df.select(pl.int_range(0, 6_000).alias('a'))\n"
  + "b = a.join(a, how='cross').with_columns(h=(pl.col('a') * 7919 % 1000).cast(pl.String))\n"
  + "df = df.with_columns(n=pl.lit(b.group_by('h').agg(pl.col('a').sort().sum()).height))";

async function frameVersion(page, index, name) {
  const cell = await revealCell(page, index);
  const text = await cell.locator(".jp-OutputArea").innerText();
  const words = text.split("\n").map((l) => l.trim().split(/\s+/)).find((w) => w[0] === name);
  assert.ok(words, `no frame ${name} in the %fe frames output:\n${text}`);
  return Number(words[3]);
}

/// A new code cell below the last one (toolbar "+"), its text inserted as a paste would (no
/// auto-indent or bracket closing), and run. Returns its index.
async function appendCell(page, text) {
  const last = (await cellCount(page)) - 1;
  await cellAt(page, last).locator(".jp-InputPrompt").click();
  await page.locator('.jp-NotebookPanel-toolbar jp-button[data-command="notebook:insert-cell-below"]').click();
  await waitForCellCount(page, last + 2);
  const cell = cellAt(page, last + 1);
  await cell.locator(".cm-content").click();
  await page.keyboard.insertText(text);
  assert.equal(await cell.locator(".cm-content").innerText(), text);
  return last + 1;
}

async function main(page) {
  const codeCells = cells.map((c, i) => [c, i]).filter(([c]) => c.cell_type === "code");
  const suggestIndex = cells.findIndex((c) => c.cell_type === "code" && source(c).startsWith("%%fe suggest"));
  assert.ok(suggestIndex >= 0, "the notebook has no %%fe suggest cell");
  assert.ok(!/mode=direct/.test(cells.slice(0, suggestIndex).map(source).join("\n")), "the first %%fe suggest must run in review mode");
  // Where each cell of the file is in the page once the suggestion inserted its cell below itself.
  const shown = (i) => (i <= suggestIndex ? i : i + 1);

  await openNotebook(page, `/notebooks/${encodeURI(NOTEBOOK)}`);
  await screenshot(page, "01-notebook-open", `${NOTEBOOK} open in Notebook 7, kernel "${report.kernelName}" idle`);

  // Run → Run All Cells. The refusal's cell is tagged raises-exception: Notebook sends it with
  // stop_on_error false, so the cells queued behind it must still run.
  const started = Date.now();
  await page.locator(".lm-MenuBar-itemLabel", { hasText: /^Run$/ }).click();
  await page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click();
  await waitForCellCount(page, cells.length + 1);
  for (const [, i] of codeCells) {
    await assert.doesNotReject(finishedPrompt(cellAt(page, shown(i))).waitFor({ timeout: RUN_ALL_TIMEOUT }), `cell ${i} did not run`);
  }
  await waitIdle(page);
  report.runAllSeconds = (Date.now() - started) / 1000;
  report.cellsRun += codeCells.length;
  log(`Run All Cells: ${codeCells.length} cells in ${report.runAllSeconds} s`);
  // Running the inserted cell is the approval: Run All, which listed the cells before, must not.
  assert.match(await prompt(await revealCell(page, suggestIndex + 1)).innerText(), /^\[\s*\]:$/, "Run All ran the inserted cell");

  let refusal = null;
  let evaluate = null;
  let show = null;
  for (const [cell, i] of codeCells) {
    const dom = await revealCell(page, shown(i));
    const raises = tags(cell).includes("raises-exception");
    await assertErrors(dom, i, raises);
    if (raises && source(cell).includes("map_elements")) refusal = dom;
    if (source(cell).startsWith("%fe evaluate")) evaluate = dom;
    if (source(cell).startsWith("%fe show")) show = dom;
  }
  assert.ok(refusal && evaluate && show, "the notebook lacks the refusal, %fe evaluate or %fe show cell");

  await refusal.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const [refused] = await errorLines(refusal);
  assert.match(refused, /^RejectedCode: line \d+, column \d+: `map_elements`/);
  assert.match(refused, /frame `tx` is still at version \d+/);
  report.refusal = refused.split("\n")[0];
  await screenshot(page, "02-refusal", "the refused map_elements cell: RejectedCode with line, column and hint", refusal);

  const table = show.locator(".jp-OutputArea-output .fe-frame table.dataframe");
  report.showRows = await table.locator("tbody tr").count();
  assert.ok(report.showRows > 0, "the %fe show table has no rows");
  await screenshot(page, "03-show-table", `%fe show: an HTML table of ${report.showRows} rows`, show);

  const svg = evaluate.locator('.jp-OutputArea-output[data-mime-type="image/svg+xml"]');
  report.svgOutputs = await svg.count();
  assert.ok(report.svgOutputs > 0, "%fe evaluate drew no image/svg+xml histogram");
  // An untrusted notebook shows SVG as an <img> of the SVG (a trusted one inline): either way a
  // picture with a size.
  await svg.first().evaluate((el) => el.scrollIntoView({ block: "center" }));
  const picture = await svg.first().locator("img, svg").first().boundingBox();
  assert.ok(picture && picture.width > 50 && picture.height > 50, `the SVG histogram did not render: ${JSON.stringify(picture)}`);
  await screenshot(page, "04-evaluate-svg", `%fe evaluate: ${report.svgOutputs} SVG histogram(s)`, svg.first());

  // The suggestion's set_next_input: the apply cell right below the suggestion, in the page too.
  const insertedIndex = suggestIndex + 1;
  const { inserted, firstLine, newColumns } = await checkInsertedApplyCell(page, suggestIndex, insertedIndex);
  const suggestBox = await cellAt(page, suggestIndex).boundingBox();
  const insertedBox = await inserted.boundingBox();
  assert.ok(insertedBox.y >= suggestBox.y + suggestBox.height - 1, `the inserted cell is not below the suggestion: ${JSON.stringify({ suggestBox, insertedBox })}`);
  await screenshot(page, "05-suggest-review", `the review of %%fe suggest and the inserted ${firstLine} cell below it`, inserted);

  const { summaryText } = await approveInsertedCell(page, insertedIndex, newColumns);
  const committed = Number(summaryText.match(/version \d+ → (\d+)/)[1]);
  await screenshot(page, "06-apply-summary", `the approved cell ran: HTML summary with ${newColumns.join(", ")}`, inserted);

  // A long apply, stopped from the toolbar: the cell ends with Interrupted and the frame stays.
  const slow = await appendCell(page, SLOW_APPLY);
  const slowCell = await startCell(page, slow);
  await prompt(slowCell).filter({ hasText: /^\[\*\]:$/ }).waitFor({ timeout: CELL_TIMEOUT });
  await page.locator('.jp-Notebook-ExecutionIndicator[data-status="busy"]').first().waitFor({ timeout: CELL_TIMEOUT });
  await page.waitForTimeout(1000);
  assert.match(await prompt(slowCell).innerText(), /^\[\*\]:$/, "the long apply ended before the interrupt");
  const interrupted = Date.now();
  await page.locator('.jp-NotebookPanel-toolbar jp-button[data-command="notebook:interrupt-kernel"]').click();
  await finishedPrompt(slowCell).waitFor({ timeout: CELL_TIMEOUT });
  await waitIdle(page);
  report.interruptSeconds = (Date.now() - interrupted) / 1000;
  report.cellsRun += 1;
  const [stopped] = await errorLines(slowCell);
  assert.match(stopped ?? "", /^Interrupted: /, `the interrupted cell shows no Interrupted error: ${stopped}`);
  await screenshot(page, "07-interrupted", `the long apply stopped from the toolbar after ${report.interruptSeconds} s`, slowCell);

  const frames = await appendCell(page, "%fe frames");
  await runCell(page, frames, false);
  assert.equal(await frameVersion(page, frames, "tx"), committed, "the interrupted apply changed tx");

  await saveNotebook(page);
  await screenshot(page, "08-saved", "every cell run, notebook saved");
}

await drive(main);
