// Drives JupyterLab in Debian's chromium as a user would: opens a notebook, runs its cells up to the
// review-mode `%%fe suggest`, runs the inserted `%%fe apply` cell, then the rest; asserts on the DOM.
// Environment: see page_session.mjs. Exit code 0 when every check passed; report.json says what was seen.

import assert from "node:assert/strict";
import {
  CELL_TIMEOUT, NOTEBOOK, approveInsertedCell, cells, checkInsertedApplyCell, drive, log, openNotebook,
  report, runCell, saveNotebook, screenshot, source, tags, waitForCellCount,
} from "./page_session.mjs";

async function main(page) {
  const suggestIndex = cells.findIndex((c) => c.cell_type === "code" && source(c).startsWith("%%fe suggest"));
  assert.ok(suggestIndex >= 0, "the notebook has no %%fe suggest cell");
  const before = cells.slice(0, suggestIndex).map(source).join("\n");
  assert.ok(!/mode=direct/.test(before), "the first %%fe suggest must run in review mode (no mode=direct before it)");

  await openNotebook(page, `/lab/tree/${encodeURI(NOTEBOOK)}?reset`);
  // More room for the notebook in the screenshots: hide the file browser (Ctrl-B, as a user would).
  await page.locator(".jp-Notebook").first().click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+b");
  await page.locator("#jp-left-stack").waitFor({ state: "hidden", timeout: 10_000 }).catch(() => log("the left area stayed open"));
  await screenshot(page, "01-notebook-open", `${NOTEBOOK} open, kernel "${report.kernelName}" idle`);

  // Up to and including the suggestion (markdown cells need no running).
  for (let i = 0; i <= suggestIndex; i++) {
    if (cells[i].cell_type === "code") await runCell(page, i, tags(cells[i]).includes("raises-exception"));
  }
  log(`ran ${report.cellsRun} cells up to the suggestion`);

  // The reply's set_next_input payload inserts the apply cell right below the suggestion.
  await waitForCellCount(page, cells.length + 1);
  const insertedIndex = suggestIndex + 1;
  const { inserted, firstLine, newColumns } = await checkInsertedApplyCell(page, suggestIndex, insertedIndex);
  await screenshot(page, "02-suggest-review", `the review of %%fe suggest and the inserted ${firstLine} cell below it`, inserted);

  await approveInsertedCell(page, insertedIndex, newColumns);
  await screenshot(page, "03-apply-summary", `the approved cell ran: HTML summary with ${newColumns.join(", ")}`, inserted);

  // The rest of the notebook, in order; `%fe show` must show the approved columns in its table.
  let showSeen = false;
  for (let i = insertedIndex + 1; i <= cells.length; i++) {
    const cell = cells[i - 1];
    if (cell.cell_type !== "code") continue;
    const text = source(cell);
    const dom = await runCell(page, i, tags(cell).includes("raises-exception"));
    if (text.startsWith("%fe show") && !showSeen) {
      const table = dom.locator(".jp-OutputArea-output .fe-frame table.dataframe");
      await table.waitFor({ timeout: CELL_TIMEOUT });
      const headers = await table.locator("thead tr").first().locator("th").allInnerTexts();
      for (const column of newColumns) assert.ok(headers.includes(column), `${column} is not a column of the %fe show table: ${headers}`);
      report.showRows = await table.locator("tbody tr").count();
      assert.ok(report.showRows > 0, "the %fe show table has no rows");
      showSeen = true;
      // Scroll the wide table to its right end, where the approved columns are.
      await table.evaluate((el) => { for (let n = el; n && !n.classList.contains("jp-Cell"); n = n.parentElement) n.scrollLeft = n.scrollWidth; });
      await screenshot(page, "04-show-table", `${text}: an HTML table of ${report.showRows} rows with the approved columns`, dom);
    }
    if (text.startsWith("%fe evaluate")) {
      // Enabled by the notebook itself: the evaluation's histograms are image/svg+xml outputs.
      const svg = dom.locator('.jp-OutputArea-output[data-mime-type="image/svg+xml"]');
      await svg.first().waitFor({ timeout: CELL_TIMEOUT });
      report.svgOutputs = await svg.count();
      await screenshot(page, "05-evaluate-plot", `${text}: ${report.svgOutputs} image/svg+xml output(s)`, svg.first());
    }
  }
  assert.ok(showSeen, "the notebook has no %fe show cell after the suggestion");

  await saveNotebook(page);
  await screenshot(page, "06-saved", "every cell run, notebook saved");
}

await drive(main);
