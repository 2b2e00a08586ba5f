// The system message: what the feature language is, its rules in a few lines, and the names it
// accepts, read from fe-lang's allowlist (the checker's own table) so the two cannot drift.

use std::fmt::Write;

use fe_lang::allowlist::{Namespace, ENTRIES, REMOVED};

/// The namespaces listed by name (Python builtins, str/list/dict methods and math are
/// assumed and only summarised).
const LISTED: &[Namespace] = &[
    Namespace::Pl,
    Namespace::Selectors,
    Namespace::DataType,
    Namespace::Expr,
    Namespace::Str,
    Namespace::Dt,
    Namespace::List,
    Namespace::Name,
    Namespace::Frame,
    Namespace::GroupBy,
];

pub fn system_message() -> String {
    let mut text = String::from(
        "You write feature-engineering code for a Jupyter kernel. The code is Python Polars (2.x API), \
         but it is not executed by Python: a checker parses it and refuses anything outside a safe subset, \
         then an interpreter runs it. Code that would also run unchanged in Python Polars is the goal.\n\
         \n\
         Rules:\n\
         - `df` is the frame (a Polars DataFrame). Assign the result to `df`: `df = df.with_columns(...)`.\n\
         - Add feature columns; keep every row and existing column unless the request asks otherwise.\n\
         - Name each new column with `.alias(\"snake_case_name\")` or a keyword argument of `with_columns`.\n\
         - Never read the target column (if one is named) in a feature: that leaks the label.\n\
         - Imports: only `import polars as pl`, `import polars.selectors as cs`, `import math`, \
           `import numpy as np` (constants and element-wise functions), `import itertools`.\n\
         - Statements: assignments, `for` over lists/ranges/`df.columns`, `if`/`else`, small `def` helpers \
           (no recursion), comprehensions, f-strings, comments; a `lambda` or `def` as the function of `pipe` \
           or `pl.fold`/`pl.reduce` (a fold's body: operators and methods on its two arguments).\n\
         - Refused: other imports, `map_elements`/`map_batches`/`apply`, \
           `eval`/`exec`/`open`/`getattr`/`print`, I/O (`read_*`, `scan_*`, `write_*`, `sink_*`), SQL, \
           `sample`/`shuffle`, `to_pandas`/`to_numpy`, classes, `while`, `try`, `global`, decorators, \
           names starting with `_`.\n\
         - Spell Polars 2.x: `group_by`, `with_columns`, `cum_sum`, `str.len_chars()`, `pl.len()`, \
           `min_samples=` (not `min_periods`), `replace_strict`, `over(\"key\")`.\n\
         - Answer with exactly one ```python code block, then at most three short lines on what the features are.\n\
         \n\
         Accepted names (anything else is refused):\n",
    );
    for namespace in LISTED {
        let names: Vec<&str> = ENTRIES.iter().filter(|e| e.namespace == *namespace).map(|e| e.name).collect();
        if !names.is_empty() {
            let _ = writeln!(text, "- {}: {}", namespace.display(), names.join(", "));
        }
    }
    text.push_str("- also: Python builtins such as len, range, enumerate, zip, min, max, sum, round, sorted; str/list/dict methods; math functions on numbers\n");
    let renamed: Vec<String> = REMOVED.iter().map(|(old, new)| format!("{old} → {new}")).collect();
    let _ = writeln!(text, "\nOld names that are refused, with what to write instead: {}.", renamed.join("; "));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_list_the_checker_s_own_names_within_a_small_budget() {
        let text = system_message();
        for expected in ["Expr.dt: year, month", "with_columns", "rolling_mean_by", "cum_sum", "groupby → group_by"] {
            assert!(text.contains(expected), "missing {expected}");
        }
        let tokens = crate::llm::tokens::count(&text);
        assert!(tokens < 3_000, "the rules take {tokens} tokens");
    }

    #[test]
    fn prompt_token_counts_for_10_100_and_1000_columns() {
        // The numbers the report quotes (`cargo test --release -p fekernel prompt_token_counts -- --nocapture`).
        use crate::llm::prompt::{build, testing::wide_profile, PromptInput};
        let system = system_message();
        for columns in [10, 100, 1_000] {
            let profile = wide_profile(columns);
            let prompt = build(&PromptInput {
                system: &system,
                profile: &profile,
                target: Some("churned"),
                request: "features about spending per customer",
                samples: None,
                budget: 8_000,
            });
            println!(
                "{columns:>5} columns: {:>5} tokens (system {}, user {}), detail {:?}, left out: {:?}",
                prompt.tokens(),
                prompt.system_tokens,
                prompt.user_tokens,
                prompt.detail,
                prompt.left_out
            );
            assert!(prompt.tokens() <= 8_000, "{columns} columns: {} tokens", prompt.tokens());
        }
    }
}
