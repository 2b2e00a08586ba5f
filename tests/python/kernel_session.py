# A real kernel started from the installed kernelspec with jupyter_client, and the small helpers
# the tests use to run a cell and read back its reply and outputs.

from __future__ import annotations

import os
import re
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

from jupyter_client.manager import KernelManager

KERNEL_NAME = "fekernel"


@dataclass
class CellRun:
    reply: dict
    outputs: list = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.reply["content"]["status"]

    @property
    def error(self) -> dict | None:
        errors = [o["content"] for o in self.outputs if o["msg_type"] == "error"]
        assert len(errors) <= 1, errors
        return errors[0] if errors else None

    @property
    def payload(self) -> list:
        return self.reply["content"].get("payload", [])

    def text(self) -> str:
        """Every text/plain and stream text of the cell, joined."""
        parts = []
        for o in self.outputs:
            c = o["content"]
            if o["msg_type"] in ("display_data", "execute_result", "update_display_data"):
                parts.append(c["data"].get("text/plain", ""))
            elif o["msg_type"] == "stream":
                parts.append(c["text"])
        return "\n".join(parts)

    def html(self) -> str:
        return "\n".join(
            o["content"]["data"].get("text/html", "")
            for o in self.outputs
            if o["msg_type"] in ("display_data", "execute_result")
        )


class Kernel:
    """One fekernel process, driven through jupyter_client as notebooks drive it."""

    def __init__(self, cwd: Path, env: dict | None = None, stderr=None):
        """`env` adds to (None: removes from) this process's environment; `stderr` is an open
        file that receives the kernel's log."""
        self.km = KernelManager(kernel_name=KERNEL_NAME)
        full_env = dict(os.environ)
        for name, value in (env or {}).items():
            if value is None:
                full_env.pop(name, None)
            else:
                full_env[name] = value
        extra = {"stderr": stderr} if stderr is not None else {}
        self.km.start_kernel(cwd=str(cwd), env=full_env, **extra)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)

    def run(self, code: str, timeout: float = 120) -> CellRun:
        msg_id = self.kc.execute(code, store_history=True)
        return self.collect(msg_id, timeout)

    def collect(self, msg_id: str, timeout: float = 120) -> CellRun:
        deadline = time.monotonic() + timeout
        reply = None
        while reply is None:
            msg = self.kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") == msg_id:
                reply = msg
        outputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            if msg["msg_type"] not in ("status", "execute_input"):
                outputs.append(msg)
        return CellRun(reply, outputs)

    def ok(self, code: str, timeout: float = 120) -> CellRun:
        run = self.run(code, timeout)
        assert run.status == "ok", (code, run.reply["content"], run.error)
        return run

    def fails(self, code: str, ename: str, timeout: float = 120) -> CellRun:
        run = self.run(code, timeout)
        assert run.status == "error", (code, run.text())
        assert run.reply["content"]["ename"] == ename, (code, run.reply["content"])
        assert run.error is not None and run.error["ename"] == ename
        return run

    def worker_pid(self) -> int:
        text = self.ok("%fe status").text()
        match = re.search(r"worker: running, pid (\d+)", text)
        assert match, text
        return int(match.group(1))

    def kill_worker(self) -> int:
        pid = self.worker_pid()
        os.kill(pid, signal.SIGKILL)
        return pid

    def version(self, name: str) -> int:
        text = self.ok("%fe frames").text()
        for line in text.splitlines()[1:]:
            words = line.split()
            if words and words[0] == name:
                return int(words[3])
        raise AssertionError(f"no frame {name} in {text}")

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)
