# Writes notebooks/with-your-llm.ipynb (python3 notebooks/make_with_your_llm.py; needs nbformat):
# pointing %%fe suggest at OpenAI, Anthropic or a local server; offline it falls back to builtin.

from notebook_builder import SKIP_EXECUTION, code, md, notebook, write

REQUEST = "features that could reveal card fraud: bursts of payments, unusual amounts for the customer, risky categories"
LOCAL_URL = "http://localhost:11434/v1"

cells = [
    md(
        "# Suggestions from your own LLM\n\n"
        "`%%fe suggest` can ask OpenAI, Anthropic, or any server that speaks the OpenAI Chat Completions format "
        "on your machine (Ollama, vLLM, LM Studio, llama.cpp). This notebook shows how to point the kernel at each.\n\n"
        "**It runs offline as it is.** With no key and no server set, the default provider `auto` uses the builtin, "
        "rule-based provider (no network). The cells that need a key or a server say so, and carry the tag "
        "`skip-execution`: headless runs (nbclient, `jupyter execute`) skip them; in JupyterLab you run them when "
        "you have set things up."
    ),
    md(
        "## Keys live in the environment, never in a notebook\n\n"
        "The kernel reads API keys only from environment variables of the process that starts it, and never writes "
        "them anywhere (not into outputs, history, prompts, the answer cache or errors). Set them in the shell you "
        "start Jupyter from:\n\n"
        "```sh\n"
        "export OPENAI_API_KEY=...       # for provider=openai (typed in your shell, not here)\n"
        "export ANTHROPIC_API_KEY=...    # for provider=anthropic\n"
        "jupyter lab\n"
        "```\n\n"
        "Every `%fe config` key also has a starting value from `FEKERNEL_<KEY>`, e.g. for a local Ollama:\n\n"
        "```sh\n"
        f"FEKERNEL_PROVIDER=openai FEKERNEL_BASE_URL={LOCAL_URL} FEKERNEL_MODEL=qwen2.5-coder:7b jupyter lab\n"
        "```\n\n"
        "A key under another name (OpenRouter, a company gateway): `%fe config api_key_env=MY_LLM_KEY` names the "
        "variable, never the key itself."
    ),
    md("Some data to ask about: the transactions with their customers' attributes."),
    code("%fe load data/transactions.csv as tx\n%fe load data/customers.csv"),
    code('%%fe apply tx\ndf = df.join(customers, on="customer_id", how="left")'),
    md(
        "## Which provider answers\n\n"
        "`provider=auto` (the default) picks `openai` when a `base_url` or `OPENAI_API_KEY` is set, else `anthropic` "
        "when `ANTHROPIC_API_KEY` is set, else `builtin`. `%fe config` shows the choice and why, in the `provider` "
        "line, and whether the key it needs is set:"
    ),
    code("%fe config"),
    md(
        "## What would be sent\n\n"
        "`%fe prompt` shows exactly what `%%fe suggest` sends, with its token count: a schema summary of the frame "
        "(dtypes, nulls, distinct values, ranges, top values) and the rules of the feature language — no rows, "
        "unless you allow some with `%fe config samples=N`. It sends nothing and needs no key."
    ),
    code("%fe prompt tx --target is_fraud"),
    md(
        "## A suggestion from the provider you set up\n\n"
        "This cell asks whichever provider `auto` chose: your LLM when its key or `base_url` is set, the builtin "
        "provider otherwise. The review's *Provenance* line names the provider and model, the tokens and the "
        "latency; the code is checked and tried on a sample before you see it, and the `%%fe apply tx` cell it "
        "inserts is yours to run. Answers are cached on disk, so running the notebook again does not pay twice "
        "(`%fe config cache=off` to ask again)."
    ),
    code(f"%%fe suggest tx --target is_fraud\n{REQUEST}"),
    md(
        "## OpenAI — needs `OPENAI_API_KEY`\n\n"
        "`--provider` and `--model` choose for one cell; `%fe config provider=openai model=gpt-4o-mini` for the "
        "session. Without the key this cell stops with an `LLMError` that names the variable, sends nothing and "
        "changes nothing. *Tagged `skip-execution`: run it yourself once the key is set.*"
    ),
    code(f"%%fe suggest tx --target is_fraud --provider openai --model gpt-4o-mini\n{REQUEST}", SKIP_EXECUTION),
    md(
        "## Anthropic — needs `ANTHROPIC_API_KEY`\n\n"
        "The Messages API, streamed like the others. *Tagged `skip-execution`: run it yourself once the key is set.*"
    ),
    code(f"%%fe suggest tx --target is_fraud --provider anthropic --model claude-sonnet-4-5\n{REQUEST}", SKIP_EXECUTION),
    md(
        "## A server on your machine — needs the server running\n\n"
        "Any OpenAI-compatible server works through `provider=openai` and its `base_url`; on `localhost` no key is "
        "needed. The usual addresses:\n\n"
        "| server | base_url | start it |\n"
        "|---|---|---|\n"
        f"| Ollama | `{LOCAL_URL}` | `ollama pull qwen2.5-coder:7b` (the server runs as `ollama serve`) |\n"
        "| vLLM | `http://localhost:8000/v1` | `vllm serve MODEL` |\n"
        "| LM Studio | `http://localhost:1234/v1` | the Developer tab → Start Server |\n"
        "| llama.cpp | `http://localhost:8080/v1` | `llama-server -m MODEL.gguf` |\n\n"
        "Small local models often write code outside the feature language; the checker's messages go back to the "
        "model for up to `max_repairs` fixes (2 by default), and `llm_timeout` (120 s) bounds each request. "
        "*These three cells are tagged `skip-execution`: run them once your server is up.*"
    ),
    code(f"%fe config provider=openai base_url={LOCAL_URL} model=qwen2.5-coder:7b", SKIP_EXECUTION),
    code(f"%%fe suggest tx --target is_fraud\n{REQUEST}", SKIP_EXECUTION),
    md("Back to the defaults (`auto`: your keys, else builtin) after trying the local server:"),
    code("%fe config provider=auto base_url=default model=default", SKIP_EXECUTION),
    md(
        "## What stayed the same\n\n"
        "No suggestion changed `tx`: each one only inserted an apply cell for you to review and run. "
        "`%fe history tx` lists what did:"
    ),
    code("%fe history tx"),
]
write(notebook(cells, "llm"), "with-your-llm.ipynb")
