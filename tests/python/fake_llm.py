# A real HTTP server on 127.0.0.1 that speaks the OpenAI Chat Completions and Anthropic Messages
# wire formats (streamed or whole), scripted per test: good code, refusals, 429s, 500s, stalls, garbage.

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    """A successful answer with `text`, streamed in `chunks` pieces `gap` seconds apart."""

    text: str
    usage: tuple[int, int] = (321, 45)
    model: str = "fake-model-1"
    stream: bool = True
    chunks: int = 4
    gap: float = 0.0


@dataclass
class Status:
    """An HTTP error answer."""

    code: int
    body: str = '{"error": {"message": "scripted failure", "type": "server_error"}}'
    headers: dict = field(default_factory=dict)


@dataclass
class Stall:
    """Starts a streamed answer, then stops sending for `seconds`."""

    seconds: float


@dataclass
class Garbage:
    """A 200 answer whose body is no wire format at all."""

    body: str = "<html><body>502 upstream hiccup</body></html>"
    content_type: str = "application/json"


@dataclass
class Received:
    path: str
    headers: dict
    body: dict
    at: float


class FakeLLM:
    def __init__(self):
        self.script: list = []
        self.received: list[Received] = []
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def handle(self):
                # The kernel drops connections it gave up on (timeouts, interrupts).
                try:
                    super().handle()
                except (ConnectionResetError, BrokenPipeError):
                    pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = {"unparsed": raw.decode("utf-8", "replace")}
                with fake.lock:
                    headers = {name.lower(): value for name, value in self.headers.items()}
                    fake.received.append(Received(self.path, headers, body, time.monotonic()))
                    reply = fake.script.pop(0) if fake.script else Status(500, '{"error": {"message": "the test scripted no reply"}}')
                wire = "anthropic" if self.path.endswith("/messages") else "openai"
                try:
                    fake.answer(self, wire, reply, body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def push(self, *replies):
        with self.lock:
            self.script.extend(replies)

    def reset(self):
        with self.lock:
            self.script.clear()
            self.received.clear()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    # ---- answering ----

    def answer(self, handler, wire, reply, request):
        if isinstance(reply, Status):
            payload = reply.body.encode()
            handler.send_response(reply.code)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(payload)))
            for name, value in reply.headers.items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(payload)
            return
        if isinstance(reply, Garbage):
            payload = reply.body.encode()
            handler.send_response(200)
            handler.send_header("Content-Type", reply.content_type)
            handler.send_header("Content-Length", str(len(payload)))
            handler.end_headers()
            handler.wfile.write(payload)
            return
        if isinstance(reply, Stall):
            self.start_stream(handler)
            first = self.events(wire, Answer(text="```python\n", chunks=1))[:2]
            for event in first:
                self.send_chunk(handler, event)
            time.sleep(reply.seconds)
            self.send_chunk(handler, b"")
            return
        if not reply.stream:
            payload = json.dumps(self.whole(wire, reply)).encode()
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(payload)))
            handler.end_headers()
            handler.wfile.write(payload)
            return
        self.start_stream(handler)
        for event in self.events(wire, reply):
            self.send_chunk(handler, event)
            if reply.gap:
                time.sleep(reply.gap)
        self.send_chunk(handler, b"")

    @staticmethod
    def start_stream(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.send_header("Cache-Control", "no-cache")
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()

    @staticmethod
    def send_chunk(handler, data: bytes):
        handler.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        handler.wfile.flush()

    @staticmethod
    def pieces(text: str, n: int) -> list[str]:
        size = max(1, -(-len(text) // max(1, n)))
        return [text[i : i + size] for i in range(0, len(text), size)] or [""]

    def events(self, wire, reply: Answer) -> list[bytes]:
        parts = self.pieces(reply.text, reply.chunks)
        prompt_tokens, completion_tokens = reply.usage
        out = []
        if wire == "openai":
            out.append({"id": "c1", "model": reply.model, "choices": [{"index": 0, "delta": {"role": "assistant"}}]})
            for part in parts:
                out.append({"id": "c1", "model": reply.model, "choices": [{"index": 0, "delta": {"content": part}}]})
            out.append({"id": "c1", "model": reply.model, "choices": [], "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens}})
            return [f"data: {json.dumps(e)}\n\n".encode() for e in out] + [b"data: [DONE]\n\n"]
        events = [("message_start", {"type": "message_start", "message": {"id": "m1", "model": reply.model, "usage": {"input_tokens": prompt_tokens, "output_tokens": 1}}})]
        events.append(("content_block_start", {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}))
        events.append(("ping", {"type": "ping"}))
        for part in parts:
            events.append(("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": part}}))
        events.append(("content_block_stop", {"type": "content_block_stop", "index": 0}))
        events.append(("message_delta", {"type": "message_delta", "delta": {"stop_reason": "end_turn"}, "usage": {"output_tokens": completion_tokens}}))
        events.append(("message_stop", {"type": "message_stop"}))
        return [f"event: {name}\ndata: {json.dumps(data)}\n\n".encode() for name, data in events]

    @staticmethod
    def whole(wire, reply: Answer) -> dict:
        prompt_tokens, completion_tokens = reply.usage
        if wire == "openai":
            return {
                "id": "c1",
                "model": reply.model,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": reply.text}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens},
            }
        return {
            "id": "m1",
            "type": "message",
            "model": reply.model,
            "content": [{"type": "text", "text": reply.text}],
            "usage": {"input_tokens": prompt_tokens, "output_tokens": completion_tokens},
        }
