# Writes the small example data the notebooks use (deterministic: the same files every run).
# Run from the repository root: python3 notebooks/data/make_data.py

import csv
import math
import random
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(20261201)

COUNTRIES = ["DE", "FR", "NL", "ES", "IT", "PL"]
SEGMENTS = ["retail", "premium", "business"]
CATEGORIES = ["grocery", "electronics", "travel", "fashion", "gaming", "utilities"]
CHANNELS = ["web", "app", "pos"]


def customers(n=120):
    rows = []
    for i in range(1, n + 1):
        signup = datetime(2022, 1, 1) + timedelta(days=rng.randint(0, 900))
        rows.append({
            "customer_id": f"C{i:04d}",
            "country": rng.choice(COUNTRIES),
            "segment": rng.choices(SEGMENTS, weights=[6, 2, 2])[0],
            "signup_date": signup.date().isoformat(),
            "credit_limit": round(rng.lognormvariate(8, 0.6), 2) if rng.random() > 0.05 else "",
        })
    return rows


def risky_customers(custs):
    return {c["customer_id"] for c in custs if rng.random() < 0.1}


def transactions(custs, risky, start, days, n, first_id=1):
    rows = []
    for i in range(first_id, first_id + n):
        c = rng.choice(custs)
        ts = start + timedelta(minutes=rng.randint(0, 60 * 24 * days))
        category = rng.choice(CATEGORIES)
        amount = round(rng.lognormvariate(3.5, 1.0), 2)
        night = ts.hour < 5
        fraud_score = (c["customer_id"] in risky) * 1.5 + night * 1.2 + (category in ("electronics", "gaming")) * 0.8 + math.log1p(amount) * 0.3
        is_fraud = int(rng.random() < 1 / (1 + math.exp(-(fraud_score - 4.0))))
        rows.append({
            "tx_id": i,
            "customer_id": c["customer_id"],
            "ts": ts.strftime("%Y-%m-%d %H:%M:%S"),
            "amount": amount,
            "category": category,
            "channel": rng.choice(CHANNELS),
            "merchant": f"M{rng.randint(1, 60):03d}",
            "is_fraud": is_fraud,
        })
    rows.sort(key=lambda r: r["ts"])
    return rows


def write(path, rows):
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    custs = customers()
    risky = risky_customers(custs)
    # January to April 2024: the data the notebooks build features on.
    txs = transactions(custs, risky, datetime(2024, 1, 1), days=120, n=2000)
    # May 2024, drawn after the rest so the files above stay the same: a held-out month to
    # replay the recorded feature steps on.
    may = transactions(custs, risky, datetime(2024, 5, 1), days=30, n=500, first_id=len(txs) + 1)
    write(HERE / "customers.csv", custs)
    write(HERE / "transactions.csv", txs)
    write(HERE / "transactions_2024_05.csv", may)
    print(f"wrote {len(custs)} customers, {len(txs)} transactions and {len(may)} held-out (May 2024) to {HERE}")
