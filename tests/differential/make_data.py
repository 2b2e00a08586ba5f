# Writes the small, deterministic Parquet data sets that the differential corpus runs on.
# Usage: python make_data.py OUT_DIR  (same bytes of data on every run: fixed seed, no clock).
"""Data sets for the differential proof of the feature language.

Every frame is small (40-2,000 rows) and deliberately awkward: integers of several widths,
floats with NaN, negatives and zeros, low-cardinality strings with unicode and nulls,
datetimes across a year boundary with nulls, a Date column, free text, ids, and nulls in
almost every column. Related frames (customers/transactions, stores/sales, products/reviews)
exist so the corpus can join. `events` (a clean daily series per user with list, struct and
JSON-text columns) serves the public corpus in public/.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import polars as pl

SEED = 20261101


def with_nulls(rng: np.random.Generator, values: list, rate: float) -> list:
    """Replace a fraction `rate` of the values by None (positions drawn from `rng`)."""
    mask = rng.random(len(values)) < rate
    return [None if m else v for v, m in zip(values, mask)]


def pick(rng: np.random.Generator, choices: list, n: int, p: list[float] | None = None) -> list:
    idx = rng.choice(len(choices), size=n, p=p)
    return [choices[i] for i in idx]


def customers(rng: np.random.Generator) -> pl.DataFrame:
    n = 300
    first = ["Anna", "Björn", "Chloé", "Dmitri", "Emeka", "Fatima", "Gustavo", "Hana", "Ivan",
             "Józef", "Kenji", "Lucía", "Mia", "Noah", "Olga", "Priya", "Quentin", "Rūta", "Sven",
             "Thanh", "Uma", "Vera", "Wei", "Xavier", "Yusuf", "Zoë"]
    last = ["Smith", "Müller", "García", "Nguyen", "Kowalski", "O'Brien", "Ivanova", "Tanaka",
            "Dubois", "Rossi", "Silva", "Çelik", "Andersson", "Khan"]
    names = [f"{a} {b}" for a, b in zip(pick(rng, first, n), pick(rng, last, n))]
    domains = ["example.com", "mail.de", "correo.es", "post.jp", "EXAMPLE.org"]
    emails = [
        f"{nm.split(' ')[0].lower()}.{i}@{d}" for i, (nm, d) in enumerate(zip(names, pick(rng, domains, n)))
    ]
    signup = [date(2022, 6, 1) + timedelta(days=int(d)) for d in rng.integers(0, 700, n)]
    segment = pick(rng, ["Consumer", "Corporate", "Home Office", "Société"], n, [0.5, 0.25, 0.15, 0.1])
    country = pick(rng, ["Deutschland", "España", "日本", "Côte d'Ivoire", "USA", "Brasil"], n)
    return pl.DataFrame(
        {
            "customer_id": np.arange(1000, 1000 + n, dtype=np.int64),
            "name": with_nulls(rng, names, 0.03),
            "email": with_nulls(rng, emails, 0.05),
            "segment": with_nulls(rng, segment, 0.08),
            "country": with_nulls(rng, country, 0.05),
            "signup_date": with_nulls(rng, signup, 0.06),
            "birth_year": with_nulls(rng, [int(x) for x in rng.integers(1940, 2006, n)], 0.07),
            "credit_limit": with_nulls(rng, [float(x) for x in np.round(rng.gamma(2.0, 2500.0, n), 2)], 0.1),
            "is_active": with_nulls(rng, [bool(x) for x in rng.random(n) < 0.7], 0.05),
            "loyalty_points": with_nulls(rng, [int(x) for x in rng.poisson(120, n)], 0.1),
        },
        schema_overrides={
            "birth_year": pl.Int16,
            "loyalty_points": pl.Int32,
            "signup_date": pl.Date,
        },
    )


def transactions(rng: np.random.Generator) -> pl.DataFrame:
    n = 2000
    start = datetime(2023, 11, 15, 0, 0, 0)
    # Sorted timestamps from mid-November 2023 to mid-February 2024 (crosses the new year).
    seconds = np.sort(rng.integers(0, 92 * 24 * 3600, n))
    ts = [start + timedelta(seconds=int(s)) for s in seconds]
    amount = np.round(rng.lognormal(3.0, 1.1, n), 2)
    refunds = rng.random(n) < 0.06
    amount[refunds] = -amount[refunds]
    amount[rng.random(n) < 0.03] = 0.0
    amount[rng.random(n) < 0.02] = np.nan
    amount_list = [float(x) for x in amount]
    categories = ["grocery", "electronics", "clothing", "home", "toys", "café & bar", "health"]
    merchants = ["Corner Shop", "MegaMart", "e-Store 24", "Bäckerei Kraus", "Tokyo Denki", "La Tienda",
                 "Book Nook", "Fuel & Go", "Pharma+ Plus", "Noodle Bar 麺"]
    return pl.DataFrame(
        {
            "tx_id": np.arange(1, n + 1, dtype=np.int64),
            "customer_id": rng.integers(1000, 1320, n).astype(np.int64),  # some ids have no customer
            "ts": with_nulls(rng, ts, 0.02),
            "amount": with_nulls(rng, amount_list, 0.03),
            "quantity": with_nulls(rng, [int(x) for x in rng.integers(1, 12, n)], 0.04),
            "category": with_nulls(rng, pick(rng, categories, n), 0.05),
            "channel": pick(rng, ["web", "store", "app"], n, [0.45, 0.35, 0.2]),
            "discount": with_nulls(rng, [float(x) for x in np.round(rng.choice([0, 0, 0, 0.05, 0.1, 0.25], n), 2)], 0.05),
            "merchant": with_nulls(rng, pick(rng, merchants, n), 0.02),
            "is_fraud": [bool(x) for x in rng.random(n) < 0.04],
        },
        schema_overrides={"quantity": pl.Int32, "discount": pl.Float32, "ts": pl.Datetime("us")},
    )


def sensors(rng: np.random.Generator) -> pl.DataFrame:
    n_devices, per_device = 6, 80
    rows = []
    for d in range(n_devices):
        t = datetime(2023, 12, 30, 20, 0, 0) + timedelta(minutes=int(rng.integers(0, 30)))
        level = rng.normal(18.0, 6.0)
        for _ in range(per_device):
            t = t + timedelta(minutes=int(rng.integers(5, 45)))
            level += rng.normal(0, 0.8)
            temp = float(np.round(level + rng.normal(0, 0.5), 3))
            if rng.random() < 0.03:
                temp = float("nan")
            rows.append(
                {
                    "device_id": f"dev-{d:02d}",
                    "reading_time": t,
                    "temperature": temp if rng.random() > 0.04 else None,
                    "humidity": float(np.round(rng.uniform(10, 95), 1)) if rng.random() > 0.05 else None,
                    "pressure": float(np.round(rng.normal(1013, 8), 2)),
                    "battery": int(max(0, 100 - _ - int(rng.integers(0, 5)))),
                    "error_count": int(rng.poisson(0.4)) - (1 if rng.random() < 0.02 else 0),
                    "status": pick(rng, ["ok", "ok", "ok", "warn", "fault", None], 1)[0],
                    "firmware": pick(rng, ["v1.2.0", "v1.10.3", "v2.0.0-beta"], 1)[0],
                }
            )
    df = pl.DataFrame(rows, schema_overrides={"reading_time": pl.Datetime("ms")})
    return df.with_columns(
        pl.col("humidity").cast(pl.Float32),
        pl.col("battery").cast(pl.UInt8),
        pl.col("error_count").cast(pl.Int8),
    )


def products(rng: np.random.Generator) -> pl.DataFrame:
    n = 60
    kinds = ["Kettle", "Headphones", "T-Shirt", "Lamp", "Puzzle", "Coffee Beans", "Vitamin C"]
    adjectives = ["Classic", "Pro", "Eco", "Ultra", "Mini", "Deluxe", "Smart"]
    names = [f"{a} {k}" for a, k in zip(pick(rng, adjectives, n), pick(rng, kinds, n))]
    return pl.DataFrame(
        {
            "product_id": np.arange(1, n + 1, dtype=np.int32),
            "product_name": names,
            "brand": with_nulls(rng, pick(rng, ["Acme", "Nordik", "Sakura", "Olé", "ZenTech"], n), 0.1),
            "price": [float(x) for x in np.round(rng.uniform(2, 400, n), 2)],
            "weight_kg": with_nulls(rng, [float(x) for x in np.round(rng.exponential(1.5, n), 3)], 0.1),
            "launch_date": [date(2021, 1, 1) + timedelta(days=int(d)) for d in rng.integers(0, 1200, n)],
            "sku": [f"SKU-{int(x):05d}" for x in rng.integers(0, 99999, n)],
        }
    )


def reviews(rng: np.random.Generator) -> pl.DataFrame:
    n = 400
    openings = ["Great", "Terrible", "Okay", "Love it!", "Not worth it", "Très bien", "最高",
                "Broke after a week", "Five stars", "meh"]
    bodies = [
        "Works exactly as described, would buy again.",
        "The battery died after 3 days. Very disappointed!!!",
        "Arrived late but the quality is good.",
        "Customer service was helpful; replacement sent in 2 days.",
        "Not as pictured. Color is off and size runs small.",
        "Perfect gift 🎁 — my kids love it 😊",
        "Price went up from $20 to $35 in a month?!",
        "Ça marche très bien, livraison rapide.",
        "",
        "Does the job. Nothing special. 3/5",
    ]
    return pl.DataFrame(
        {
            "review_id": np.arange(50_000, 50_000 + n, dtype=np.int64),
            "product_id": rng.integers(1, 66, n).astype(np.int32),  # a few products are unknown
            "customer_id": rng.integers(1000, 1300, n).astype(np.int64),
            "rating": with_nulls(rng, [int(x) for x in rng.integers(1, 6, n)], 0.05),
            "title": with_nulls(rng, pick(rng, openings, n), 0.04),
            "body": with_nulls(rng, pick(rng, bodies, n), 0.08),
            "review_date": with_nulls(
                rng, [date(2023, 10, 1) + timedelta(days=int(d)) for d in rng.integers(0, 200, n)], 0.03
            ),
            "helpful_votes": [int(x) for x in rng.negative_binomial(1, 0.3, n)],
            "verified": with_nulls(rng, [bool(x) for x in rng.random(n) < 0.8], 0.05),
        },
        schema_overrides={"rating": pl.Int8, "helpful_votes": pl.UInt32},
    )


def stores(rng: np.random.Generator) -> pl.DataFrame:
    n = 40
    return pl.DataFrame(
        {
            "store_id": np.arange(1, n + 1, dtype=np.int16),
            "region": with_nulls(rng, pick(rng, ["North", "South", "East", "West", "Zentrum"], n), 0.05),
            "city": pick(rng, ["Berlin", "München", "Köln", "Łódź", "Zürich", "Wien", "Praha", "Malmö"], n),
            "opened": [date(2005, 1, 1) + timedelta(days=int(d)) for d in rng.integers(0, 6500, n)],
            "size_sqft": with_nulls(rng, [int(x) for x in rng.integers(800, 12000, n)], 0.05),
            "manager": with_nulls(rng, pick(rng, ["K. Weber", "A. Nowak", "M. Rossi", "J. Smith"], n), 0.1),
        },
        schema_overrides={"size_sqft": pl.Int32},
    )


def sales(rng: np.random.Generator) -> pl.DataFrame:
    days = [date(2023, 12, 1) + timedelta(days=i) for i in range(60)]
    rows = []
    for store in range(1, 43):  # stores 41 and 42 are missing from `stores`
        for d in days:
            if rng.random() < 0.6:
                continue
            units = int(rng.poisson(40))
            price = float(np.round(rng.uniform(3.0, 12.0), 2))
            rows.append(
                {
                    "store_id": store,
                    "date": d,
                    "units": units if rng.random() > 0.03 else None,
                    "revenue": float(np.round(units * price, 2)) if rng.random() > 0.03 else float("nan"),
                    "promo": bool(rng.random() < 0.25),
                    "returns": int(rng.poisson(1.2)),
                }
            )
    df = pl.DataFrame(rows)
    return df.with_columns(
        pl.col("store_id").cast(pl.Int16),
        pl.col("units").cast(pl.Int64),
        pl.col("returns").cast(pl.UInt16),
    )


def houses(rng: np.random.Generator) -> pl.DataFrame:
    n = 500
    sqft = rng.integers(450, 5200, n)
    bedrooms = np.clip(sqft // 700 + rng.integers(-1, 2, n), 0, 8)
    price = np.round(sqft * rng.uniform(150, 420, n) + rng.normal(0, 20000, n), -2)
    lot = np.round(rng.lognormal(8.5, 0.6, n), 1)
    lot[rng.random(n) < 0.05] = np.nan
    lot[rng.random(n) < 0.02] = 0.0
    return pl.DataFrame(
        {
            "house_id": [f"H{i:04d}" for i in range(n)],
            "price": [float(x) for x in price],
            "sqft": with_nulls(rng, [int(x) for x in sqft], 0.03),
            "bedrooms": [int(x) for x in bedrooms],
            "bathrooms": with_nulls(rng, [float(x) for x in rng.choice([1.0, 1.5, 2.0, 2.5, 3.0, 4.0], n)], 0.04),
            "year_built": with_nulls(rng, [int(x) for x in rng.integers(1890, 2024, n)], 0.05),
            "lot_size": [float(x) for x in lot],
            "zipcode": pick(rng, ["10115", "20095", "80331", "50667", "01067", "04109"], n),
            "condition": with_nulls(rng, pick(rng, ["poor", "fair", "good", "very good", "excellent"], n), 0.06),
            "has_garage": with_nulls(rng, [bool(x) for x in rng.random(n) < 0.55], 0.03),
            "lat": [float(x) for x in np.round(rng.uniform(47.3, 54.9, n), 5)],
            "lon": [float(x) for x in np.round(rng.uniform(5.9, 15.0, n), 5)],
            "last_sold": with_nulls(
                rng, [datetime(2015, 1, 1) + timedelta(hours=int(h)) for h in rng.integers(0, 9 * 365 * 24, n)], 0.1
            ),
        },
        schema_overrides={"bedrooms": pl.UInt8, "year_built": pl.Int16, "sqft": pl.Int32},
    )


def events(rng: np.random.Generator) -> pl.DataFrame:
    """A regular daily series per user (no gaps, no nulls in `day`/`ts`) with nested columns.

    Added for the public corpus (tests/differential/public/): upsample, date_range joins,
    group_by_dynamic and rolling need a clean time index, and real code reads list columns
    (`tags`, `scores`), a JSON string column (`payload`), a struct column (`meta`) and a list
    of structs (`items`).
    """
    users, n_days = ["u01", "u02", "u03", "u04", "u05"], 365
    tag_pool = ["promo", "new", "sale", "vip", "mobile", "é-ticket"]
    devices = ["ios", "android", "web", "tv"]
    rows = []
    for u in users:
        level = float(rng.uniform(20, 80))
        for i in range(n_days):
            day = date(2023, 10, 1) + timedelta(days=i)
            level += float(rng.normal(0, 2.0))
            r = rng.random()
            if r < 0.05:
                tags = None
            elif r < 0.15:
                tags = []
            else:
                k = int(rng.integers(1, 4))
                tags = [tag_pool[j] for j in rng.choice(len(tag_pool), size=k, replace=False)]
            m = int(rng.integers(0, 6))
            scores = None if rng.random() < 0.04 else [
                None if rng.random() < 0.05 else int(x) for x in rng.integers(0, 6, m)
            ]
            if rng.random() < 0.06:
                payload = None
            else:
                fields = [f'"device": "{devices[int(rng.integers(0, 4))]}"', f'"version": {int(rng.integers(1, 5))}']
                if rng.random() < 0.8:
                    fields.append(f'"price": {float(np.round(rng.uniform(1, 99), 2))}')
                fields.append('"items": [' + ", ".join(str(int(x)) for x in rng.integers(1, 9, int(rng.integers(0, 4)))) + "]")
                payload = "{" + ", ".join(fields) + "}"
            meta = None if rng.random() < 0.04 else {
                "source": None if rng.random() < 0.05 else ["ads", "organic", "email", "referral"][int(rng.integers(0, 4))],
                "version": int(rng.integers(1, 4)),
                "weight": float(np.round(rng.uniform(0, 2), 3)),
            }
            items = None if rng.random() < 0.03 else [
                {
                    "sku": pick(rng, ["A-1", "B-2", "C-3", "D-4", "E-5"], 1)[0],
                    "qty": int(rng.integers(1, 6)),
                    "unit_price": None if rng.random() < 0.05 else float(np.round(rng.uniform(0.5, 40), 2)),
                }
                for _ in range(int(rng.integers(0, 4)))
            ]
            rows.append(
                {
                    "user_id": u,
                    "day": day,
                    "ts": datetime(day.year, day.month, day.day) + timedelta(seconds=int(rng.integers(0, 86_400))),
                    "kind": pick(rng, ["view", "view", "click", "purchase", None], 1)[0],
                    "value": None if rng.random() < 0.05 else float(np.round(level, 3)),
                    "clicks": None if rng.random() < 0.04 else int(rng.poisson(3)),
                    "tags": tags,
                    "scores": scores,
                    "payload": payload,
                    "meta": meta,
                    "items": items,
                }
            )
    df = pl.DataFrame(
        rows,
        schema={
            "user_id": pl.String,
            "day": pl.Date,
            "ts": pl.Datetime("us"),
            "kind": pl.String,
            "value": pl.Float64,
            "clicks": pl.Int64,
            "tags": pl.List(pl.String),
            "scores": pl.List(pl.Int64),
            "payload": pl.String,
            "meta": pl.Struct({"source": pl.String, "version": pl.Int32, "weight": pl.Float64}),
            "items": pl.List(pl.Struct({"sku": pl.String, "qty": pl.Int64, "unit_price": pl.Float64})),
        },
    )
    return df.with_row_index("event_id", offset=1).with_columns(pl.col("event_id").cast(pl.Int64))


BUILDERS = {
    "customers": customers,
    "transactions": transactions,
    "sensors": sensors,
    "products": products,
    "reviews": reviews,
    "stores": stores,
    "sales": sales,
    "houses": houses,
    # Appended last so that it takes the next seed offset and the frames above keep their bytes.
    "events": events,
}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(f"usage: {argv[0]} OUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for offset, (name, build) in enumerate(BUILDERS.items()):
        frame = build(np.random.default_rng(SEED + offset))
        frame.write_parquet(out / f"{name}.parquet", statistics=False)
        print(f"{name}: {frame.height} rows x {frame.width} columns")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
