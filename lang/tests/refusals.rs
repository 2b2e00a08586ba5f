// Refusal corpus: hostile or out-of-subset cells must be refused by the checker before the
// interpreter takes a single step, each with its code, position, construct and a hint.

use fe_lang::{run_cell, steps_on_this_thread, Code, DiagnosticKind, Frames, Limits};
use polars::prelude::*;

struct Case {
    source: &'static str,
    code: Code,
    /// Text whose first occurrence (the `nth` one, 0-based) marks the expected start.
    at: &'static str,
    nth: usize,
    construct: &'static str,
}

const fn case(source: &'static str, code: Code, at: &'static str, construct: &'static str) -> Case {
    Case { source, code, at, nth: 0, construct }
}

const fn case_nth(source: &'static str, code: Code, at: &'static str, nth: usize, construct: &'static str) -> Case {
    Case { source, code, at, nth, construct }
}

fn frames() -> Frames {
    let df = df!("a" => [1i64, 2, 3], "s" => ["x", "y", "z"]).unwrap();
    let mut frames = Frames::new();
    frames.insert("tx".to_string(), df.lazy());
    frames
}

/// 1-based line and column (in characters) of the `nth` occurrence of `needle`.
fn position(source: &str, needle: &str, nth: usize) -> (u32, u32) {
    let offset = source.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("marker {needle:?} not in {source:?}")).0;
    let before = &source[..offset];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = source[line_start..offset].chars().count() as u32 + 1;
    (line, column)
}

fn cases() -> Vec<Case> {
    use Code::*;
    vec![
        // imports
        case("import os\ndf = df", Import, "os", "import os"),
        case("import subprocess as sp", Import, "subprocess", "import subprocess"),
        case("from os import system\nsystem('ls')", Import, "from os", "import os"),
        case("import polars as pl\nimport requests", Import, "requests", "import requests"),
        case("from polars import *", Import, "*", "from polars import *"),
        case("import importlib", Import, "importlib", "import importlib"),
        case("from . import secrets", Import, "from", "import "),
        case("import pandas as pd\ndf = pd.DataFrame()", Import, "pandas", "import pandas"),
        // dunder and private attributes
        case("x = df.__class__", PrivateAttribute, "__class__", "__class__"),
        case("x = pl.col('a').__class__.__mro__", PrivateAttribute, "__class__", "__class__"),
        case("df = df._df", PrivateAttribute, "_df", "_df"),
        case("x = pl.__builtins__", PrivateAttribute, "__builtins__", "__builtins__"),
        case("x = ().__class__.__bases__[0].__subclasses__()", PrivateAttribute, "__class__", "__class__"),
        case("f = df.with_columns.__globals__", PrivateAttribute, "__globals__", "__globals__"),
        case("x = __import__('os')", ForbiddenBuiltin, "__import__", "__import__"),
        // forbidden builtins
        case("eval('1+1')", ForbiddenBuiltin, "eval", "eval"),
        case("exec('import os')", ForbiddenBuiltin, "exec", "exec"),
        case("data = open('/etc/passwd').read()", ForbiddenBuiltin, "open", "open"),
        // getattr with a constant name is checked like the attribute written out
        case("f = getattr(df, 'write_csv')", InputOutput, "'write_csv'", "write_csv"),
        case("f = getattr(pl.col('a'), '__class__')", PrivateAttribute, "'__class__'", "__class__"),
        case("f = getattr(pl, 'sql', None)", ForbiddenBuiltin, "getattr", "getattr"),
        case("f = getattr", ForbiddenBuiltin, "getattr", "getattr"),
        case("setattr(pl, 'x', 1)", ForbiddenBuiltin, "setattr", "setattr"),
        case("g = globals()", ForbiddenBuiltin, "globals", "globals"),
        case("l = locals()", ForbiddenBuiltin, "locals", "locals"),
        case("v = vars(pl)", ForbiddenBuiltin, "vars", "vars"),
        case("c = compile('1', 'x', 'eval')", ForbiddenBuiltin, "compile", "compile"),
        case("name = input()", ForbiddenBuiltin, "input", "input"),
        case("breakpoint()", ForbiddenBuiltin, "breakpoint", "breakpoint"),
        case("t = type(df)", ForbiddenBuiltin, "type", "type"),
        case("cols = list(map(str.upper, df.columns))", ForbiddenBuiltin, "map", "map"),
        case("x = dir(df)", ForbiddenBuiltin, "dir", "dir"),
        // lambdas and per-row Python
        case("df = df.with_columns(pl.col('a').map_elements(lambda v: v * 2))", PythonUdf, "map_elements", "map_elements"),
        case("f = lambda *values: values[0]", Lambda, "lambda", "lambda"),
        case("df = df.with_columns(pl.col('a').map_batches(abs))", PythonUdf, "map_batches", "map_batches"),
        case("df = df.pipe(print)", ForbiddenBuiltin, "print", "print"),
        case("print(df.head())\ndf = df", ForbiddenBuiltin, "print", "print"),
        case("df = df.with_columns(pl.col('a').apply(abs))", PythonUdf, "apply", "apply"),
        case("df = df.group_by('s').map_groups(abs)", PythonUdf, "map_groups", "map_groups"),
        case("df = df.with_columns(pl.col('a').rolling_map(sum, 3))", PythonUdf, "rolling_map", "rolling_map"),
        case("pl.plugins.register_plugin_function(plugin_path='x', function_name='f', args=[])", PythonUdf, "plugins", "plugins"),
        case("df = df.map_rows(abs)", PythonUdf, "map_rows", "map_rows"),
        case("df = df.with_columns(pl.col('s').name.map(lambda n: n.upper()))", PythonUdf, "map", "map"),
        // I/O
        case("df = pl.read_csv('/etc/passwd')", InputOutput, "read_csv", "read_csv"),
        case("df = pl.scan_parquet('data.parquet')", InputOutput, "scan_parquet", "scan_parquet"),
        case("df.write_csv('/tmp/out.csv')", InputOutput, "write_csv", "write_csv"),
        case("df.lazy().sink_parquet('x.parquet')", InputOutput, "sink_parquet", "sink_parquet"),
        case("df = pl.from_pandas(x)", InputOutput, "from_pandas", "from_pandas"),
        case("df = pl.read_database('select 1', conn)", InputOutput, "read_database", "read_database"),
        case("df.write_parquet('s3://bucket/x.parquet')", InputOutput, "write_parquet", "write_parquet"),
        case("df = pl.read_ipc_stream(b)", InputOutput, "read_ipc_stream", "read_ipc_stream"),
        case("x = 'https://evil.example.com/payload'", Url, "'https", "URL"),
        case("df = df.with_columns(pl.lit('file:///etc/passwd').alias('p'))", Url, "'file", "URL"),
        // SQL
        case("df = df.sql('select * from self')", Sql, "sql", "sql"),
        case("ctx = pl.SQLContext(frames={'t': df})", Sql, "SQLContext", "SQLContext"),
        case("df = df.with_columns(pl.sql_expr('a * 2'))", Sql, "sql_expr", "sql_expr"),
        // statements outside the subset
        case("class Evil:\n    pass", ClassDef, "class", "class"),
        case("class Evil:\n    def __init__(self):\n        pass", ClassDef, "class", "class"),
        case("class Evil(object):\n    @staticmethod\n    def f():\n        return 1", ClassDef, "class", "class"),
        case("class Evil:\n    @classmethod\n    def f(cls):\n        return cls", ClassDef, "class", "class"),
        case("while True:\n    pass", WhileLoop, "while", "while"),
        case("try:\n    x = 1\nexcept Exception:\n    pass", TryStatement, "try", "try"),
        case("raise", TryStatement, "raise", "raise"),
        case("d = datetime.date.today()", UnknownAttribute, "today", "today"),
        case("raise SystemExit(1)", TryStatement, "SystemExit", "raise"),
        case("def f():\n    global df\n    df = None", GlobalStatement, "global", "global"),
        case("@decorator\ndef f(x):\n    return x", Decorator, "decorator", "@decorator"),
        case("with open('x') as f:\n    pass", WithStatement, "with", "with"),
        case("x = 1\nyield x", Generator, "yield", "yield"),
        case("def gen():\n    x = yield 1", Generator, "yield", "yield"),
        case("async def f():\n    pass", Generator, "async", "async"),
        case("def f(n):\n    return f(n - 1)\ndf = df", Recursion, "def f", "def f"),
        case("def a(n):\n    return b(n)\ndef b(n):\n    return a(n)", Recursion, "def a", "def a"),
        case("s = '{0.__class__}'.format(df)", StringFormatting, "format", "str.format"),
        case("s = '%s' % df", StringFormatting, "'%s' % df", "%"),
        case("s = '{x}'.format_map({'x': 1})", StringFormatting, "format_map", "format_map"),
        case("name = '{c.__class__.__name__}_x'.format(c=df)", StringFormatting, "format", "str.format"),
        case("name = '{0[secret]}'.format({'secret': 1})", StringFormatting, "format", "str.format"),
        case("del df", Delete, "del", "del"),
        case("if (n := 3) > 2:\n    pass", Walrus, "n := 3", ":="),
        case("match x:\n    case 1:\n        pass", UnsupportedStatement, "match", "match"),
        case("df.columns = ['a', 'b']", UnsupportedStatement, "df.columns", ".columns ="),
        case("def f(*__class__):\n    return 1", PrivateAttribute, "__class__", "__class__"),
        // nested defs whose copy of the enclosing names would differ from Python's late binding
        case("def outer():\n    x = 1\n    def inner():\n        return x\n    x = 2\n    return inner()", UnsupportedFunction, "def inner", "def inner"),
        case("def outer(cs):\n    fs = []\n    for c in cs:\n        def inner():\n            return c\n        fs.append(inner)\n    return fs", UnsupportedFunction, "def inner", "def inner"),
        case("def outer():\n    def inner(n):\n        return inner(n - 1)\n    return inner(3)", Recursion, "def inner", "def inner"),
        case("x = b'bytes'", UnsupportedExpression, "b'bytes'", "bytes"),
        case("x = df @ df", UnsupportedExpression, "df @ df", "operator"),
        // removed Polars names
        case("df = df.groupby('s').agg(pl.col('a').sum())", RemovedName, "groupby", "groupby"),
        case("df = df.with_column(pl.lit(1).alias('one'))", RemovedName, "with_column", "with_column"),
        // Polars names that Python Polars 2.x removed: refused as removed, not as Python code.
        case("df = df.with_columns(pl.cumfold(pl.lit(0), lambda a, b: a + b, [pl.col('a')]))", RemovedName, "cumfold", "cumfold"),
        case("df = df.group_by('s').agg(pl.col('a').agg_groups())", RemovedName, "agg_groups", "agg_groups"),
        case("df = df.with_columns(pl.col('a').cumsum())", RemovedName, "cumsum", "cumsum"),
        case("df = df.with_columns(pl.col('s').map_dict({'x': 1}))", RemovedName, "map_dict", "map_dict"),
        case("df = df.with_columns(pl.col('s').str.lengths())", RemovedName, "lengths", "lengths"),
        case("df = df.with_row_count()", RemovedName, "with_row_count", "with_row_count"),
        case("df = df.melt(id_vars='a')", RemovedName, "melt", "melt"),
        // unknown and private-member chains
        case("df = df.with_columns(pl.col('a').frobnicate())", UnknownAttribute, "frobnicate", "frobnicate"),
        case("x = df.to_pandas()", UnknownAttribute, "to_pandas", "to_pandas"),
        case("df = df.sample(10)", UnknownAttribute, "sample", "sample"),
        case("x = pl.col('a').hash()", UnknownAttribute, "hash", "hash"),
        case("cfg = pl.Config.set_tbl_rows(5)", UnknownAttribute, "Config", "Config"),
        case("from datetime import date\ntoday = date.today()", UnknownAttribute, "today()", "today"),
        case("import datetime\nstamp = datetime.datetime.now()", UnknownAttribute, "now", "now"),
        case("df = df.with_columns(pl.col('a').shuffle())", UnknownAttribute, "shuffle", "shuffle"),
        // syntax errors
        case("df = df.with_columns(", SyntaxError, "", "syntax"),
        // multi-line position check
        case_nth("cols = ['a']\nfor c in cols:\n    df = df.with_columns(pl.col(c).map_elements(abs))", PythonUdf, "map_elements", 0, "map_elements"),
    ]
}

#[test]
fn every_hostile_cell_is_refused_before_anything_runs() {
    let frames = frames();
    let cases = cases();
    assert!(cases.len() >= 60, "the corpus has {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let before = steps_on_this_thread();
        let result = run_cell(case.source, "tx", &frames, &Limits::default());
        let after = steps_on_this_thread();
        let Err(diagnostics) = result else {
            failures.push(format!("{:?}: accepted", case.source));
            continue;
        };
        if after != before {
            failures.push(format!("{:?}: the interpreter ran {} steps", case.source, after - before));
        }
        let first = &diagnostics.0[0];
        let (line, column) = if case.code == Code::SyntaxError {
            (first.line, first.column)
        } else {
            position(case.source, case.at, case.nth)
        };
        let rendered = diagnostics.render(case.source);
        let problems = [
            (first.code != case.code).then(|| format!("code {} (wanted {})", first.code, case.code)),
            ((first.line, first.column) != (line, column)).then(|| format!("at {}:{} (wanted {line}:{column})", first.line, first.column)),
            (!first.construct.starts_with(case.construct)).then(|| format!("construct {:?} (wanted {:?})", first.construct, case.construct)),
            first.hint.as_deref().is_none_or(str::is_empty).then(|| "no hint".to_string()),
            (first.kind != DiagnosticKind::Rejected).then(|| format!("kind {:?}", first.kind)),
            (!rendered.contains(first.code.as_str()) || !rendered.contains('^')).then(|| format!("rendering lacks code or caret:\n{rendered}")),
        ];
        for problem in problems.into_iter().flatten() {
            failures.push(format!("{:?}: {problem}", case.source));
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_format_template_from_a_variable_is_checked_when_it_runs() {
    let frames = frames();
    let source = "t = '{0.real}_x'\nname = t.format(1)\n";
    let err = run_cell(source, "tx", &frames, &Limits::default()).err().expect("refused");
    assert_eq!(err.0[0].code, Code::StringFormatting, "{err:?}");
    assert_eq!(err.0[0].line, 2);
    assert!(err.0[0].hint.as_deref().unwrap_or("").contains("plain fields"));
    let ok = run_cell("t = '{}_{n:02d}'\nname = t.format('a', n=3)\ndf = df.with_columns(pl.lit(1).alias(name))", "tx", &frames, &Limits::default());
    assert!(ok.is_ok());
}

#[test]
fn a_syntax_error_points_at_the_line() {
    let frames = frames();
    let source = "x = 1\ndf = df.with_columns(pl.col('a') +)\n";
    let err = run_cell(source, "tx", &frames, &Limits::default()).err().expect("refused");
    assert_eq!(err.0[0].code, Code::SyntaxError);
    assert_eq!(err.0[0].line, 2);
}

#[test]
fn rendering_shows_the_source_line_and_the_hint() {
    let frames = frames();
    let source = "df = df.with_columns(pl.col('a').map_elements(lambda v: v * 2))";
    let err = run_cell(source, "tx", &frames, &Limits::default()).err().expect("refused");
    let text = err.render(source);
    assert!(text.contains("FE105"), "{text}");
    assert!(text.contains("pl.col('a').map_elements"), "{text}");
    assert!(text.contains("help:"), "{text}");
    // The lambda inside is checked feature code: what is refused is `map_elements`, which would
    // run it per row.
    assert!(err.0.iter().all(|d| d.code == Code::PythonUdf), "{err:?}");
}

// ---- budgets -------------------------------------------------------------------------------

fn run_with(source: &str, limits: Limits) -> fe_lang::Diagnostics {
    let frames = frames();
    match run_cell(source, "tx", &frames, &limits) {
        Ok(out) => match fe_lang::collect(out.frame) {
            Ok(df) => panic!("{source:?} was accepted: {df}"),
            Err(d) => d,
        },
        Err(d) => d,
    }
}

fn assert_limit(d: &fe_lang::Diagnostics, code: Code, line: u32) {
    let first = &d.0[0];
    assert_eq!(first.code, code, "{d:?}");
    assert_eq!(first.kind, DiagnosticKind::ResourceLimit);
    assert_eq!(first.line, line, "{d:?}");
    assert!(first.hint.is_some());
}

#[test]
fn step_budget_stops_a_long_cell() {
    let limits = Limits { max_steps: 500, ..Limits::default() };
    let d = run_with("total = 0\nfor i in range(1000):\n    total = total + i\n", limits);
    assert_limit(&d, Code::StepBudget, 3);
}

#[test]
fn loop_budget_counts_iterations() {
    let limits = Limits { max_loop_iterations: 50, ..Limits::default() };
    let d = run_with("n = 0\nfor i in range(100):\n    n += 1\n", limits);
    assert_limit(&d, Code::LoopBudget, 2);
    let d = run_with("xs = [i for i in range(100)]", Limits { max_loop_iterations: 50, ..Limits::default() });
    assert_limit(&d, Code::LoopBudget, 1);
}

#[test]
fn list_budget_refuses_huge_lists() {
    let d = run_with("xs = list(range(10**9))", Limits::default());
    assert_limit(&d, Code::ListBudget, 1);
    let d = run_with("xs = [0] * (10**8)", Limits::default());
    assert_limit(&d, Code::ListBudget, 1);
    let d = run_with("xs = []\nfor i in range(50):\n    xs.append(i)\n", Limits { max_list_len: 10, ..Limits::default() });
    assert_limit(&d, Code::ListBudget, 3);
}

#[test]
fn call_depth_is_limited() {
    let source = "def f1(x):\n    return x + 1\ndef f2(x):\n    return f1(x)\ndef f3(x):\n    return f2(x)\ny = f3(1)\n";
    let d = run_with(source, Limits { max_call_depth: 2, ..Limits::default() });
    assert_eq!(d.0[0].code, Code::CallDepth);
    assert_eq!(d.0[0].kind, DiagnosticKind::ResourceLimit);
}

#[test]
fn row_budget_guards_plans_that_multiply_rows() {
    let small = Limits { max_rows: 5, ..Limits::default() };
    let d = run_with("df = df.join(tx, how='cross')", small.clone());
    assert_limit(&d, Code::RowBudget, 1);
    let d = run_with("df = df.select(pl.int_range(0, 10**12).alias('i'))", Limits::default());
    assert_limit(&d, Code::RowBudget, 1);
    let d = run_with("df = df.select(pl.repeat(1, 10**12).alias('r'))", Limits::default());
    assert_limit(&d, Code::RowBudget, 1);
    let d = run_with("k = 10**6\ndf = df.select(pl.int_range(0, pl.len() * k).alias('i'))", small.clone());
    assert_limit(&d, Code::RowBudget, 2);
    let d = run_with("df = df.select(pl.repeat('x', pl.col('a').sum() * 10**9))", small.clone());
    assert_limit(&d, Code::RowBudget, 1);
    let d = run_with("df = df.select(pl.int_range(-10**12, pl.len()))", small.clone());
    assert_limit(&d, Code::RowBudget, 1);
    let d = run_with("df = df.with_columns(pl.col('s').str.pad_start(10**9, '*'))", Limits::default());
    assert_limit(&d, Code::RowBudget, 1);
    let d = run_with("x = 1\ndf = df.with_columns(pl.lit('a,b,c').str.split(',').alias('parts')).explode('parts')", small);
    assert_limit(&d, Code::RowBudget, 2);
}
