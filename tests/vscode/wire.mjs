// The Jupyter wire protocol as VS Code's raw-kernel mode frames it over ZeroMQ: HMAC-SHA256
// signed multipart messages, headers made the way @jupyterlab/services makes them.

import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

export const DELIMITER = "<IDS|MSG>";

export function sign(key, parts) {
  const mac = createHmac("sha256", key);
  for (const part of parts) mac.update(part);
  return mac.digest("hex");
}

/// A request header as `KernelMessage.createMessage` builds it (protocol version "5.2", ISO date).
export function header(msgType, session, username) {
  return { msg_id: randomUUID(), msg_type: msgType, session, username, date: new Date().toISOString(), version: "5.2" };
}

/// Frames for a Dealer socket (no routing prefix: ZeroMQ adds the socket's routing id).
export function encode(key, msg) {
  const parts = [msg.header, msg.parent_header ?? {}, msg.metadata ?? {}, msg.content ?? {}].map((p) => JSON.stringify(p));
  return [DELIMITER, sign(key, parts), ...parts];
}

/// Parses frames from a Dealer or Subscriber socket. Throws on a bad signature or frame: VS Code
/// drops such messages, so a test must never see one.
export function decode(key, frames) {
  const strings = frames.map((f) => Buffer.from(f));
  const at = strings.findIndex((f) => f.toString("latin1") === DELIMITER);
  if (at < 0) throw new Error(`no ${DELIMITER} delimiter in ${strings.length} frames`);
  if (strings.length < at + 6) throw new Error(`only ${strings.length - at - 1} frames after the delimiter`);
  const [signature, ...signed] = strings.slice(at + 1, at + 6);
  const expected = Buffer.from(sign(key, signed));
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
    throw new Error(`bad signature on ${signed[0].toString()}`);
  }
  const [hdr, parent, metadata, content] = signed.map((f) => JSON.parse(f.toString("utf8")));
  return {
    prefix: strings.slice(0, at).map((f) => f.toString("utf8")),
    header: hdr, parent_header: parent, metadata, content,
    buffers: strings.slice(at + 6),
  };
}
