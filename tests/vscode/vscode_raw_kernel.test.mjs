// VS Code's kernel path without VS Code: the installed fekernel kernelspec launched and driven as
// the Jupyter extension's raw-kernel mode does (npm `zeromq`, its connection file, its requests
// and their fields), every reply checked against the protocol and against what VS Code reads.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { RawKernel, descendants, findKernelspec, isAlive } from "./raw_kernel.mjs";
import {
  assertAnswers, assertExecuteReply, assertFramedByBusyIdle, assertHeader, assertKernelInfoReply, assertMimeBundle, outputsOf,
} from "./protocol_shapes.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, "../..");
const OUT = process.env.FEKERNEL_VSCODE_OUTPUT ?? join(REPO, "test-output", "vscode");
const KERNEL_NAME = "fekernel";
// VS Code's limits (vscode-jupyter settings and constants): completions are dropped after 2 s,
// completion-item inspection after 5 s (and never asked again for that kernel), and an interrupt
// that has not ended the cell within 10 s makes VS Code offer to restart the kernel.
const COMPLETION_TIMEOUT = 2;
const INSPECT_TIMEOUT = 5;
const INTERRUPT_TIMEOUT = 10;
// What would send a suggestion to a remote LLM instead of the builtin provider.
const LLM_VARIABLES = ["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "FEKERNEL_PROVIDER", "FEKERNEL_BASE_URL",
  "FEKERNEL_MODEL", "FEKERNEL_API_KEY_ENV", "FEKERNEL_MODE", "FEKERNEL_CACHE"];
// A cross join of 36 million rows: long enough to interrupt (tests/python/test_frames.py uses it too).
const SLOW_APPLY = "%%fe apply tx\n"
  + "a = df.select(pl.int_range(0, 6_000).alias('a'))\n"
  + "b = a.join(a, how='cross').with_columns(h=(pl.col('a') * 7919 % 1000).cast(pl.String))\n"
  + "df = df.with_columns(n=pl.lit(b.group_by('h').agg(pl.col('a').sort().sum()).height))\n";

const root = mkdtempSync(join(tmpdir(), "fekernel-vscode-"));
const notebookDir = join(root, "notebooks");
const runtimeDir = join(root, "runtime");
const timings = {};
let kernelspec;
let kernel;
let cellNumber = 0;

function kernelEnvironment() {
  const env = { ...process.env };
  for (const name of LLM_VARIABLES) delete env[name];
  env.XDG_RUNTIME_DIR = join(root, "xdg");          // the session folders live under it
  env.FEKERNEL_LLM_CACHE_DIR = join(root, "llm-cache");
  return env;
}

async function launch() {
  const started = Date.now();
  const k = await RawKernel.launch({
    kernelspec: kernelspec.spec, name: KERNEL_NAME, cwd: notebookDir, env: kernelEnvironment(), runtimeDir,
    logFile: join(OUT, "kernel.log"),
  });
  k.startedAt = started;
  return k;
}

/// `requestExecute` with the content and metadata VS Code's CellExecution sends for a cell.
function runCell(code, { timeout = 120_000, ...overrides } = {}) {
  cellNumber += 1;
  const content = { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: true, stop_on_error: false, ...overrides };
  const metadata = { cellId: `vscode-notebook-cell:${notebookDir}/quickstart.ipynb#W${cellNumber}sZmlsZQ%3D%3D` };
  return kernel.call("shell", "execute_request", content, { metadata, timeout });
}

/// `executeSilently`: VS Code's background code, shown to no cell, counted in no prompt.
function runInBackground(code) {
  return kernel.call("shell", "execute_request", { code, silent: false, store_history: false, user_expressions: {}, allow_stdin: true, stop_on_error: false });
}

function textOf(run) {
  return outputsOf(run.iopub).map((m) => m.content.text ?? m.content.data?.["text/plain"] ?? "").join("\n");
}

function version(text, name) {
  const line = text.split("\n").map((l) => l.trim().split(/\s+/)).find((words) => words[0] === name);
  assert.ok(line, `no frame ${name} in:\n${text}`);
  return Number(line[3]);
}

async function frameVersion(name) {
  return version(textOf(await runInBackground("%fe frames")), name);
}

/// The session folder and the worker's pid, from `%fe status`.
async function workerState() {
  const text = textOf(await runInBackground("%fe status"));
  const folder = text.match(/session folder: (.+)/);
  const worker = text.match(/worker: running, pid (\d+)/);
  assert.ok(folder && worker, text);
  return { folder: folder[1].trim(), workerPid: Number(worker[1]) };
}

async function waitUntil(test, seconds, what) {
  const deadline = Date.now() + seconds * 1000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`${what} after ${seconds} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/// Ends `k` as VS Code does and checks nothing of it is left: processes, session folder, connection file.
async function terminateAndCheck(k, { folder, workerPid }) {
  const started = Date.now();
  const tree = [k.pid, ...descendants(k.pid)];
  assert.ok(tree.includes(workerPid), `the worker ${workerPid} is not in the kernel's process tree ${tree}`);
  await k.terminate();
  const exit = await Promise.race([k.exited, new Promise((r) => setTimeout(() => r(null), 10_000))]);
  assert.ok(exit, `the kernel did not exit within 10 s of SIGTERM`);
  await waitUntil(() => tree.every((pid) => !isAlive(pid)), 10, `processes ${tree.filter(isAlive)} still alive`);
  const seconds = (Date.now() - started) / 1000;
  assert.ok(!existsSync(folder), `the session folder ${folder} was left behind after SIGTERM`);
  assert.ok(!existsSync(k.connectionFile));
  return { exit, seconds, processes: tree.length };
}

before(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  mkdirSync(runtimeDir, { recursive: true });
  mkdirSync(join(root, "xdg"), { recursive: true });
  cpSync(join(REPO, "notebooks", "data"), join(notebookDir, "data"), { recursive: true });
  kernelspec = findKernelspec(KERNEL_NAME);
  kernel = await launch();
});

after(() => {
  kernel?.kill();
  writeFileSync(join(OUT, "report.json"), JSON.stringify(timings, null, 2));
  console.log(`timings (s): ${JSON.stringify(timings)}`);
  rmSync(root, { recursive: true, force: true });
});

describe("VS Code raw kernel", { concurrency: false }, () => {
  it("the kernelspec is one raw-kernel mode can launch", () => {
    const { spec } = kernelspec;
    assert.ok(spec.argv[0].startsWith("/") && existsSync(spec.argv[0]), `argv[0] ${spec.argv[0]} is not an absolute path to a file`);
    assert.ok(spec.argv.includes("{connection_file}"), spec.argv.join(" "));
    assert.equal(spec.interrupt_mode, "message", "VS Code interrupts by message only when the kernelspec says so");
    assert.equal(spec.language, "rust"); // VS Code's default completion trigger characters for rust: "." and ":"
  });

  it("starts up: kernel_info on control and shell every 500 ms until a reply and an iopub message", async () => {
    const { requests, seconds } = await kernel.startUp();
    timings.startUp = seconds;
    timings.startUpRounds = requests.length / 2;
    // Every request sent, also those that reached a kernel still binding, gets exactly one reply
    // on the channel it was sent on.
    await waitUntil(() => requests.every((r) => kernel.answersTo(r).some((m) => m.channel !== "iopub")), 10, "a kernel_info_request without reply");
    for (const request of requests) {
      const replies = kernel.answersTo(request).filter((m) => m.channel !== "iopub");
      assert.equal(replies.length, 1);
      assert.equal(replies[0].channel, request.channel);
      assertKernelInfoReply(replies[0]);
    }
    // Then KernelConnection's own request and getKernelInfo's, on a connected iopub.
    for (const channel of ["shell", "control"]) {
      const run = await kernel.call(channel, "kernel_info_request");
      assert.equal(run.reply.channel, channel);
      assertAnswers(run.reply, run.request);
      assertKernelInfoReply(run.reply);
      assertFramedByBusyIdle(run);
    }
  });

  it("answers comm_info for ipywidgets and closes a comm opened on a target it does not have", async () => {
    for (const content of [{ target_name: "jupyter.widget" }, {}]) {
      const run = await kernel.call("shell", "comm_info_request", content);
      assertHeader(run.reply, "comm_info_reply");
      assert.equal(run.reply.content.status, "ok");
      assert.deepEqual(run.reply.content.comms, {});
      assertFramedByBusyIdle(run);
    }
    // ipywidgets 8 asks the kernel for widget state over a `jupyter.widget.control` comm.
    const from = kernel.inbox.length;
    const open = kernel.send("shell", "comm_open", { comm_id: "c0ffee", target_name: "jupyter.widget.control", data: {} });
    await kernel.waitFor((m) => m.parent_header?.msg_id === open.header.msg_id && m.content.execution_state === "idle", { from });
    const iopub = kernel.answersTo(open).filter((m) => m.channel === "iopub");
    const closed = iopub.find((m) => m.header.msg_type === "comm_close");
    assert.ok(closed, `no comm_close for a comm on an unknown target: ${iopub.map((m) => m.header.msg_type)}`);
    assert.equal(closed.content.comm_id, "c0ffee");
    assertFramedByBusyIdle({ request: open, iopub });
  });

  it("runs a cell as VS Code sends it: execute_input, rich outputs, reply, idle", async () => {
    const run = await runCell("%fe load data/transactions.csv as tx");
    assertFramedByBusyIdle(run);
    assertExecuteReply(run.reply, "ok", 1);
    const input = run.iopub.find((m) => m.header.msg_type === "execute_input");
    assert.equal(input.content.execution_count, 1);
    assert.equal(input.content.code, "%fe load data/transactions.csv as tx");
    const outputs = outputsOf(run.iopub);
    assert.ok(outputs.length > 0);
    for (const output of outputs.filter((m) => m.header.msg_type === "display_data")) assertMimeBundle(output);
    assert.ok(outputs.some((m) => (m.content.data?.["text/html"] ?? "").includes("<table")), "the loaded frame is not shown as an HTML table");
    timings.loadCell = run.replySeconds;
  });

  it("background code (silent: false, store_history: false) shows its outputs and takes no execution count", async () => {
    const run = await runInBackground("%fe frames");
    assertFramedByBusyIdle(run);
    assertExecuteReply(run.reply, "ok", 1);
    assert.match(textOf(run), /\btx\b/);
    const next = await runCell("%fe show tx 3");
    assertExecuteReply(next.reply, "ok", 2);
    assert.equal(next.iopub.find((m) => m.header.msg_type === "execute_input").content.execution_count, 2);
  });

  it("silent: true publishes nothing but busy and idle, and takes no execution count", async () => {
    const run = await kernel.call("shell", "execute_request", { code: "%fe frames", silent: true, store_history: false, user_expressions: {}, allow_stdin: false, stop_on_error: false });
    assertFramedByBusyIdle(run);
    assert.deepEqual(run.iopub.map((m) => m.header.msg_type), ["status", "status"]);
    assertExecuteReply(run.reply, "ok", 2);
  });

  it("with stop_on_error: false, the cell queued behind a failing one still runs", async () => {
    const failing = runCell("%fe show no_such_frame");
    const queued = runCell("%fe frames");
    const [bad, good] = await Promise.all([failing, queued]);
    assertExecuteReply(bad.reply, "error", 3);
    const errors = bad.iopub.filter((m) => m.header.msg_type === "error");
    assert.equal(errors.length, 1, "exactly one error output");
    assert.equal(errors[0].content.ename, bad.reply.content.ename);
    assert.ok(Array.isArray(errors[0].content.traceback) && errors[0].content.traceback.length > 0);
    assertExecuteReply(good.reply, "ok", 4);
  });

  it("completes magic and frame names within VS Code's 2 s, offsets in code points", async () => {
    const cases = [
      { code: "%fe sch", expect: "schema", start: 4 },
      { code: "%fe show t", expect: "tx", start: 9 },
      // Non-ASCII before the cursor: offsets count code points (UTF-16 units in VS Code: the same here).
      { code: "%fe save tx sortie/données_été.parquet\n%fe sch", expect: "schema", start: [..."%fe save tx sortie/données_été.parquet\n%fe "].length },
    ];
    for (const { code, expect, start } of cases) {
      const cursor = [...code].length;
      const run = await kernel.call("shell", "complete_request", { code, cursor_pos: cursor });
      assertFramedByBusyIdle(run);
      const c = run.reply.content;
      assert.equal(c.status, "ok");
      assert.ok(c.matches.includes(expect), `${JSON.stringify(code)}: ${c.matches}`);
      assert.equal(c.cursor_start, start, `${JSON.stringify(code)}: cursor_start`);
      assert.equal(c.cursor_end, cursor, `${JSON.stringify(code)}: cursor_end`);
      assert.equal(typeof c.metadata, "object");
      assert.ok(run.replySeconds < COMPLETION_TIMEOUT, `completion took ${run.replySeconds} s`);
      timings.completion = Math.max(timings.completion ?? 0, run.replySeconds);
    }
  });

  it("inspects a completed magic the way VS Code resolves a completion item", async () => {
    // resolveCompletionItem: the text before the completion's start, plus the label, cursor at the end.
    const code = "%fe " + "schema";
    const run = await kernel.call("shell", "inspect_request", { code, cursor_pos: code.length, detail_level: 0 });
    assertFramedByBusyIdle(run);
    const c = run.reply.content;
    assert.equal(c.status, "ok");
    assert.equal(c.found, true);
    assert.match(c.data["text/plain"], /%fe schema NAME/);   // VS Code shows text/plain only
    assert.ok(run.replySeconds < INSPECT_TIMEOUT, `inspection took ${run.replySeconds} s`);
    timings.inspect = run.replySeconds;
  });

  it("a pager payload carries text/plain, which VS Code prints below the cell", async () => {
    const run = await runCell("%fe load?");
    assertExecuteReply(run.reply, "ok", 5);
    const payload = run.reply.content.payload;
    assert.equal(payload.length, 1, JSON.stringify(payload));
    assert.equal(payload[0].source, "page");
    assert.match(payload[0].data["text/plain"], /%fe load PATH/);
    assert.ok(!payload.some((p) => p.source === "set_next_input"));
  });

  it("%%fe suggest streams one display by display_id and inserts the apply cell with text and replace", async () => {
    const run = await runCell("%%fe suggest tx --target is_fraud\nfeatures about spending per customer", { timeout: 300_000 });
    assertFramedByBusyIdle(run);
    assertExecuteReply(run.reply, "ok", 6);
    timings.suggestCell = run.replySeconds;
    // VS Code updates only an output it saw created with that display_id (CellOutputDisplayIdTracker).
    const announced = new Set();
    let updates = 0;
    for (const msg of outputsOf(run.iopub)) {
      const type = msg.header.msg_type;
      if (type === "display_data" || type === "update_display_data") assertMimeBundle(msg);
      if (type === "display_data" && msg.content.transient?.display_id) announced.add(msg.content.transient.display_id);
      if (type === "update_display_data") {
        updates += 1;
        assert.ok(announced.has(msg.content.transient?.display_id), `update of display ${msg.content.transient?.display_id} before its display_data`);
      }
    }
    assert.ok(updates > 0, "the suggestion was not streamed into its display");
    const last = outputsOf(run.iopub).filter((m) => m.header.msg_type === "update_display_data").at(-1);
    assert.match(Object.values(last.content.data).join("\n"), /running it is the approval/);
    // handleExecuteReply acts on every set_next_input payload that has both `text` and `replace`.
    const payload = run.reply.content.payload;
    assert.equal(payload.length, 1, JSON.stringify(payload));
    assert.equal(payload[0].source, "set_next_input");
    assert.equal(payload[0].replace, false);
    assert.match(payload[0].text, /^%%fe apply tx\n# fekernel suggestion: provider=builtin /);
    // The inserted cell, run by the user: the approval.
    const before = await frameVersion("tx");
    const apply = await runCell(payload[0].text);
    assertExecuteReply(apply.reply, "ok", 7);
    assert.ok(outputsOf(apply.iopub).some((m) => (m.content.data?.["text/html"] ?? "").includes('<div class="fe-apply">')));
    assert.equal(await frameVersion("tx"), before + 1);
  });

  it("runs a Rust cell: execute_result numbered like its reply", async () => {
    const run = await runCell("40 + 2", { timeout: 300_000 });
    assertExecuteReply(run.reply, "ok", 8);
    const result = run.iopub.find((m) => m.header.msg_type === "execute_result");
    assert.ok(result, `no execute_result: ${run.iopub.map((m) => m.header.msg_type)}`);
    assertMimeBundle(result);
    assert.equal(result.content.execution_count, 8);
    assert.equal(result.content.data["text/plain"].trim(), "42");
    timings.firstRustCell = run.replySeconds;
  });

  it("interrupts a long apply by message on control; the cell ends within VS Code's 10 s", async () => {
    const before = await frameVersion("tx");
    const from = kernel.inbox.length;
    cellNumber += 1;
    const request = kernel.send("shell", "execute_request", { code: SLOW_APPLY, silent: false, store_history: true, user_expressions: {}, allow_stdin: true, stop_on_error: false });
    await kernel.waitFor((m) => m.parent_header?.msg_id === request.header.msg_id && m.header.msg_type === "execute_input", { from });
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(kernel.answersTo(request).filter((m) => m.channel === "shell").length, 0, "the slow apply ended before the interrupt");
    const sent = Date.now();
    const interrupt = await kernel.call("control", "interrupt_request");
    assertHeader(interrupt.reply, "interrupt_reply");
    assert.equal(interrupt.reply.content.status, "ok");
    assertFramedByBusyIdle(interrupt);
    const reply = await kernel.waitFor((m) => m.parent_header?.msg_id === request.header.msg_id && m.channel === "shell", { from, timeout: INTERRUPT_TIMEOUT * 1000 });
    await kernel.waitFor((m) => m.parent_header?.msg_id === request.header.msg_id && m.content.execution_state === "idle", { from, timeout: INTERRUPT_TIMEOUT * 1000 });
    timings.interruptToIdle = (Date.now() - sent) / 1000;
    assertExecuteReply(reply, "error", 9);
    assert.equal(reply.content.ename, "Interrupted");
    assert.equal(kernel.answersTo(request).filter((m) => m.header.msg_type === "error").length, 1);
    assert.equal(await frameVersion("tx"), before, "the interrupted apply changed the frame");
  });

  it("restarts the way VS Code does: SIGTERM to the process tree, a new process on new ports", async () => {
    const state = await workerState();
    assert.ok(existsSync(state.folder));
    const ended = await terminateAndCheck(kernel, state);
    timings.terminateRestart = ended.seconds;
    timings.processesEndedAtRestart = ended.processes; // the kernel, its worker and evcxr's child
    const oldPorts = [kernel.connection.shell_port, kernel.connection.iopub_port];
    kernel = await launch();
    assert.notDeepEqual([kernel.connection.shell_port, kernel.connection.iopub_port], oldPorts);
    const { seconds } = await kernel.startUp();
    timings.restartStartUp = seconds;
    const run = await runCell("%fe frames");
    assertExecuteReply(run.reply, "ok", 1);
    assert.match(textOf(run), /no frames loaded/);
  });

  it("shuts down the way VS Code does: nothing is left, not a process, a session folder or a connection file", async () => {
    const load = await runCell("%fe load data/customers.csv");
    assertExecuteReply(load.reply, "ok", 2);
    const ended = await terminateAndCheck(kernel, await workerState());
    timings.terminateShutdown = ended.seconds;
    assert.deepEqual(readdirSync(runtimeDir), [], "connection files left in the runtime folder");
    const sessions = join(root, "xdg", "fekernel");
    assert.deepEqual(existsSync(sessions) ? readdirSync(sessions) : [], [], "session folders left behind");
    kernel = null;
  });
});
