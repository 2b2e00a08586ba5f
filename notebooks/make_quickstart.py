# Writes notebooks/quickstart.ipynb (python3 notebooks/make_quickstart.py; needs nbformat).
# The notebook is generated so its story stays in one reviewable file.

from notebook_builder import RAISES_EXCEPTION, code, md, notebook, write

cells = [
    md("# fekernel quickstart\n\nfekernel is a Jupyter kernel for feature engineering on Polars frames. Cells that start with `%fe` or `%%fe` are *magics*: they load data into an isolated worker process, and run feature code you write (or an LLM suggests) after checking it. Every other cell is plain Rust.\n\nThe data: 2,000 card transactions and 120 customers (`data/make_data.py` made them)."),
    md("Every command, with an example:"),
    code("%fe help"),
    md("Load both files. Each becomes a *frame* held by the sandboxed worker; the kernel itself never holds your data."),
    code("%fe load data/transactions.csv as tx\n%fe load data/customers.csv"),
    md("What is in `tx`, per column:"),
    code("%fe schema tx"),
    md("Feature code is ordinary Python Polars: `df` is the frame. fekernel never runs it as Python — it parses it, checks it against an allowlist of the Polars API and interprets it into Rust Polars plans. Whatever `df` is at the end becomes the frame's next version."),
    code('%%fe apply tx\ndf = df.with_columns(\n    hour=pl.col("ts").dt.hour(),\n    night=(pl.col("ts").dt.hour() < 5).cast(pl.Int8),\n    amount_log=pl.col("amount").log1p(),\n    amount_vs_customer=pl.col("amount") / pl.col("amount").mean().over("customer_id"),\n)\ndf = df.join(customers.select("customer_id", "segment", "credit_limit"), on="customer_id", how="left")'),
    md("Code outside the allowed subset is refused before anything runs, with the line, the column and a hint — and the frame stays as it was:"),
    code('%%fe apply tx\ndf = df.with_columns(pl.col("amount").map_elements(lambda v: v * 2).alias("double"))', RAISES_EXCEPTION),
    md("## Feature suggestions\n\n`%fe prompt` shows exactly what an LLM would be sent: statistics of every column (no rows), the target, and the rules of the feature language, with the token count:"),
    code("%fe prompt tx --target is_fraud"),
    md("`%%fe suggest` asks the provider for feature code. Without an API key (or a `base_url`) it uses the offline **builtin** provider; set `OPENAI_API_KEY` / `ANTHROPIC_API_KEY`, or `%fe config provider=openai base_url=http://localhost:11434/v1 model=…` for a local server (see `with-your-llm.ipynb`). The code is checked and tried on a sample in the worker, and the review lists the new columns and any warnings. In JupyterLab, Notebook and VS Code the next cell, `%%fe apply tx` with the code, appears by itself: running it is the approval."),
    code("%%fe suggest tx --target is_fraud\nfeatures about spending per customer"),
    md("In JupyterLab, Notebook or VS Code, the `%%fe apply tx` cell with the suggested code is now just above this text: read it, edit it if you like, and run it (Shift-Enter) to apply it.\n\nThis notebook also runs headless (no one to approve, and headless runners ignore the inserted cell), so here `mode=direct` applies the next suggestion at once after the same checks:"),
    code("%fe config mode=direct"),
    code("%%fe suggest tx --target is_fraud\ndate and time features"),
    code("%fe config mode=review"),
    md("Every version is a checkpoint on disk; `%fe history` shows the code behind each and where it came from, `%fe undo` walks back."),
    code("%fe history tx"),
    code("%fe show tx 5"),
    md("## Evaluate and export\n\n`%fe evaluate` ranks the features against the target (mutual information, single-feature AUC, nulls), draws a histogram of each by class, and compares a cross-validated model without and with the new features:"),
    code("%fe evaluate tx --target is_fraud"),
    md("`%fe save` writes the frame; `%fe export` writes the steps that made it as a plain Python Polars script — it runs unchanged with `python output/tx_pipeline.py`, no fekernel needed:"),
    code("%fe save tx output/tx_features.parquet"),
    code("%fe export tx output/tx_pipeline.py"),
    md("Where the worker runs and which isolation layers are in force on this machine:"),
    code("%fe status"),
    md("Plain cells are Rust, run by evcxr (the first one takes a few seconds to start the evaluator):"),
    code('let scores = vec![0.82, 0.91, 0.77];\nlet mean: f64 = scores.iter().sum::<f64>() / scores.len() as f64;\nprintln!("mean score: {mean:.3}");'),
    code("scores.len()"),
]
# The refused cell is part of the story (tagged so nbclient goes on after it).
write(notebook(cells, "quickstart"), "quickstart.ipynb")
