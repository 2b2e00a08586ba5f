// What the messaging protocol (5.3) says each message VS Code reads must look like: headers,
// parent headers, the busy → … → idle frame of a request, and the reply contents by type.

import assert from "node:assert/strict";

export function assertHeader(msg, msgType) {
  const h = msg.header;
  for (const field of ["msg_id", "msg_type", "session", "username", "date", "version"]) {
    assert.equal(typeof h[field], "string", `${msgType}: header.${field} is not a string: ${JSON.stringify(h)}`);
  }
  assert.equal(h.msg_type, msgType);
  assert.match(h.version, /^5\.[3-9]/, `${msgType}: protocol version ${h.version}`);
  assert.ok(!Number.isNaN(Date.parse(h.date)), `${msgType}: header.date ${h.date} is not a date`);
  assert.equal(typeof msg.metadata, "object");
}

/// The answer names the request as its parent, byte for byte the header that was sent.
export function assertAnswers(msg, request) {
  assert.deepEqual(msg.parent_header, request.header, `${msg.header.msg_type} does not answer ${request.header.msg_type}`);
}

/// A request's iopub traffic: one busy first, one idle last, everything with its parent.
export function assertFramedByBusyIdle({ request, iopub }) {
  const states = iopub.filter((m) => m.header.msg_type === "status").map((m) => m.content.execution_state);
  assert.deepEqual(states, ["busy", "idle"], `${request.header.msg_type}: status sequence ${states}`);
  assert.equal(iopub[0].header.msg_type, "status");
  assert.equal(iopub.at(-1).content.execution_state, "idle");
  for (const msg of iopub) {
    assertAnswers(msg, request);
    assertHeader(msg, msg.header.msg_type);
  }
}

export function assertKernelInfoReply(msg) {
  assertHeader(msg, "kernel_info_reply");
  const c = msg.content;
  assert.equal(c.status, "ok");
  assert.match(c.protocol_version, /^5\.[3-9]/);
  assert.equal(typeof c.implementation, "string");
  assert.equal(typeof c.implementation_version, "string");
  assert.equal(typeof c.banner, "string");
  assert.ok(Array.isArray(c.help_links), "help_links is not a list");
  const li = c.language_info;
  assert.equal(li.name, "rust");
  assert.equal(typeof li.version, "string");
  assert.equal(li.file_extension, ".rs");
  assert.equal(typeof li.mimetype, "string");
}

/// execute_reply by status; `count` is the execution_count the reply must carry.
export function assertExecuteReply(msg, status, count) {
  assertHeader(msg, "execute_reply");
  const c = msg.content;
  assert.equal(c.status, status, `execute_reply status ${c.status}: ${JSON.stringify(c).slice(0, 400)}`);
  assert.equal(c.execution_count, count, `execution_count ${c.execution_count}, expected ${count}`);
  if (status === "ok") {
    assert.ok(Array.isArray(c.payload), "payload is not a list");
    assert.equal(typeof c.user_expressions, "object");
  }
  if (status === "error") {
    assert.equal(typeof c.ename, "string");
    assert.equal(typeof c.evalue, "string");
    assert.ok(Array.isArray(c.traceback) && c.traceback.every((line) => typeof line === "string"), "traceback is not a list of strings");
  }
}

/// display_data / update_display_data / execute_result: a MIME bundle with text/plain beside richer types.
export function assertMimeBundle(msg) {
  const c = msg.content;
  assert.equal(typeof c.data, "object", `${msg.header.msg_type} has no data`);
  assert.equal(typeof c.metadata, "object", `${msg.header.msg_type} has no metadata`);
  assert.equal(typeof c.data["text/plain"], "string", `${msg.header.msg_type} has no text/plain: ${Object.keys(c.data)}`);
}

export function outputsOf(iopub) {
  return iopub.filter((m) => !["status", "execute_input"].includes(m.header.msg_type));
}
