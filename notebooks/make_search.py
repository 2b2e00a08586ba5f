# Writes notebooks/search.ipynb (python3 notebooks/make_search.py; needs nbformat).
# An offline `%%fe search` end to end on the example transactions, with the builtin provider.

from notebook_builder import code, md, notebook, write

cells = [
    md("# Automated feature search\n\n`%%fe search` runs rounds of *suggest → check → cross-validate → keep* without you: each round asks the provider for one small set of new columns, the checker and the repair loop of `%%fe suggest` make sure the code is in the safe subset, and the sandboxed worker cross-validates a model with and without the new columns. A round is kept only when its gain is beyond the noise between folds. The generated code is never executed as Python.\n\nThis notebook runs offline: without an API key the **builtin** provider answers, and with a fixed `--seed` the search is the same every run."),
    code("%fe load data/transactions.csv as tx"),
    md("The cell's body describes the data and the goal; it goes into every round's prompt (for an LLM provider) together with the schema summary and what earlier rounds kept and rejected, and why. The table below updates as the search goes."),
    code("%%fe search tx --target is_fraud --rounds 8 --folds 5 --seed 42\ncard payments; the goal is to catch the fraudulent ones"),
    md("In JupyterLab, Notebook or VS Code, a `%%fe apply tx` cell with the kept features now sits below the search: read it and run it to apply them. Until then nothing has changed — the search is only recorded in the frame's history, with the provider, the model, the seed and each round's prompt hash and decision:"),
    code("%fe history tx"),
    md("The same search on a numeric target, by R² of a ridge regression, with a time budget and another seed:"),
    code("%%fe search tx --target amount --metric r2 --rounds 4 --budget-seconds 60 --seed 7\ncard transactions; predict the amount"),
]
write(notebook(cells, "search"), "search.ipynb")
