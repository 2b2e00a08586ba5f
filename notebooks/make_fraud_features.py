# Writes notebooks/fraud-features.ipynb (python3 notebooks/make_fraud_features.py; needs nbformat):
# time windows, joins and per-customer statistics for a fraud model, then a suggestion, history, save.

from notebook_builder import code, md, notebook, write

cells = [
    md(
        "# Fraud features\n\n"
        "Features for a card-fraud model on 2,000 transactions (January–April 2024) of 120 customers; "
        "`is_fraud` is the label. The data is made by `data/make_data.py`, which also writes a held-out month "
        "(`data/transactions_2024_05.csv`, May 2024) to try the same steps on later.\n\n"
        "Everything here runs offline: feature code is Python Polars that fekernel checks and interprets "
        "(it never runs it as Python), and the suggestion comes from the builtin provider unless you set up an LLM "
        "(see `with-your-llm.ipynb`)."
    ),
    code("%fe load data/transactions.csv as tx\n%fe load data/customers.csv"),
    md("The columns of `tx`: `ts` was read as a datetime, so time windows work on it directly."),
    code("%fe schema tx"),
    md(
        "## Time windows per customer\n\n"
        "Fraud often shows as a burst: many or large payments in a short time. `rolling_*_by(\"ts\", window_size=…)` "
        "looks back over a time window (the current payment included) and `.over(\"customer_id\")` keeps each "
        "customer's window to their own payments. Sorting by `ts` first keeps every window in time order."
    ),
    code(
        "%%fe apply tx\n"
        "per_customer = \"customer_id\"\n"
        "df = df.sort(\"ts\").with_columns(\n"
        "    tx_count_24h=pl.col(\"amount\").is_not_null().cast(pl.Int32).rolling_sum_by(\"ts\", window_size=\"24h\").over(per_customer),\n"
        "    amount_sum_24h=pl.col(\"amount\").rolling_sum_by(\"ts\", window_size=\"24h\").over(per_customer),\n"
        "    amount_max_7d=pl.col(\"amount\").rolling_max_by(\"ts\", window_size=\"7d\").over(per_customer),\n"
        "    amount_mean_30d=pl.col(\"amount\").rolling_mean_by(\"ts\", window_size=\"30d\").over(per_customer),\n"
        "    hours_since_previous=(pl.col(\"ts\").diff().dt.total_seconds() / 3600).over(per_customer),\n"
        ")"
    ),
    md(
        "## What we know about the customer\n\n"
        "Other frames are visible by name in feature code: join `customers` for the country, segment, credit limit "
        "and sign-up date, then derive the account's age at the time of each payment and the payment's share of "
        "the credit limit (null where the limit is unknown)."
    ),
    code(
        "%%fe apply tx\n"
        "df = df.join(customers, on=\"customer_id\", how=\"left\").with_columns(\n"
        "    account_age_days=(pl.col(\"ts\").dt.date() - pl.col(\"signup_date\")).dt.total_days(),\n"
        "    amount_to_limit=pl.col(\"amount\") / pl.col(\"credit_limit\"),\n"
        "    night=(pl.col(\"ts\").dt.hour() < 5).cast(pl.Int8),\n"
        ")"
    ),
    md(
        "## Per-customer statistics\n\n"
        "How unusual is a payment *for this customer*? A `group_by` gives one row per customer, joined back onto "
        "every payment; `over` gives the same without the join. These use the whole period, so in production you "
        "would compute them on a training window only — never on the label."
    ),
    code(
        "%%fe apply tx\n"
        "stats = df.group_by(\"customer_id\").agg(\n"
        "    customer_payments=pl.len(),\n"
        "    customer_amount_median=pl.col(\"amount\").median(),\n"
        "    customer_categories=pl.col(\"category\").n_unique(),\n"
        "    customer_night_share=pl.col(\"night\").mean(),\n"
        ")\n"
        "df = df.join(stats, on=\"customer_id\", how=\"left\").with_columns(\n"
        "    amount_vs_median=pl.col(\"amount\") / pl.col(\"customer_amount_median\"),\n"
        "    amount_z=(pl.col(\"amount\") - pl.col(\"amount\").mean().over(\"customer_id\"))\n"
        "    / pl.col(\"amount\").std().over(\"customer_id\"),\n"
        "    merchant_is_new=(pl.col(\"merchant\").cum_count().over(\"customer_id\", \"merchant\") == 1).cast(pl.Int8),\n"
        ")"
    ),
    code("%fe show tx 5"),
    md(
        "## Ask for more\n\n"
        "`%%fe suggest` sends a schema summary of `tx` (statistics, no rows) and the request. With `--target is_fraud` "
        "the prompt tells the model not to read the label, and the review warns about any feature that does "
        "(target leakage). The code is checked and tried on a sample before you see it."
    ),
    code("%%fe suggest tx --target is_fraud\nfrequency encodings of merchant and category, and ratios of the amount"),
    md(
        "In JupyterLab, Notebook or VS Code the suggested `%%fe apply tx` cell is now just above this text: running "
        "it is the approval, and `%fe history` will show it as *suggested by* the provider. Headless runs (nbclient) "
        "ignore the inserted cell, so there `tx` stays as it is."
    ),
    md(
        "## Which features help?\n\n"
        "`%fe evaluate` ranks every feature of `tx` against `is_fraud` (mutual information, single-feature AUC), "
        "plots a histogram of each by class, and compares a cross-validated model without and with them."
    ),
    code("%fe evaluate tx --target is_fraud"),
    md("## What was done\n\nEvery version is a checkpoint with the code that made it:"),
    code("%fe history tx"),
    code("%fe save tx output/fraud_features.parquet"),
    md("The same steps as a plain Python Polars script (it runs without fekernel):"),
    code("%fe export tx output/fraud_pipeline.py"),
    md(
        "## The held-out month\n\n"
        "`%fe replay` runs the recorded steps of `tx` on May's file. It is *fitted* by default: every statistic "
        "the steps learned (per-customer means, frequencies, quantiles) comes from the January–April data they were "
        "built on, so May's own rows — and its labels — never leak into May's features. `--recompute` would learn "
        "them from May instead, as the exported script does."
    ),
    code("%fe replay tx data/transactions_2024_05.csv as may"),
    md("How well do the features carry over? The same evaluation, on May:"),
    code("%fe evaluate may --target is_fraud"),
    code("%fe frames"),
]
write(notebook(cells, "fraud"), "fraud-features.ipynb")
