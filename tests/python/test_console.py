# jupyter console (the terminal front end) on the installed kernel, in a real terminal
# (pexpect's pty): a magic, and a multi-line Rust cell typed line by line — the kernel's
# is_complete answer decides whether Enter runs the cell or opens a continuation line.

import os
import re
import sys
import time
from pathlib import Path

import pexpect

from conftest import KERNEL_NAME

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][A-Z0-9]|\x1b[=>]|\r")


def plain(text: str) -> str:
    return ANSI.sub("", text)


class Console:
    def __init__(self, cwd: Path):
        env = {k: v for k, v in os.environ.items() if k != "JUPYTER_CONSOLE_TEST"}
        env.update(TERM="xterm", COLUMNS="160", LINES="50")
        self.child = pexpect.spawn(
            str(Path(sys.executable).parent / "jupyter-console"),
            ["--kernel", KERNEL_NAME, "--ZMQTerminalInteractiveShell.kernel_timeout=120"],
            cwd=str(cwd),
            env=env,
            encoding="utf-8",
            timeout=300,
            dimensions=(50, 160),
        )
        self.transcript = ""

    def wait_for_prompt(self, number: int, timeout: float = 300) -> str:
        """Everything printed until the prompt `In [number]:` appears (escape codes removed)."""
        seen = ""
        deadline = time.monotonic() + timeout
        while f"In [{number}]" not in plain(seen):
            if time.monotonic() > deadline:
                raise AssertionError(f"no prompt In [{number}] after {timeout} s:\n{plain(seen)}")
            try:
                seen += self.child.read_nonblocking(4096, timeout=1)
            except pexpect.TIMEOUT:
                pass
        self.transcript += plain(seen)
        return plain(seen)

    def type_line(self, line: str):
        self.child.send(line)
        self.child.send("\r")


def test_jupyter_console_runs_a_magic_and_a_multi_line_rust_cell(tmp_path, kernelspec):
    console = Console(tmp_path)
    try:
        console.wait_for_prompt(1)
        console.type_line("%fe help load")
        out = console.wait_for_prompt(2)
        assert "%fe load PATH [as NAME]" in out, out

        # An unfinished block is "incomplete": Enter opens a continuation line instead of running.
        console.type_line("fn double(x: i32) -> i32 {")
        console.type_line("x * 2")
        console.type_line("}")
        console.wait_for_prompt(3)
        console.type_line('println!("doubled: {}", double(21));')
        out = console.wait_for_prompt(4)
        assert "doubled: 42" in out, out
    finally:
        print(console.transcript)
        console.child.sendcontrol("d")
        console.child.expect(r"exit \(\[y\]/n\)\?", timeout=60)
        console.child.send("y\r")
        console.child.expect(pexpect.EOF, timeout=60)
