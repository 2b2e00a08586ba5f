# Shared fixtures for the tests that drive the installed fekernel kernelspec with real clients.
# scripts/test-all installs the kernelspec into the test venv before pytest starts.

import json
import subprocess

import pytest

KERNEL_NAME = "fekernel"


@pytest.fixture(scope="session")
def kernelspec():
    """The installed kernelspec as `jupyter kernelspec list --json` reports it."""
    out = subprocess.run(
        ["jupyter", "kernelspec", "list", "--json"], check=True, capture_output=True, text=True
    ).stdout
    specs = json.loads(out)["kernelspecs"]
    assert KERNEL_NAME in specs, f"kernelspec {KERNEL_NAME!r} not installed: {sorted(specs)}"
    return specs[KERNEL_NAME]
