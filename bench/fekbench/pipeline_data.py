# The data of the feature-pipeline benchmark: transactions (N rows) and a customer table to join,
# made with a fixed seed and cached as Parquet (regenerated when GENERATOR_VERSION changes).

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

GENERATOR_VERSION = 1
ROWS_PER_CUSTOMER = 50
CHANNELS = ["web", "store", "phone", "app", "partner", "kiosk", "mail", "other"]
SEGMENTS = ["retail", "smb", "enterprise", "public"]


def transactions(rows: int, seed: int = 7) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    customers = max(1, rows // ROWS_PER_CUSTOMER)
    start = np.datetime64("2024-01-01T00:00:00", "us").astype(np.int64)
    # Increasing timestamps, about 3 s apart, so rolling windows follow time within a customer.
    ts = start + np.cumsum(rng.integers(1_000_000, 5_000_000, rows, dtype=np.int64))
    return pl.DataFrame(
        {
            "id": np.arange(rows, dtype=np.int64),
            "customer_id": rng.integers(0, customers, rows, dtype=np.int64),
            "ts": pl.Series(ts).cast(pl.Datetime("us")),
            "amount": np.round(rng.lognormal(3.5, 1.0, rows), 2),
            "qty": rng.integers(1, 10, rows, dtype=np.int32),
            "channel": pl.Series(np.array(CHANNELS)[rng.integers(0, len(CHANNELS), rows)]),
        }
    )


def customer_table(rows: int, seed: int = 11) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    customers = max(1, rows // ROWS_PER_CUSTOMER)
    return pl.DataFrame(
        {
            "customer_id": np.arange(customers, dtype=np.int64),
            "segment": pl.Series(np.array(SEGMENTS)[rng.integers(0, len(SEGMENTS), customers)]),
            "credit_limit": np.round(rng.uniform(20.0, 500.0, customers), 2),
        }
    )


def ensure(folder: Path, rows: int) -> tuple[Path, Path]:
    """Paths of the transactions and customers Parquet files for `rows`, written if missing."""
    folder.mkdir(parents=True, exist_ok=True)
    tag = f"{rows}_v{GENERATOR_VERSION}"
    tx_path, cust_path = folder / f"tx_{tag}.parquet", folder / f"customers_{tag}.parquet"
    if not tx_path.exists():
        transactions(rows).write_parquet(tx_path.with_suffix(".tmp"))
        tx_path.with_suffix(".tmp").rename(tx_path)
    if not cust_path.exists():
        customer_table(rows).write_parquet(cust_path.with_suffix(".tmp"))
        cust_path.with_suffix(".tmp").rename(cust_path)
    return tx_path, cust_path
