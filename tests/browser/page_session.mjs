// What the browser drivers share: chromium through Playwright, the notebook file, screenshots and
// report.json, and running a cell as a user does (Ctrl-Enter, then its prompt and an idle kernel).
// JupyterLab and Notebook 7 are built from the same notebook components, so the selectors hold in both.
//
// Environment: APP_URL, APP_TOKEN, NOTEBOOK (path under the server's root), NOTEBOOK_FILE (the same
// file on disk), OUT_DIR (screenshots + report.json), USER_DATA_DIR (a fresh chromium profile).

import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
export const APP_URL = env("APP_URL");
export const TOKEN = env("APP_TOKEN");
export const NOTEBOOK = env("NOTEBOOK");
const OUT_DIR = env("OUT_DIR");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
// Generous on a 2-core machine: the first cell also starts the kernel and its worker.
export const CELL_TIMEOUT = Number(process.env.CELL_TIMEOUT_MS || 180_000);
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];

// The classes of fekernel's error replies (README: "Failures answer with an error reply whose ename…").
export const ERROR_LINE = /^(UsageError|RejectedCode|ExecutionError|ResourceLimit|Timeout|Interrupted|LLMError|WorkerCrashed|CompileError|Panic): /;

export const source = (cell) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source);
export const tags = (cell) => cell.metadata?.tags ?? [];
export const cells = JSON.parse(readFileSync(env("NOTEBOOK_FILE"), "utf8")).cells;

export const report = { notebook: NOTEBOOK, steps: [], cellsRun: 0, ok: false };
mkdirSync(OUT_DIR, { recursive: true });
const started = Date.now();
export const log = (...args) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s]`, ...args);

export async function screenshot(page, name, what, locator) {
  if (locator) await locator.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await page.waitForTimeout(300); // let the scroll settle before the picture
  const path = join(OUT_DIR, `${name}.png`);
  await page.screenshot({ path });
  report.steps.push({ name, what, screenshot: path });
  log(`screenshot ${path}: ${what}`);
}

// The cell widgets in DOM order (the default windowing keeps every cell attached).
export const cellAt = (page, index) => page.locator(".jp-NotebookPanel .jp-WindowedPanel-viewport > .jp-Cell").nth(index);
export const cellCount = (page) => page.locator(".jp-NotebookPanel .jp-WindowedPanel-viewport > .jp-Cell").count();

/// Scrolls a cell into view and waits two frames: Notebook 7 and Lab skip rendering cells far off
/// screen (content-visibility), and the text of an unrendered cell reads as empty.
export async function revealCell(page, index) {
  const cell = cellAt(page, index);
  await cell.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return cell;
}

export async function waitIdle(page, timeout = CELL_TIMEOUT) {
  await page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').first().waitFor({ timeout });
}

export async function waitForCellCount(page, n) {
  await page.waitForFunction((n) => document.querySelectorAll(".jp-Notebook .jp-Cell").length === n, n, { timeout: CELL_TIMEOUT });
}

/// Opens `path` (a page URL under the server) and waits for the fekernel kernel to be idle with
/// every cell of the file shown.
export async function openNotebook(page, path) {
  await page.goto(`${APP_URL}${path}${path.includes("?") ? "&" : "?"}token=${TOKEN}`);
  await page.locator(".jp-NotebookPanel").first().waitFor({ timeout: CELL_TIMEOUT });
  await assert.doesNotReject(
    page.locator(".jp-NotebookPanel-toolbar .jp-KernelName", { hasText: "fekernel" }).first().waitFor({ timeout: CELL_TIMEOUT }),
    "the notebook did not open with the fekernel kernel",
  );
  await waitIdle(page);
  await waitForCellCount(page, cells.length);
  report.kernelName = await page.locator(".jp-NotebookPanel-toolbar .jp-KernelName").first().innerText();
}

/// The fekernel error lines a cell shows. JupyterLab renders an error and a stderr stream alike
/// (application/vnd.jupyter.stderr); an error's first line is its ename. The saved file, which
/// pytest reads, tells the output types apart too.
export async function errorLines(cell) {
  const stderr = await cell.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').allInnerTexts();
  return stderr.filter((t) => ERROR_LINE.test(t));
}

export async function assertErrors(cell, index, expectError) {
  const errors = (await errorLines(cell)).length;
  const text = await cell.locator(".jp-Cell-inputWrapper .cm-content").innerText();
  if (expectError) assert.ok(errors > 0, `cell ${index} is tagged raises-exception but showed no error:\n${text}`);
  else assert.equal(errors, 0, `cell ${index} showed an error:\n${text}\n${await cell.locator(".jp-OutputArea").innerText()}`);
}

export const prompt = (cell) => cell.locator(".jp-InputArea-prompt");
export const finishedPrompt = (cell) => prompt(cell).filter({ hasText: /^\[\d+\]:$/ });

/// Runs one cell with Ctrl-Enter (run in place) and waits until it started. A key pressed while
/// the page is still setting up the notebook is lost: press again until the prompt leaves "[ ]:"
/// (the cell is queued or running), at most three times.
export async function startCell(page, index) {
  const cell = await revealCell(page, index);
  for (let attempt = 1; ; attempt++) {
    await cell.locator(".cm-content").click();
    await page.keyboard.press("Control+Enter");
    try {
      await prompt(cell).filter({ hasNotText: /^\[\s*\]:$/ }).waitFor({ timeout: 10_000 });
      return cell;
    } catch (error) {
      if (attempt === 3) throw new Error(`cell ${index} did not start after ${attempt} Ctrl-Enter presses`);
      log(`cell ${index}: Ctrl-Enter not taken yet, pressing again`);
    }
  }
}

/// Runs one cell and waits for its execution count and an idle kernel; checks its errors.
export async function runCell(page, index, expectError) {
  const cell = await startCell(page, index);
  await assert.doesNotReject(finishedPrompt(cell).waitFor({ timeout: CELL_TIMEOUT }), `cell ${index} did not finish`);
  await waitIdle(page);
  report.cellsRun += 1;
  await assertErrors(cell, index, expectError);
  return cell;
}

/// Saves (Ctrl-S), so the test can read back what the page holds, and waits until it is clean.
export async function saveNotebook(page) {
  await page.keyboard.press("Control+s");
  await page.waitForFunction(() => !document.querySelector(".jp-NotebookPanel .jp-mod-dirty, .lm-TabBar-tab.jp-mod-dirty"), null, { timeout: CELL_TIMEOUT });
}

/// The review that `%%fe suggest` (review mode) left, and the `%%fe apply` cell it inserted at
/// `insertedIndex`: checks both, records the inserted text and its new columns in the report.
export async function checkInsertedApplyCell(page, suggestIndex, insertedIndex) {
  await revealCell(page, suggestIndex);
  const inserted = await revealCell(page, insertedIndex);
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
  return { inserted, firstLine: lines[0], newColumns };
}

/// Running the inserted cell is the approval: its summary is an HTML table of the new columns.
export async function approveInsertedCell(page, insertedIndex, newColumns) {
  const inserted = await runCell(page, insertedIndex, false);
  const summary = inserted.locator(".jp-OutputArea-output .fe-apply table");
  await summary.first().waitFor({ timeout: CELL_TIMEOUT });
  const summaryText = await inserted.locator(".jp-OutputArea-output .fe-apply").innerText();
  assert.match(summaryText, /version \d+ → \d+/);
  for (const column of newColumns) assert.ok(summaryText.includes(column), `${column} missing from the apply summary`);
  return { inserted, summaryText };
}

/// Launches chromium, runs `main(page)`, writes report.json and exits 0 only when every check passed.
export async function drive(main) {
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
}
