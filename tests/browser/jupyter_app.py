# A Jupyter server for the browser tests, JupyterLab or Notebook 7: 127.0.0.1, a free port, a random
# token, every Jupyter folder inside one temporary root; stopped cleanly (kernels first), or killed.

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

# Settings for a test run (Lab and Notebook 7 read the same ones): no news or update checks (no
# network here), nothing else changed.
SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
}


# What would send a suggestion to a remote LLM instead of the builtin provider.
LLM_VARIABLES = ["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "FEKERNEL_PROVIDER", "FEKERNEL_BASE_URL",
                 "FEKERNEL_MODEL", "FEKERNEL_API_KEY_ENV", "FEKERNEL_MODE"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The Python module that serves each front end.
APPS = {"lab": "jupyterlab", "notebook": "notebook"}


class JupyterApp:
    """`jupyter lab` or `jupyter notebook` serving `notebook_dir`; its config, data, runtime and
    settings live in `root`."""

    def __init__(self, app: str, root: Path, notebook_dir: Path, log_path: Path):
        self.module = APPS[app]
        self.root = root
        self.notebook_dir = notebook_dir
        self.log_path = log_path
        self.port = free_port()
        self.token = secrets.token_hex(24)
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def environment(self) -> dict:
        env = dict(os.environ)
        # Only the kernelspecs of this venv (sys.prefix) and the system are visible, not ~/.local.
        for name, sub in [("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                          ("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTERLAB_SETTINGS_DIR", "settings"),
                          ("JUPYTERLAB_WORKSPACES_DIR", "workspaces")]:
            env[name] = str(self.root / sub)
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        env.pop("JUPYTER_PATH", None)
        # Offline: the suggestion must come from the builtin provider, and its cache stays here.
        for name in LLM_VARIABLES:
            env.pop(name, None)
        env["FEKERNEL_LLM_CACHE_DIR"] = str(self.root / "llm-cache")
        # The user's own `cache=` setting must not change what the notebook shows.
        env.pop("FEKERNEL_CACHE", None)
        return env

    def write_settings(self):
        for relative, values in SETTINGS.items():
            path = self.root / "settings" / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))

    def start(self, timeout: float = 120):
        env = self.environment()
        self.write_settings()
        command = [
            sys.executable, "-m", self.module, "--no-browser", "--allow-root",
            "--ip=127.0.0.1", f"--port={self.port}", "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.notebook_dir}",
        ]
        log = open(self.log_path, "wb")
        self.process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, start_new_session=True)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.module} exited with {self.process.returncode}; see {self.log_path}")
            try:
                self.api("GET", "/api/status")
                return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"{self.module} did not answer within {timeout:.0f} s; see {self.log_path}")

    def api(self, method: str, path: str, timeout: float = 10):
        request = urllib.request.Request(f"{self.url}{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def kernel_specs(self) -> dict:
        return self.api("GET", "/api/kernelspecs")["kernelspecs"]

    def stop(self, timeout: float = 30):
        """Shuts the kernels down through the API, then the server; kills what is left."""
        if self.process is None:
            return
        try:
            for kernel in self.api("GET", "/api/kernels"):
                self.api("DELETE", f"/api/kernels/{kernel['id']}", timeout=timeout)
            self.api("POST", "/api/shutdown")
            self.process.wait(timeout=timeout)
        except (OSError, subprocess.TimeoutExpired):
            self.kill_group(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill_group(signal.SIGKILL)
                self.process.wait(timeout=10)
        finally:
            kill_processes_mentioning(str(self.root))

    def kill_group(self, sig: int):
        try:
            os.killpg(self.process.pid, sig)
        except ProcessLookupError:
            pass


def kill_processes_mentioning(marker: str) -> list[int]:
    """SIGKILLs the processes whose command line names `marker` (this test's temporary root): a kernel
    or a browser left behind by a failed run. Returns their pids."""
    killed = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if marker in cmdline:
            try:
                os.kill(int(entry.name), signal.SIGKILL)
                killed.append(int(entry.name))
            except ProcessLookupError:
                pass
    return killed
