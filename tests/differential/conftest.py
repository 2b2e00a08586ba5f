# Pytest wiring of the differential proof: prints the one summary line
# "N accepted of M, K equal" as the very last line of the session, whatever happened.

from __future__ import annotations

import sys

import outcome_tally


def pytest_unconfigure(config):  # noqa: ARG001 - pytest hook signature
    # After the terminal reporter's own summary, so it is the last line of the run. Printed
    # even when the session failed early (then it says how little was accepted).
    if outcome_tally.CORPUS_SIZE[0]:
        sys.stdout.write(outcome_tally.summary_line() + "\n")
        sys.stdout.flush()
