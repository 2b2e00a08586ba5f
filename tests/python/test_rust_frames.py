# Frames in Rust cells through the real kernel: a frame goes to Rust (`%fe to-rust`), a Rust cell
# adds a column, and the DataFrame comes back as the frame's next version (`%fe from-rust`);
# every failed hand-over is a clear error and leaves the frame store as it was.
#
# scripts/test-all builds the Rust cells' polars ahead (`fekernel install --prebuild-rust`, as
# test_rust_first_use.py does too), so the first `%fe to-rust` here finds it in evcxr's cache; on
# a machine without that it compiles Polars (minutes). Prints how long the hand-overs took.

from __future__ import annotations

import time

import polars as pl
import pytest

from kernel_session import Kernel

FIRST_COMPILE_TIMEOUT = 3600


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rust_frames")
    pl.DataFrame(
        {
            "id": [1, 2, 3, 4],
            "amount": [10.0, 2.5, None, 7.0],
            "ts": ["2024-01-01 10:00:00", "2024-01-02 11:30:00", "2024-01-03 12:00:00", "2024-01-04 08:15:00"],
        }
    ).write_csv(folder / "tx.csv")
    return folder


@pytest.fixture(scope="module")
def kernel(data, kernelspec):
    k = Kernel(data)
    k.ok("%fe load tx.csv")
    started = time.monotonic()
    run = k.ok("%fe to-rust tx", timeout=FIRST_COMPILE_TIMEOUT)
    print(f"\nfirst %fe to-rust in a fresh kernel: {time.monotonic() - started:.1f} s")
    assert "`tx` is frame `tx` version 1 (4 rows × 3 columns)" in run.text(), run.text()
    yield k
    k.close()


def test_a_frame_goes_to_rust_and_comes_back_with_a_new_column(kernel, data):
    run = kernel.ok(
        "use polars::prelude::*;\n"
        "let mut scored = tx.clone();\n"
        'let doubled = tx.column("amount").unwrap().as_materialized_series() * 2.0;\n'
        'scored.with_column(doubled.with_name("amount_x2".into()).into_column()).unwrap();\n'
        "scored.width()",
        timeout=600,
    )
    assert run.text().strip().endswith("4"), run.text()
    run = kernel.ok("%fe from-rust scored as tx", timeout=600)
    assert "frame `tx` is now version 2 (4 rows × 4 columns), from Rust variable `scored`" in run.text(), run.text()
    history = kernel.ok("%fe history tx").text()
    cell = run.reply["content"]["execution_count"]
    assert f"from Rust cell {cell}" in history, history

    kernel.ok("%fe save tx back.parquet")
    back = pl.read_parquet(data / "back.parquet")
    source = pl.read_csv(data / "tx.csv", try_parse_dates=True)
    expected = source.with_columns(amount_x2=pl.col("amount") * 2.0)
    assert back.equals(expected), (back, expected)

    # A new frame from Rust, under another name; the source frame is untouched.
    kernel.ok("%fe from-rust scored as scored_copy", timeout=600)
    assert kernel.version("scored_copy") == 1 and kernel.version("tx") == 2


@pytest.mark.parametrize(
    "code, words",
    [
        ("%fe from-rust nothing_here as tx", "there is no variable `nothing_here` in the Rust cells"),
        ("%fe from-rust 2fast as tx", "cannot be a Rust variable"),
        ("%fe to-rust nope", "there is no frame named `nope`"),
        ("%fe to-rust tx as type", "cannot be a Rust variable"),
        ("%fe from-rust scored", "Usage: `%fe from-rust VAR as NAME`"),
    ],
)
def test_bad_hand_overs_are_usage_errors_and_change_nothing(kernel, code, words):
    frames = kernel.ok("%fe frames").text()
    run = kernel.fails(code, "UsageError", timeout=600)
    assert words in run.reply["content"]["evalue"], run.reply["content"]["evalue"]
    assert kernel.ok("%fe frames").text() == frames


def test_a_variable_that_is_not_a_dataframe_is_refused(kernel):
    kernel.ok("let count: i32 = 3;", timeout=600)
    frames = kernel.ok("%fe frames").text()
    run = kernel.fails("%fe from-rust count as tx", "UsageError", timeout=600)
    assert "`count` is not a polars DataFrame (it is a `i32`)" in run.reply["content"]["evalue"]
    assert kernel.ok("%fe frames").text() == frames


def test_variables_lost_to_an_interrupt_are_explained(kernel):
    kernel.ok("%fe to-rust tx as before_interrupt", timeout=600)
    msg_id = kernel.kc.execute("std::thread::sleep(std::time::Duration::from_secs(60));")
    time.sleep(2)
    kernel.km.interrupt_kernel()
    run = kernel.collect(msg_id, timeout=120)
    assert run.reply["content"]["ename"] == "Interrupted"
    frames = kernel.ok("%fe frames").text()
    run = kernel.fails("%fe from-rust before_interrupt as tx", "UsageError", timeout=600)
    evalue = run.reply["content"]["evalue"]
    assert "restarted" in evalue and "lost" in evalue, evalue
    assert kernel.ok("%fe frames").text() == frames
    # And the hand-over works again afterwards.
    kernel.ok("%fe to-rust tx as again", timeout=600)


def test_from_rust_before_any_rust_cell_says_there_is_no_rust_context(data, kernelspec):
    k = Kernel(data)
    try:
        run = k.fails("%fe from-rust tx as tx", "UsageError")
        assert "no Rust cell has run in this kernel yet" in run.reply["content"]["evalue"]
    finally:
        k.close()


def test_the_second_hand_over_in_a_fresh_kernel_reuses_the_build(data, kernelspec, kernel):
    # `kernel` ran the first (compiling) hand-over; this is a new kernel process.
    k = Kernel(data)
    try:
        k.ok("%fe load tx.csv")
        started = time.monotonic()
        k.ok("%fe to-rust tx", timeout=FIRST_COMPILE_TIMEOUT)
        elapsed = time.monotonic() - started
        print(f"\nsecond %fe to-rust in a fresh kernel: {elapsed:.1f} s")
        started = time.monotonic()
        k.ok("%fe to-rust tx as tx_again", timeout=600)
        print(f"another %fe to-rust in the same kernel: {time.monotonic() - started:.1f} s")
    finally:
        k.close()
