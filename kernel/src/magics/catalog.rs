// The documented magic commands (DESIGN.md "Magics", the user contract): spelling, form,
// synopsis, description and examples. Handlers are attached separately by the registry.

use super::parse::MagicForm;

/// What `%fe help` says about one command. Static so the help is the same in every session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandDoc {
    pub name: &'static str,
    pub form: MagicForm,
    /// Arguments after the name, e.g. `PATH [as NAME]`.
    pub arguments: &'static str,
    /// What the cell body holds (cell magics only), e.g. `<feature code>`.
    pub body: Option<&'static str>,
    /// One line for the command list.
    pub summary: &'static str,
    /// A paragraph for `%fe help NAME`.
    pub description: &'static str,
    /// Whole cells a user can copy; the first one is shown in the command list.
    pub examples: &'static [&'static str],
}

impl CommandDoc {
    /// The magic line, e.g. `%fe load PATH [as NAME]`.
    pub fn synopsis_line(&self) -> String {
        let mut line = format!("{} {}", self.form.prefix(), self.name);
        if !self.arguments.is_empty() {
            line.push(' ');
            line.push_str(self.arguments);
        }
        line
    }

    /// The synopsis without the prefix, as used in usage messages: `load PATH [as NAME]`.
    pub fn synopsis_words(&self) -> String {
        self.synopsis_line()[self.form.prefix().len() + 1..].to_string()
    }

    /// The full usage: the magic line, and for cell magics the body placeholder below it.
    pub fn usage(&self) -> String {
        match self.body {
            Some(body) => format!("{}\n{body}", self.synopsis_line()),
            None => self.synopsis_line(),
        }
    }
}

/// Every command of DESIGN.md, in the order `%fe help` lists them.
pub const COMMANDS: &[CommandDoc] = &[
    CommandDoc {
        name: "help",
        form: MagicForm::Line,
        arguments: "[COMMAND]",
        body: None,
        summary: "every command, with examples",
        description: "Without an argument, lists every command with a one-line description and an \
                      example. With a command name, shows its usage, what it does and examples.",
        examples: &["%fe help", "%fe help apply"],
    },
    CommandDoc {
        name: "load",
        form: MagicForm::Line,
        arguments: "PATH [as NAME] [--lazy|--eager]",
        body: None,
        summary: "load a csv, parquet, arrow/ipc or json/ndjson file (or a folder or glob of them) as a frame",
        description: "Reads the file into the isolated worker as a new frame (version 1). The \
                      format follows the extension. The frame is named after the file unless \
                      `as NAME` is given. A folder or glob of Parquet, CSV or Arrow files (hive \
                      `key=value` folders become columns), or a source larger than a quarter of \
                      the worker's memory, is kept as a scan: applies only plan, and `show` and \
                      `save` stream it (docs/larger-than-memory.md). `--lazy` or `--eager` choose.",
        examples: &[
            "%fe load data/transactions.csv as tx",
            "%fe load \"my data/sales.parquet\"",
            "%fe load \"events/*.parquet\" as events --lazy",
        ],
    },
    CommandDoc {
        name: "frames",
        form: MagicForm::Line,
        arguments: "",
        body: None,
        summary: "list loaded frames: name, rows, columns, version, memory",
        description: "Shows one row per loaded frame with its current version and size.",
        examples: &["%fe frames"],
    },
    CommandDoc {
        name: "show",
        form: MagicForm::Line,
        arguments: "NAME [N]",
        body: None,
        summary: "the first N rows of a frame as a table (default 10)",
        description: "Displays the head of frame NAME as an HTML table, with a plain-text table \
                      beside it for consoles.",
        examples: &["%fe show tx", "%fe show tx 25"],
    },
    CommandDoc {
        name: "schema",
        form: MagicForm::Line,
        arguments: "NAME",
        body: None,
        summary: "per column: dtype, nulls, unique, min/max/mean, top values",
        description: "Profiles every column of frame NAME: its data type, null count, number of \
                      distinct values, min/max/mean for numbers and the most frequent values.",
        examples: &["%fe schema tx"],
    },
    CommandDoc {
        name: "suggest",
        form: MagicForm::Cell,
        arguments: "NAME [--target COL] [--provider P] [--model M]",
        body: Some("<what you want, in words>"),
        summary: "ask the LLM for feature code; review it; insert an apply cell",
        description: "Sends a schema summary of NAME (never raw rows unless you opt in) and your \
                      request to the LLM, checks the code it returns, tries it on a sample and \
                      shows the code, the new columns and any warnings (e.g. target leakage). \
                      It then inserts a `%%fe apply NAME` cell with the code: running that cell \
                      is the approval.",
        examples: &[
            "%%fe suggest tx --target churned\nfeatures about spending per customer over the last 30 days",
            "%%fe suggest tx --provider builtin\ndate features and ratios",
        ],
    },
    CommandDoc {
        name: "search",
        form: MagicForm::Cell,
        arguments: "NAME --target COL [--rounds N] [--budget-seconds S] [--metric auc|logloss|rmse|r2] [--folds K] [--sample ROWS] [--seed S] [--provider P] [--model M]",
        body: Some("<the data and the goal, in words>"),
        summary: "automated feature search: suggest, check, cross-validate, keep what helps",
        description: "Runs rounds of `%%fe suggest` without you: each round asks the LLM for one \
                      small set of new columns (its prompt lists what earlier rounds kept and \
                      rejected, and why), checks and repairs the code, and has the worker \
                      cross-validate the same model as `%fe evaluate` with and without the new \
                      columns on K folds (default 5; every statistic of the code and the model is \
                      fitted on the training folds only). A round is kept only when its gain is \
                      positive beyond fold noise: Nadeau & Bengio's corrected resampled t over the \
                      folds above Student's t at 0.975 with K - 1 degrees of freedom. Code that \
                      reads the target is rejected as leakage. A live table shows every round; \
                      interrupt stops after the current step and keeps what was decided. At the \
                      end the kept features are inserted as one `%%fe apply NAME` cell for \
                      review (nothing is applied until you run it) and the search is kept in \
                      `%fe history NAME`. Metric: auc (default for a class target), logloss, r2 \
                      (default for a numeric one) or rmse; --sample caps the rows (default 5000), \
                      --seed fixes folds, sampling and the builtin provider's order (default 42).",
        examples: &[
            "%%fe search cells --target malignant --rounds 5\nbreast cancer cell nuclei measurements; predict malignancy",
            "%%fe search tx --target churned --metric logloss --budget-seconds 120 --seed 7\ncustomer transactions; predict churn",
        ],
    },
    CommandDoc {
        name: "apply",
        form: MagicForm::Cell,
        arguments: "NAME",
        body: Some("<feature code>"),
        summary: "check feature code, run it in the worker, commit a new version",
        description: "The body is Python Polars code where `df` is frame NAME. It is parsed and \
                      checked against the allowed subset (it is never executed as Python), run \
                      in the sandboxed worker, and whatever `df` is bound to at the end becomes \
                      NAME's next version.",
        examples: &["%%fe apply tx\ndf = df.with_columns(amount_log=pl.col(\"amount\").log1p())"],
    },
    CommandDoc {
        name: "undo",
        form: MagicForm::Line,
        arguments: "NAME",
        body: None,
        summary: "go back to the previous version of a frame",
        description: "Makes the version before the current one the current version of NAME. \
                      Versions are checkpoints on disk, so nothing is recomputed.",
        examples: &["%fe undo tx"],
    },
    CommandDoc {
        name: "history",
        form: MagicForm::Line,
        arguments: "NAME",
        body: None,
        summary: "versions of a frame, with code and provenance",
        description: "Lists every version of NAME with the code that produced it and where that \
                      code came from (typed by you or suggested by which model).",
        examples: &["%fe history tx"],
    },
    CommandDoc {
        name: "save",
        form: MagicForm::Line,
        arguments: "NAME PATH",
        body: None,
        summary: "write a frame to parquet / csv / arrow",
        description: "Writes the current version of NAME to PATH; the format follows the extension.",
        examples: &["%fe save tx out/tx_features.parquet"],
    },
    CommandDoc {
        name: "export",
        form: MagicForm::Line,
        arguments: "NAME PATH.py | NAME --target pyspark [PATH.py] [--check] [--key a,b]",
        body: None,
        summary: "the pipeline as a runnable Python Polars (or PySpark) script",
        description: "Writes a standalone Python Polars script that rebuilds NAME from its source \
                      file(s) through every committed step since its last load (frames a step \
                      read, such as a joined table, are rebuilt first, as of the version read), \
                      with each step's time and author (typed, or suggested by provider/model) as \
                      comments. `python PATH.py [OUT.parquet]` prints the shape and writes the \
                      frame. PATH must end in `.py`; missing folders are created. With `--target \
                      pyspark` the steps are translated to PySpark (a `build_features(df, **inputs)` \
                      function and a `__main__` for spark-submit; default PATH `NAME_pyspark.py`); a \
                      step without a faithful Spark equivalent is refused with its line. `--check` \
                      runs the script on a local Spark (the Python in FEKERNEL_PYSPARK_PYTHON) on the \
                      frame's own sources and compares with the kernel's frame (rows matched by \
                      `--key`, default every non-float column; floats to 1e-9 relative).",
        examples: &["%fe export tx pipeline.py", "%fe export tx --target pyspark jobs/tx_features.py --check"],
    },
    CommandDoc {
        name: "evaluate",
        form: MagicForm::Line,
        arguments: "NAME --target COL [--features a,b,…]",
        body: None,
        summary: "rank features against a target; compare models with and without them",
        description: "For each feature (default: the columns added since NAME was loaded): null \
                      rate, distinct values, mutual information, and ROC AUC (categorical target) \
                      or Spearman/Pearson (numeric target), ranked, with a histogram per feature. \
                      Then a 5-fold cross-validated logistic (classes) or ridge (numbers) \
                      regression on the loaded columns alone and with the features, with the \
                      difference per fold. Computed in the worker; nothing is changed.",
        examples: &["%fe evaluate penguins --target species", "%fe evaluate tx --target fraud --features amount_z,night"],
    },
    CommandDoc {
        name: "replay",
        form: MagicForm::Line,
        arguments: "NAME PATH [as NEW] [--recompute]",
        body: None,
        summary: "apply a frame's recorded steps to new data",
        description: "Loads PATH and runs every recorded step of NAME on it, giving a new frame \
                      (named NEW, or after the file). Fitted by default: statistics the steps learn \
                      (means, quantiles, counts, per-group values) come from the data NAME was built \
                      on, so a test set or next month never leaks into its own features. \
                      `--recompute` learns them from the new data instead, as an exported script does.",
        examples: &["%fe replay tx data/transactions_2024_05.csv as may", "%fe replay tx data/test.parquet as test --recompute"],
    },
    CommandDoc {
        name: "to-rust",
        form: MagicForm::Line,
        arguments: "NAME [as VAR]",
        body: None,
        summary: "the frame as a polars DataFrame variable in the Rust cells",
        description: "Makes the current version of frame NAME a `polars::prelude::DataFrame` variable \
                      (named VAR, or NAME) of the Rust cells, memory-mapped from its checkpoint file. \
                      The first use adds polars to the Rust cells; compiling it inside evcxr takes \
                      minutes once per machine (evcxr caches the build).",
        examples: &["%fe to-rust tx", "%fe to-rust tx as transactions"],
    },
    CommandDoc {
        name: "from-rust",
        form: MagicForm::Line,
        arguments: "VAR as NAME",
        body: None,
        summary: "a DataFrame variable of the Rust cells becomes a frame",
        description: "Hands the `polars::prelude::DataFrame` in Rust variable VAR to the worker as frame \
                      NAME: a new frame, or the next version of an existing one, recorded in its history \
                      as coming from this Rust cell.",
        examples: &["%fe from-rust scored as tx_scored"],
    },
    CommandDoc {
        name: "prompt",
        form: MagicForm::Line,
        arguments: "NAME [--target COL]",
        body: None,
        summary: "exactly what would be sent to the LLM",
        description: "Shows the prompt `%%fe suggest` would send for NAME, without sending it.",
        examples: &["%fe prompt tx --target churned"],
    },
    CommandDoc {
        name: "config",
        form: MagicForm::Line,
        arguments: "[KEY=VALUE ...]",
        body: None,
        summary: "provider, model, base_url, mode, limits, privacy",
        description: "Without arguments, shows the settings: worker limits and LLM suggestions \
                      (provider, model, base_url, api_key_env, mode, samples, temperature, cache, \
                      max_repairs, llm_timeout, retries, rate_limit, max_tokens, prompt_tokens, \
                      preview_rows). With KEY=VALUE pairs, changes them for this session; every \
                      pair is checked before any is applied. Each LLM key can also be set before \
                      the kernel starts as FEKERNEL_<KEY>, e.g. FEKERNEL_PROVIDER, FEKERNEL_MODEL, \
                      FEKERNEL_BASE_URL. API keys are read only from the environment.",
        examples: &[
            "%fe config",
            "%fe config provider=anthropic model=claude-sonnet-4-5",
            "%fe config provider=openai base_url=http://localhost:11434/v1 model=qwen2.5-coder",
        ],
    },
    CommandDoc {
        name: "status",
        form: MagicForm::Line,
        arguments: "",
        body: None,
        summary: "worker, limits, sandbox layers in force",
        description: "Shows whether the worker runs, its resource limits and which isolation \
                      layers (namespaces, Landlock, seccomp, rlimits) are in force.",
        examples: &["%fe status"],
    },
];

/// The documentation of `name`, if it is a command.
pub fn find(name: &str) -> Option<&'static CommandDoc> {
    COMMANDS.iter().find(|doc| doc.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_an_example_that_uses_its_own_spelling() {
        for doc in COMMANDS {
            assert!(!doc.examples.is_empty(), "{} has no example", doc.name);
            for example in doc.examples {
                let first_line = example.lines().next().unwrap();
                let expected = format!("{} {}", doc.form.prefix(), doc.name);
                assert!(
                    first_line == expected || first_line.starts_with(&format!("{expected} ")),
                    "example `{example}` does not start with `{expected}`"
                );
                assert_eq!(doc.body.is_some(), example.contains('\n'), "{}: body and example disagree", doc.name);
            }
        }
    }

    #[test]
    fn synopsis_spells_the_prefix_and_arguments() {
        assert_eq!(find("load").unwrap().synopsis_line(), "%fe load PATH [as NAME] [--lazy|--eager]");
        assert_eq!(find("apply").unwrap().usage(), "%%fe apply NAME\n<feature code>");
        assert_eq!(find("frames").unwrap().synopsis_line(), "%fe frames");
        assert_eq!(find("show").unwrap().synopsis_words(), "show NAME [N]");
    }
}
