// A kernel launched and driven the way VS Code's Jupyter extension does in raw-kernel mode: the
// kernelspec found on JUPYTER_PATH, a kernel-v3<hex>.json connection file with ports the client
// chose, argv with {connection_file} replaced, Dealer sockets sharing one routing id, a Subscriber
// on everything, the kernel_info start-up loop, and the process-tree SIGTERM that ends a kernel.

import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync, createWriteStream } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import * as zmq from "zeromq";

import { decode, encode, header } from "./wire.mjs";

/// The first `kernels/<name>/kernel.json` on JUPYTER_PATH (VS Code reads JUPYTER_PATH first).
export function findKernelspec(name) {
  const roots = (process.env.JUPYTER_PATH ?? "").split(":").filter(Boolean);
  for (const root of roots) {
    const file = join(root, "kernels", name, "kernel.json");
    if (existsSync(file)) return { file, spec: JSON.parse(readFileSync(file, "utf8")) };
  }
  throw new Error(`no kernelspec ${name} under JUPYTER_PATH=${process.env.JUPYTER_PATH}`);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function freePorts(count) {
  const ports = new Set();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

/// Every live descendant of `pid`, children before grandchildren (what `pidtree` gives VS Code).
export function descendants(pid) {
  const parents = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (fields[0] === "Z") continue; // a zombie has exited already
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const found = [];
  let frontier = [pid];
  while (frontier.length) {
    const next = [];
    for (const [child, parent] of parents) if (frontier.includes(parent)) next.push(child);
    found.push(...next);
    frontier = next;
  }
  return found;
}

export function isAlive(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

export class RawKernel {
  /// Writes the connection file, spawns the kernel and connects the sockets at once (VS Code's
  /// "do not wait for the ports" path: the first requests may reach a kernel still binding).
  static async launch({ kernelspec, name, cwd, env, runtimeDir, logFile }) {
    const [hb, control, shell, stdin, iopub] = await freePorts(5);
    const connection = {
      key: randomUUID(), signature_scheme: "hmac-sha256", transport: "tcp", ip: "127.0.0.1",
      hb_port: hb, control_port: control, shell_port: shell, stdin_port: stdin, iopub_port: iopub,
      kernel_name: name,
    };
    const connectionFile = join(runtimeDir, `kernel-v3${randomBytes(20).toString("hex")}.json`);
    writeFileSync(connectionFile, JSON.stringify(connection));
    const argv = kernelspec.argv.map((arg) => arg.replace("{connection_file}", connectionFile));
    if (!argv.some((arg) => arg.includes(connectionFile))) throw new Error(`no {connection_file} in ${kernelspec.argv}`);
    const child = spawn(argv[0], argv.slice(1), { cwd, env: { ...env, ...(kernelspec.env ?? {}) }, stdio: ["ignore", "pipe", "pipe"] });
    const log = createWriteStream(logFile, { flags: "a" });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
    const kernel = new RawKernel(child, exited, connection, connectionFile);
    kernel.connect();
    return kernel;
  }

  constructor(child, exited, connection, connectionFile) {
    this.child = child;
    this.pid = child.pid;
    this.exited = exited;
    this.connection = connection;
    this.connectionFile = connectionFile;
    this.session = randomUUID();   // KernelConnection's clientId
    this.username = randomUUID();  // VS Code's username is a uuid too
    this.inbox = [];                // every message received, in arrival order
    this.waiters = new Set();
    this.closed = false;
  }

  connect() {
    const url = (port) => `tcp://${this.connection.ip}:${port}`;
    const routingId = randomUUID(); // one routing id for shell, control and stdin, as VS Code does
    const dealer = () => new zmq.Dealer({ routingId, sendHighWaterMark: 0, receiveHighWaterMark: 0, maxMessageSize: -1, linger: 0 });
    this.sockets = { shell: dealer(), control: dealer(), stdin: dealer(), iopub: new zmq.Subscriber({ maxMessageSize: -1, receiveHighWaterMark: 0, linger: 0 }) };
    for (const [channel, socket] of Object.entries(this.sockets)) {
      socket.connect(url(this.connection[`${channel}_port`]));
      this.read(channel, socket);
    }
    this.sockets.iopub.subscribe();
  }

  async read(channel, socket) {
    try {
      for await (const frames of socket) {
        const msg = decode(this.connection.key, frames);
        msg.channel = channel;
        msg.received = Date.now();
        this.inbox.push(msg);
        for (const waiter of this.waiters) waiter();
      }
    } catch (error) {
      if (!this.closed) {
        this.failure = error;
        for (const waiter of this.waiters) waiter();
      }
    }
  }

  /// Sends a request; returns the message sent (its header is the parent of every answer).
  send(channel, msgType, content = {}, metadata = {}) {
    const msg = { header: header(msgType, this.session, this.username), parent_header: {}, metadata, content };
    this.sockets[channel].send(encode(this.connection.key, msg));
    msg.channel = channel; // for the test's bookkeeping only; not part of the wire message
    return msg;
  }

  /// The first message at or after inbox index `from` that `test` accepts.
  async waitFor(test, { timeout = 30_000, from = 0, what = "a message" } = {}) {
    const deadline = Date.now() + timeout;
    let index = from;
    for (;;) {
      if (this.failure) throw this.failure;
      for (; index < this.inbox.length; index++) if (test(this.inbox[index])) return this.inbox[index];
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
      await this.nextMessage(left);
    }
  }

  /// Resolves when the next message arrives, or after `ms`.
  nextMessage(ms) {
    return new Promise((resolve) => {
      const wake = () => { this.waiters.delete(wake); clearTimeout(timer); resolve(); };
      const timer = setTimeout(wake, ms);
      this.waiters.add(wake);
    });
  }

  /// Messages (so far) whose parent is `request`.
  answersTo(request) {
    return this.inbox.filter((m) => m.parent_header?.msg_id === request.header.msg_id);
  }

  /// One request as a `KernelFuture` sees it: done when its reply and its `idle` have arrived.
  async call(channel, msgType, content = {}, { metadata = {}, timeout = 60_000 } = {}) {
    const from = this.inbox.length;
    const request = this.send(channel, msgType, content, metadata);
    const sent = Date.now();
    const mine = (m) => m.parent_header?.msg_id === request.header.msg_id;
    const reply = await this.waitFor((m) => mine(m) && m.channel === channel, { timeout, from, what: `the ${msgType} reply` });
    await this.waitFor((m) => mine(m) && m.channel === "iopub" && m.header.msg_type === "status" && m.content.execution_state === "idle",
      { timeout, from, what: `idle after ${msgType}` });
    const iopub = this.inbox.slice(from).filter((m) => mine(m) && m.channel === "iopub");
    return { request, reply, iopub, replySeconds: (reply.received - sent) / 1000 };
  }

  /// `postStartKernel`: kernel_info on control and shell together, again every 500 ms, until a
  /// reply and some iopub message have arrived. Returns the requests sent and the time it took.
  async startUp({ timeout = 60_000 } = {}) {
    const started = Date.now();
    const requests = [];
    for (;;) {
      requests.push(this.send("control", "kernel_info_request"), this.send("shell", "kernel_info_request"));
      const round = Date.now();
      const ready = () => this.inbox.some((m) => m.channel === "iopub") && this.inbox.some((m) => m.header.msg_type === "kernel_info_reply");
      while (!ready() && Date.now() - round < 500) await this.nextMessage(500 - (Date.now() - round));
      if (this.failure) throw this.failure;
      if (ready()) return { requests, seconds: (Date.now() - started) / 1000 };
      if (Date.now() - started > timeout) throw new Error(`no kernel_info_reply and iopub message within ${timeout} ms`);
    }
  }

  close() {
    this.closed = true;
    for (const socket of Object.values(this.sockets ?? {})) socket.close();
  }

  /// How VS Code ends a raw kernel (shutdown and restart alike): SIGTERM to every descendant, then
  /// to the kernel, sockets closed and the connection file deleted; no shutdown_request.
  async terminate() {
    const children = descendants(this.pid);
    for (const pid of children) {
      try { process.kill(pid, "SIGTERM"); } catch { /* already gone */ }
    }
    try { process.kill(this.pid, "SIGTERM"); } catch { /* already gone */ }
    this.close();
    rmSync(this.connectionFile, { force: true });
    return children;
  }

  /// Last resort after a failed test: SIGKILL whatever is left of the tree.
  kill() {
    for (const pid of [...descendants(this.pid), this.pid]) {
      try { process.kill(pid, "SIGKILL"); } catch { /* already gone */ }
    }
    this.close();
  }
}
