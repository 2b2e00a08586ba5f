// The language reference (docs/feature-language.md), generated from the allowlist table and
// the diagnostic codes so the documentation cannot drift from what the checker accepts.

use std::fmt::Write;

use crate::allowlist::{self, Namespace, ENTRIES, REMOVED, REMOVED_KEYWORDS};
use crate::diagnostics::Code;
use crate::Limits;

/// The full Markdown text of `docs/feature-language.md`.
pub fn reference_markdown() -> String {
    let mut out = String::new();
    let limits = Limits::default();
    let _ = write!(
        out,
        "# The fekernel feature language\n\n\
         <!-- Generated from lang/src/allowlist.rs by `cargo test --release -p fe-lang --test reference -- --ignored regenerate`. Do not edit by hand. -->\n\n\
         The body of `%%fe apply NAME` is Python that uses Python Polars. It is never executed by Python:\n\
         fekernel parses it, refuses everything that is not listed below (before anything runs), and\n\
         interprets the rest into Rust Polars lazy plans. `df` is bound to frame NAME; other loaded\n\
         frames are visible by their names. Whatever `df` is bound to at the end becomes NAME's new\n\
         version. The same code gives the same frame in Python Polars 2.1 (names, order, dtypes,\n\
         values); where Rust Polars 0.55 and Python Polars 2.1 differ, the interpreter follows\n\
         Python or refuses with a message.\n\n"
    );
    out.push_str("## Statements\n\n");
    for line in [
        "`import polars as pl`, `import polars.selectors as cs`, `import math`, `import numpy as np`, `import itertools`, `import operator` (all are also pre-bound), and `from <one of these> import <listed name>`; `import typing` and `from typing import <name>` for names used only in annotations (annotations are ignored)",
        "assignment, tuple unpacking, `d[key] = value`, `xs[i] = value`, augmented assignment (`+=` …), annotated assignment",
        "`for` over a list, tuple, dict, string, `range(...)`, `enumerate`, `zip`, `df.columns`, `df.schema.items()` (bounded), with `break`/`continue`",
        "`if` / `elif` / `else`; conditional expressions `a if cond else b`",
        "`def` helpers (at the top level, or inside another helper, see Checked functions) with positional, keyword, default, `*args` (a tuple) and `**kwargs` (a dict) parameters (no recursion, no decorators), `return`; a helper whose body has `yield value` / `yield from xs` statements is a generator: calling it gives the list of what it yielded (made at once, counted against max_list_len)",
        "`raise ValueError(\"…\")` (or TypeError, KeyError, IndexError, RuntimeError, NotImplementedError, Exception, AssertionError, ArithmeticError, LookupError) and a failed `assert test, msg` stop the cell with that error and message (FE204, FE203 for TypeError); nothing is changed",
        "`getattr(obj, name)` with exactly two arguments: the name, a constant or a computed string, must be an accepted attribute (checked like `obj.name` written out: before anything runs for a constant, when it is known otherwise)",
        "`sorted(xs, key=lambda x: …, reverse=…)`, `min(xs, key=lambda …)`, `max(xs, key=lambda …)` on plain Python values (the lambda is evaluated while the plan is built); starred targets `first, *rest = xs`",
        "list, set, dict comprehensions and generator expressions; f-strings with `!r` and the specs `.2f`, `d`, `.1%`, `,`, widths",
        "`lambda` expressions: checked functions like `def` helpers (see below)",
        "`pass`, docstrings and comments",
    ] {
        let _ = writeln!(out, "* {line}");
    }
    out.push_str("\nOperators: `+ - * / // % **` (`/` is true division, as in Python), `& | ^ ~` on expressions and selectors, comparisons (chained comparisons on plain values), `and`/`or`/`not` on plain values, `in`/`not in`, `is None`.\n\n");
    out.push_str("A bare string is a column name wherever Python Polars treats it so (`pl.col`, `select`, `with_columns`, `group_by`, `over`, `then`/`otherwise`, `concat_str`, horizontal functions); it is a literal in operands of `+` and comparisons, `fill_null`, `replace`, `shift(fill_value=)`, and every `str.*` argument.\n\n");

    out.push_str(CHECKED_FUNCTIONS);
    out.push_str("## Accepted names\n\n");
    for namespace in Namespace::all() {
        let entries: Vec<_> = ENTRIES.iter().filter(|e| e.namespace == *namespace).collect();
        if entries.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {}\n", namespace.display());
        out.push_str("| name | Python signature | notes and known differences |\n|---|---|---|\n");
        for entry in entries {
            let signature = match entry.params {
                Some(params) => format!("`{}({})`", entry.name, params),
                None => format!("`{}`", entry.name),
            };
            let _ = writeln!(out, "| `{}` | {} | {} |", entry.name, signature, entry.notes.replace('|', "\\|"));
        }
        out.push('\n');
    }

    out.push_str("## Names removed from Python Polars (refused with the new spelling)\n\n| old | use |\n|---|---|\n");
    for (old, new) in REMOVED {
        let _ = writeln!(out, "| `{old}` | `{new}` |");
    }
    out.push_str("\nKeyword arguments: ");
    let keywords: Vec<String> = REMOVED_KEYWORDS.iter().map(|(old, new)| format!("`{old}=` → {new}")).collect();
    out.push_str(&keywords.join("; "));
    out.push_str(".\n\n");

    out.push_str("## Always refused\n\n");
    let _ = writeln!(out, "* imports of any other module; star imports");
    let _ = writeln!(out, "* attribute names starting with `_` (dunder and private members); names starting with `__`");
    let _ = writeln!(out, "* the builtins {}", allowlist::FORBIDDEN_BUILTINS.iter().map(|b| format!("`{b}`")).collect::<Vec<_>>().join(", "));
    for line in [
        "`map_elements`, `map_batches`, `map_groups`, `apply`, `rolling_map`, plugins and every other per-row Python hook (whatever function they are given)",
        "every `read_*`, `scan_*`, `write_*`, `sink_*`, `from_*` function; URLs in strings; SQL (`sql`, `SQLContext`)",
        "`to_pandas`, `to_numpy`, `to_arrow` and other exits from the plan; `sample`/`shuffle` (not reproducible); `to_physical`; `hash`, `hash_rows` (Rust Polars 0.55 and Python Polars 2.1 give other hash values for the same seed)",
        "`class` (except a top-level class whose body is `@staticmethod` helpers, called as `Name.helper(...)`), `while`, `try`/`except`, bare `raise` and `raise … from …`, `with`, `global`/`nonlocal`, `del`, `match`, decorators, `yield` outside a helper or as a value, `async`/`await`, the walrus `:=`, a `def` inside a `def` that reads a name the enclosing helper assigns again after it (or in the loop around it), since Python would read the later value",
        "`format_map`, `%` formatting, and `str.format` templates whose fields read attributes or items (`{0.x}`, `{0[i]}`); plain `\"{}_{name}\".format(...)` and f-strings are accepted",
        "`date.today()`, `datetime.now()` and other clock or random values (results must be reproducible)",
        "recursion between helpers (found statically), and nesting deeper than the call-depth limit",
    ] {
        let _ = writeln!(out, "* {line}");
    }

    out.push_str("\n## Budgets (defaults)\n\n");
    let _ = writeln!(out, "| budget | default | error |\n|---|---|---|");
    let _ = writeln!(out, "| evaluation steps | {} | FE301 |", limits.max_steps);
    let _ = writeln!(out, "| loop and comprehension iterations | {} | FE302 |", limits.max_loop_iterations);
    let _ = writeln!(out, "| list length | {} | FE303 |", limits.max_list_len);
    let _ = writeln!(out, "| helper call depth | {} | FE304 |", limits.max_call_depth);
    let _ = writeln!(out, "| nesting of expressions and blocks (a sum of n terms nests n deep, a chain of n calls 2n; checked before anything else, on a {} MiB stack; CPython 3.11 compiles about 2,990 levels) | {} | FE306 |", crate::DEEP_STACK_BYTES >> 20, crate::MAX_NESTING);
    let _ = writeln!(out, "| rows from cross joins and `join_where`, `explode`, `upsample`, `pl.int_range`, `pl.repeat`, date ranges, `over(mapping_strategy=\"join\")` lists, Series used as literals (counted before the step runs) | {} | FE305 |", limits.max_rows);
    let _ = writeln!(out, "| string pad length (`pad_start`, `pad_end`, `zfill`) | max_rows / 1000 = {} | FE305 |", limits.max_rows / 1000);

    out.push_str("\n## Known differences from Python Polars 2.1\n\n");
    for line in [
        "Row order: joins keep the left frame's order, `group_by` and `unique` give groups in first-seen order (Python 2.x leaves them unspecified unless `maintain_order=True`). Sorting is stable.",
        "`cut`/`qcut` give Categorical columns whose physical codes may differ between processes: compare them as strings.",
        "Rust Polars warns (`Deprecation:`) where Python Polars 2.x raises (e.g. `bool & int`, String→Date casts, int `is_in` float lists); those warnings are errors here (FE205) when plans are collected by the interpreter or by `fe_lang::collect`.",
        "Errors that only appear while the final plan runs (a strict cast failing on data) carry no source position.",
        "A Series taken with `df[\"x\"]` is lazy: it can be used in expressions on the frame it came from. Given as it is (maybe renamed) to another frame's `with_columns`/`select`/`hstack`, it is a literal of its values as in Python (bounded by the list budget; refused in a fitted replay); mixed with expressions first (`pl.col(\"a\") + other[\"x\"]`) and used with another frame, it is refused.",
        "`rolling_sum_by` with `min_samples<=1` gives 0 for a window without values, as Python Polars 2.1 does (Rust Polars 0.55 gives null).",
        "`max`/`min` inside `Expr.rolling(...)` and `group_by_dynamic(...).agg(...)` ignore NaN unless a window holds nothing else, as Python Polars 2.1 does (Rust Polars 0.55 runs overlapping windows through a sliding kernel in which one NaN makes the whole window NaN).",
        "`str.to_integer` parses base 10 only, and `join_where` is a cross join filtered by its predicates (so it is counted against max_rows as a cross join): this build of Rust Polars lacks the `string_to_integer` and `iejoin` features.",
        "Panics inside Rust Polars (paths it has not implemented) are caught and reported as FE201 errors at the call that built the plan.",
        "`list.unique()`, `Expr.value_counts()` without `sort=True`, `unique_counts()` and `upsample(group_by=...)` give values and groups in first-seen order; Python leaves that order open unless `maintain_order=True`, and first-seen order is one of the orders it may give.",
        "`str.to_titlecase()` is computed by the interpreter's own Rust function over the values (Rust Polars 0.55 has it only with a nightly compiler, and with another rule); it gave the same text as Python Polars 2.1 on all 3,356,192 strings tried: every Unicode code point at the start of a word, after a letter and before a letter, and 20,000 random strings of letters, marks, Σ forms and separators.",
        "`unpivot` is built as one `select` per `on` column, concatenated in order, so its rows come in Python's order (the rows of each `on` column in turn) on frames of many chunks too.",
        "`upsample`, `row`, `get_columns()`, and `eager=True` ranges compute their values when the line runs (as Python does), bounded by the row and list budgets; an eager Series used in another frame's `with_columns`/`select` is a literal of its values, as in Python.",
    ] {
        let _ = writeln!(out, "* {line}");
    }

    out.push_str("\n## Diagnostic codes\n\n| code | class | meaning |\n|---|---|---|\n");
    for code in Code::all() {
        let _ = writeln!(out, "| {} | {} | {} |", code.as_str(), code.kind().error_class(), code.title());
    }
    out
}

/// Which functions of the cell are feature code, and why (a section of the reference).
const CHECKED_FUNCTIONS: &str = "## Checked functions\n\n\
A `def` or `lambda` of the cell is feature code: its body is checked like every other line, and it \
can only see the cell's names (a lambda or `def` made inside a helper also sees the helper's local \
names as they are when it is made; a nested `def` whose names the helper assigns again afterwards is \
refused, as Python would read the later value; the variables of its comprehensions and lambdas are its \
own and never count). No recursion (found statically between `def`s; through lambdas the \
call-depth limit stops it), no `*args`/`**kwargs` parameters in lambdas. A name is judged by what it \
is, not by how it is spelled: `list.eval` runs a Polars expression of `pl.element()` on each list \
inside the engine, while the builtin `eval` is refused; `pl.fold` is accepted, `functools.reduce` \
is an import that is refused.\n\n\
Polars takes such a function in these places:\n\n\
* `DataFrame.pipe(f, *args, **kwargs)`, `LazyFrame.pipe(...)`, `Expr.pipe(...)`: `f(frame, *args, **kwargs)` is called once, \
while the plan is built.\n\
* `pl.fold(acc, f, exprs)`, `pl.reduce(f, exprs)`, `pl.cum_fold(acc, f, exprs)`, `pl.cum_reduce(f, exprs)`: \
Python Polars calls `f(acc, x)` with Series for each batch. Here `f`'s body is interpreted once, with `acc` and \
`x` standing for those Series, into one expression, and Rust Polars' own fold (the machinery \
Python Polars runs `pl.fold` on) evaluates it on each pair of Series: no Python runs, and dtypes \
(the accumulator's dtype wins in `fold`), nulls, regex and selector inputs (`pl.col(\"^amount_.*$\")`) \
behave as in Python. As in Python, the body may use only Series operators and methods on its two \
arguments: a body that calls a `pl.` or `cs.` function (`pl.when`, `pl.lit`, which make expressions \
and fail in Python), reads other data, or returns something else is refused (FE105).\n\n\
Everything else that runs a Python function per row or per batch (`map_elements`, `map_batches`, \
`map_groups`, …) stays refused, whatever function it is given.\n\n";

