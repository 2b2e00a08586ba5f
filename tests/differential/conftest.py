# Pytest wiring of the differential proof: prints the one summary line
# "N accepted of M, K equal" at the end of the session.

from __future__ import annotations

import outcome_tally


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: ARG001 - pytest hook signature
    if outcome_tally.OUTCOMES:
        terminalreporter.write_line(outcome_tally.summary_line())
