// Drives JupyterLab in Debian's chromium as a user would: opens a notebook, runs its cells up to the
// review-mode `%%fe suggest`, runs the inserted `%%fe apply` cell, then the rest; asserts on the DOM.
//
// Environment: LAB_URL, LAB_TOKEN, NOTEBOOK (path under the lab's root), NOTEBOOK_FILE (the same file
// on disk), OUT_DIR (screenshots + report.json), USER_DATA_DIR (a fresh chromium profile).
// Exit code 0 when every check passed; the report says what was seen either way.

import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const LAB_URL = env("LAB_URL");
const TOKEN = env("LAB_TOKEN");
const NOTEBOOK = env("NOTEBOOK");
const OUT_DIR = env("OUT_DIR");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
// Generous on a 2-core machine: the first cell also starts the kernel and its worker.
const CELL_TIMEOUT = Number(process.env.CELL_TIMEOUT_MS || 180_000);
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];

// The classes of fekernel's error replies (README: "Failures answer with an error reply whose ename…").
const ERROR_LINE = /^(UsageError|RejectedCode|ExecutionError|ResourceLimit|Timeout|Interrupted|LLMError|WorkerCrashed|CompileError|Panic): /;

const source = (cell) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source);
const tags = (cell) => cell.metadata?.tags ?? [];
const cells = JSON.parse(readFileSync(env("NOTEBOOK_FILE"), "utf8")).cells;

const report = { notebook: NOTEBOOK, steps: [], cellsRun: 0, ok: false };
mkdirSync(OUT_DIR, { recursive: true });
const started = Date.now();
const log = (...args) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s]`, ...args);

async function screenshot(page, name, what, locator) {
  if (locator) await locator.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await page.waitForTimeout(300); // let the scroll settle before the picture
  const path = join(OUT_DIR, `${name}.png`);
  await page.screenshot({ path });
  report.steps.push({ name, what, screenshot: path });
  log(`screenshot ${path}: ${what}`);
}

// The cell widgets in DOM order (JupyterLab's default windowing keeps every cell attached).
const cellAt = (page, index) => page.locator(".jp-NotebookPanel .jp-WindowedPanel-viewport > .jp-Cell").nth(index);

async function waitIdle(page) {
  await page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').first().waitFor({ timeout: CELL_TIMEOUT });
}

// Runs one cell with Ctrl-Enter (run in place) and waits for its execution count and an idle kernel.
async function runCell(page, index, expectError) {
  const cell = cellAt(page, index);
  await cell.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const prompt = cell.locator(".jp-InputArea-prompt");
  // A key pressed while JupyterLab is still setting up the notebook is lost: press again until the
  // prompt leaves "[ ]:" (the cell is queued or running), at most three times.
  for (let attempt = 1; ; attempt++) {
    await cell.locator(".cm-content").click();
    await page.keyboard.press("Control+Enter");
    try {
      await prompt.filter({ hasNotText: /^\[\s*\]:$/ }).waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw new Error(`cell ${index} did not start after ${attempt} Ctrl-Enter presses`);
      log(`cell ${index}: Ctrl-Enter not taken yet, pressing again`);
    }
  }
  await assert.doesNotReject(
    prompt.filter({ hasText: /^\[\d+\]:$/ }).waitFor({ timeout: CELL_TIMEOUT }),
    `cell ${index} did not finish`,
  );
  await waitIdle(page);
  report.cellsRun += 1;
  // JupyterLab renders an error and a stderr stream alike (application/vnd.jupyter.stderr); an error's
  // first line is its ename. The saved file, which pytest reads, tells the output types apart too.
  const stderr = await cell.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').allInnerTexts();
  const errors = stderr.filter((t) => ERROR_LINE.test(t)).length;
  const text = await cell.locator(".jp-Cell-inputWrapper .cm-content").innerText();
  if (expectError) assert.ok(errors > 0, `cell ${index} is tagged raises-exception but showed no error:\n${text}`);
  else assert.equal(errors, 0, `cell ${index} showed an error:\n${text}\n${await cell.locator(".jp-OutputArea").innerText()}`);
  return cell;
}

async function main(page) {
  const suggestIndex = cells.findIndex((c) => c.cell_type === "code" && source(c).startsWith("%%fe suggest"));
  assert.ok(suggestIndex >= 0, "the notebook has no %%fe suggest cell");
  const before = cells.slice(0, suggestIndex).map(source).join("\n");
  assert.ok(!/mode=direct/.test(before), "the first %%fe suggest must run in review mode (no mode=direct before it)");

  await page.goto(`${LAB_URL}/lab/tree/${encodeURI(NOTEBOOK)}?reset&token=${TOKEN}`);
  await page.locator(".jp-NotebookPanel").first().waitFor({ timeout: CELL_TIMEOUT });
  await assert.doesNotReject(
    page.locator(".jp-NotebookPanel-toolbar .jp-KernelName", { hasText: "fekernel" }).first().waitFor({ timeout: CELL_TIMEOUT }),
    "the notebook did not open with the fekernel kernel",
  );
  await waitIdle(page);
  await page.waitForFunction((n) => document.querySelectorAll(".jp-Notebook .jp-Cell").length === n, cells.length, { timeout: CELL_TIMEOUT });
  report.kernelName = await page.locator(".jp-NotebookPanel-toolbar .jp-KernelName").first().innerText();
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
  await page.waitForFunction((n) => document.querySelectorAll(".jp-Notebook .jp-Cell").length === n, cells.length + 1, { timeout: CELL_TIMEOUT });
  const insertedIndex = suggestIndex + 1;
  const inserted = cellAt(page, insertedIndex);
  const insertedText = await inserted.locator(".cm-content").innerText();
  report.insertedCell = insertedText;
  const lines = insertedText.split("\n");
  assert.match(lines[0], /^%%fe apply \w+$/, `the inserted cell does not start with %%fe apply:\n${insertedText}`);
  assert.match(lines[1], /^# fekernel suggestion: provider=\S+ model=\S+ prompt=[0-9a-f]+ code=[0-9a-f]+ at=/);
  assert.ok(await inserted.evaluate((el) => el.classList.contains("jp-CodeCell")), "the inserted cell is not a code cell");
  const review = cellAt(page, suggestIndex).locator(".jp-OutputArea");
  assert.match(await review.innerText(), /running it is the approval/);
  const newColumns = [...insertedText.matchAll(/\.alias\("([^"]+)"\)/g)].map((m) => m[1]);
  assert.ok(newColumns.length > 0, `no .alias("...") column in the inserted code:\n${insertedText}`);
  report.newColumns = newColumns;
  await screenshot(page, "02-suggest-review", `the review of %%fe suggest and the inserted ${lines[0]} cell below it`, inserted);

  // Running the inserted cell is the approval: its summary is an HTML table of the new columns.
  await runCell(page, insertedIndex, false);
  const summary = inserted.locator(".jp-OutputArea-output .fe-apply table");
  await summary.first().waitFor({ timeout: CELL_TIMEOUT });
  const summaryText = await inserted.locator(".jp-OutputArea-output .fe-apply").innerText();
  assert.match(summaryText, /version \d+ → \d+/);
  for (const column of newColumns) assert.ok(summaryText.includes(column), `${column} missing from the apply summary`);
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

  // Save, so the test can read back what JupyterLab holds (the inserted cell and its outputs).
  await page.keyboard.press("Control+s");
  await page.waitForFunction(() => !document.querySelector(".jp-NotebookPanel .jp-mod-dirty, .lm-TabBar-tab.jp-mod-dirty"), null, { timeout: CELL_TIMEOUT });
  await screenshot(page, "06-saved", "every cell run, notebook saved");
}

const context = await chromium.launchPersistentContext(env("USER_DATA_DIR"), {
  executablePath: CHROMIUM,
  headless: true,
  args: FLAGS,
  viewport: { width: 1400, height: 1000 },
});
let failure = null;
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(CELL_TIMEOUT);
  page.on("pageerror", (error) => log(`page error: ${error.message}`));
  try {
    await main(page);
    report.ok = true;
  } catch (error) {
    failure = error;
    await screenshot(page, "99-failure", `the page when the test failed: ${error.message.split("\n")[0]}`).catch(() => {});
  }
} finally {
  report.seconds = (Date.now() - started) / 1000;
  if (failure) report.error = String(failure.stack || failure);
  writeFileSync(join(OUT_DIR, "report.json"), JSON.stringify(report, null, 2));
  await context.close();
}
if (failure) {
  console.error(failure);
  process.exit(1);
}
log(`ok: ${report.cellsRun} cells run, ${report.steps.length} screenshots`);
