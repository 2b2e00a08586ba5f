// Names are judged by what they are, not how they are spelled: the Polars meaning of a name
// (list.eval, pl.fold with a lambda, DataFrame.pipe) is accepted, its Python twin refused with
// a clear message. Equality with Python Polars is proven in tests/differential (fn_*, meaning_*).

use fe_lang::{on_deep_stack, run_cell, steps_on_this_thread, Code, Frames, Limits};
use polars::prelude::*;

fn frames() -> Frames {
    let tx = df!(
        "a" => [Some(1i64), Some(2), None, Some(4)],
        "b" => [Some(10i64), None, Some(30), Some(40)],
        "x" => [0.5f64, 1.5, 2.5, 3.5],
        "tags" => [Series::new("".into(), ["a ", " B"]), Series::new("".into(), ["c"]), Series::new("".into(), [" d", "e", "f "]), Series::new("".into(), Vec::<&str>::new())]
    )
    .unwrap();
    let mut frames = Frames::new();
    frames.insert("tx".to_string(), tx.lazy());
    frames
}

fn run(source: &str) -> DataFrame {
    let out = run_cell(source, "tx", &frames(), &Limits::default()).unwrap_or_else(|d| panic!("{}", d.render(source)));
    fe_lang::collect(out.frame).unwrap_or_else(|d| panic!("{}", d.render(source)))
}

fn ints(df: &DataFrame, name: &str) -> Vec<Option<i64>> {
    df.column(name).unwrap().as_materialized_series().cast(&DataType::Int64).unwrap().i64().unwrap().iter().collect()
}

/// The first diagnostic of a refused cell.
fn refused(source: &str) -> fe_lang::Diagnostic {
    match run_cell(source, "tx", &frames(), &Limits::default()) {
        Ok(out) => match fe_lang::collect(out.frame) {
            Ok(df) => panic!("{source:?} was accepted: {df}"),
            Err(d) => d.0[0].clone(),
        },
        Err(d) => d.0[0].clone(),
    }
}

#[test]
fn list_eval_runs_an_element_expression_per_list() {
    let df = run("df = df.select(pl.col('tags').list.eval(pl.element().str.strip_chars().str.to_lowercase()).list.join('|').alias('t'))");
    let t: Vec<Option<&str>> = df.column("t").unwrap().str().unwrap().iter().collect();
    assert_eq!(t, [Some("a|b"), Some("c"), Some("d|e|f"), Some("")]);
}

#[test]
fn eval_on_another_receiver_is_refused_and_says_where_it_is_accepted() {
    let d = refused("df = df.with_columns(pl.col('a').eval(pl.element() * 2))");
    assert_eq!(d.code, Code::NotOnThisType, "{d:?}");
    assert!(d.hint.as_deref().unwrap_or("").contains("Expr.list"), "{d:?}");
    let d = refused("x = eval('1 + 1')");
    assert_eq!((d.code, d.construct.as_str()), (Code::ForbiddenBuiltin, "eval"));
}

#[test]
fn fold_with_a_lambda_is_one_expression_of_its_arguments() {
    let df = run("df = df.select(\n    pl.fold(pl.lit(0), lambda acc, x: acc + x.fill_null(0), ['a', 'b']).alias('s'),\n    pl.fold(acc=pl.lit(0), function=lambda acc, x: acc + x, exprs=pl.col('^[ab]$')).alias('strict'),\n    pl.reduce(lambda l, r: l * r, [pl.col('a'), pl.col('b')]).alias('p'),\n)");
    assert_eq!(ints(&df, "s"), [Some(11), Some(2), Some(30), Some(44)]);
    assert_eq!(ints(&df, "strict"), [Some(11), None, None, Some(44)]);
    assert_eq!(ints(&df, "p"), [Some(10), None, None, Some(160)]);
    // The accumulator's dtype wins, as in Python Polars: an int literal over floats gives Int32.
    let df = run("df = df.select(pl.fold(pl.lit(0), lambda acc, x: acc + x, ['x']).alias('t'))");
    assert_eq!(df.column("t").unwrap().dtype(), &DataType::Int32);
    assert_eq!(ints(&df, "t"), [Some(0), Some(1), Some(2), Some(3)]);
}

#[test]
fn cum_fold_and_cum_reduce_give_named_structs() {
    let df = run("df = df.select(pl.cum_fold(pl.lit(0), lambda acc, x: acc + x, ['a', 'b']), pl.cum_reduce(lambda l, r: l + r, ['a', 'b']))");
    let names: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
    assert_eq!(names, ["cum_fold", "cum_reduce"]);
    let fields = df.select(["cum_fold"]).unwrap().unnest(["cum_fold"], None).unwrap();
    assert_eq!(ints(&fields, "b"), [Some(11), None, None, Some(44)]);
}

#[test]
fn a_fold_function_must_be_feature_code_of_its_arguments() {
    // Python Polars passes Series and needs a Series back: expressions made inside fail there.
    for source in [
        "df = df.select(pl.fold(pl.lit(0), lambda acc, x: pl.when(x > 1).then(acc + x).otherwise(acc), ['a']))",
        "df = df.select(pl.fold(pl.lit(0), lambda acc, x: pl.max_horizontal(acc, x), ['a']))",
        "df = df.select(pl.fold(pl.lit(0), lambda acc, x: 1, ['a']))",
        "df = df.select(pl.fold(pl.lit(0), lambda acc, x: acc + x * df['b'], ['a']))",
        "df = df.select(pl.fold(pl.lit(0), lambda acc, x: acc + x.to_list(), ['a']))",
        "df = df.select(pl.fold(pl.lit(0), len, ['a']))",
    ] {
        let d = refused(source);
        assert_eq!(d.code, Code::PythonUdf, "{source}: {d:?}");
        assert_eq!(d.construct, "fold", "{source}: {d:?}");
        assert!(d.message.contains("runs Python code"), "{source}: {d:?}");
        assert!(d.hint.is_some());
    }
    // A function that runs Python per row stays refused before anything runs.
    let before = steps_on_this_thread();
    let d = refused("df = df.select(pl.fold(pl.lit(0), lambda acc, x: acc + x.map_elements(abs), ['a']))");
    assert_eq!((d.code, d.construct.as_str()), (Code::PythonUdf, "map_elements"));
    assert_eq!(steps_on_this_thread(), before, "refused by the checker");
}

#[test]
fn pipe_calls_a_function_of_the_cell_with_args_and_kwargs() {
    let source = "def scale(d, column, *, factor=1):\n    return d.with_columns((pl.col(column) * factor).alias(f'{column}_x{factor}'))\n\
        df = df.pipe(scale, 'a', factor=3).pipe(lambda d: d.select('a_x3')).lazy().pipe(lambda f, n: f.head(n), 2).collect()\n";
    let df = run(source);
    assert_eq!(ints(&df, "a_x3"), [Some(3), Some(6)]);
    let df = run("df = df.select(pl.col('a').pipe(lambda e, k: e + k, 5).alias('k'))");
    assert_eq!(ints(&df, "k"), [Some(6), Some(7), None, Some(9)]);
}

#[test]
fn pipe_with_anything_but_a_cell_function_is_refused() {
    let d = refused("df = df.pipe(len)");
    assert_eq!((d.code, d.construct.as_str()), (Code::PythonUdf, "pipe"), "{d:?}");
    // `print` is refused by the checker (it would print nothing anyone sees).
    let d = refused("df = df.pipe(print)");
    assert_eq!((d.code, d.construct.as_str()), (Code::ForbiddenBuiltin, "print"));
}

#[test]
fn recursion_through_lambdas_is_refused() {
    let d = refused("def f(d):\n    return d.pipe(lambda x: f(x))\ndf = f(df)");
    assert_eq!(d.code, Code::Recursion, "{d:?}");
    let d = refused("f = lambda d: f(d)\ndf = df.pipe(f)");
    assert_eq!(d.code, Code::CallDepth, "{d:?}");
    let d = refused("df = df.pipe(lambda *frames: frames[0])");
    assert_eq!(d.code, Code::Lambda, "{d:?}");
}

#[test]
fn print_is_refused_with_a_hint_to_show_the_frame() {
    let before = steps_on_this_thread();
    let d = refused("print(df.head())\ndf = df");
    assert_eq!(steps_on_this_thread(), before, "refused before anything ran");
    assert_eq!((d.code, d.line, d.column), (Code::ForbiddenBuiltin, 1, 1));
    assert!(d.message.contains("nothing it printed would be shown"), "{d:?}");
    assert!(d.hint.as_deref().unwrap_or("").contains("%fe show"), "{d:?}");
}

#[test]
fn python_twins_of_polars_names_are_refused_with_their_own_messages() {
    let cases: &[(&str, Code, &str)] = &[
        ("from functools import reduce", Code::Import, "import functools"),
        ("xs = list(filter(None, [1, 0]))", Code::ForbiddenBuiltin, "filter"),
        ("xs = list(map(abs, [1, -2]))", Code::ForbiddenBuiltin, "map"),
        ("s = format(3.5, '.1f')", Code::ForbiddenBuiltin, "format"),
        ("f = open('data.csv')", Code::ForbiddenBuiltin, "open"),
        ("df = df.with_columns(pl.col('a').apply(abs))", Code::PythonUdf, "apply"),
        ("df = df.with_columns(pl.col('a').map_batches(lambda s: s * 2))", Code::PythonUdf, "map_batches"),
    ];
    for (source, code, construct) in cases {
        let d = refused(source);
        assert_eq!(d.code, *code, "{source}: {d:?}");
        assert!(d.construct.starts_with(construct), "{source}: {d:?}");
        assert!(d.hint.is_some(), "{source}: {d:?}");
    }
    // Python's min/max/any/all on expressions would ask an expression for its truth value.
    for source in ["e = min(pl.col('a'), pl.col('b'))", "e = any([pl.col('a') > 1])"] {
        let d = refused(source);
        assert_eq!(d.code, Code::TypeError, "{source}: {d:?}");
        assert!(d.hint.is_some(), "{source}: {d:?}");
    }
}

#[test]
fn deep_fold_bodies_and_pipes_run_on_the_deep_stack() {
    on_deep_stack(|| {
        let df = run("df = df.select(pl.fold(pl.lit(0), lambda acc, x: acc + x, [pl.col('a').fill_null(0)] * 500).alias('s'))");
        assert_eq!(ints(&df, "s"), [Some(500), Some(1000), Some(0), Some(2000)]);
    });
}

#[test]
fn operator_functions_fold_expressions_and_compute_numbers() {
    let df = run("import operator\nfrom operator import mul\nf = operator.add\ndf = df.select(\n    pl.fold(acc=pl.lit(0), function=f, exprs=pl.col('a', 'b')).alias('s'),\n    f(f(pl.lit(0), pl.col('a')), pl.col('b')).alias('by_hand'),\n    pl.reduce(mul, [pl.col('a'), pl.col('b')]).alias('p'),\n    pl.lit(operator.sub(mul(3, 4), 2)).alias('n'),\n)");
    assert_eq!(ints(&df, "s"), [Some(11), None, None, Some(44)]);
    assert_eq!(ints(&df, "by_hand"), [Some(11), None, None, Some(44)]);
    assert_eq!(ints(&df, "p"), [Some(10), None, None, Some(160)]);
    assert_eq!(ints(&df, "n"), [Some(10); 4]);
}

#[test]
fn operator_beyond_its_operators_is_refused() {
    let d = refused("import operator\ndf = df.select(pl.col('a').sort_by(operator.attrgetter('x')))");
    assert!(d.message.contains("attrgetter"), "{d:?}");
    let d = refused("import operator\ndf = df.with_columns(pl.col('a').map_elements(operator.neg))");
    assert_eq!(d.code, Code::PythonUdf, "{d:?}");
}

#[test]
fn typing_names_may_annotate_and_nothing_else() {
    let df = run("from typing import Any\nimport typing\n\ndef double(e: Any) -> typing.Any:\n    return e * 2\n\nscale: Any = 3\ndf = df.select(double(pl.col('a')).alias('d'))");
    assert_eq!(ints(&df, "d"), [Some(2), Some(4), None, Some(8)]);
    let d = refused("from typing import cast\ndf = df.select(cast(int, pl.col('a')))");
    assert_eq!(d.code, Code::Import, "{d:?}");
    assert!(d.message.contains("only annotate"), "{d:?}");
}

#[test]
fn name_map_takes_a_str_method_and_refuses_python_callables() {
    let df = run("df = df.select(pl.col('a', 'b').name.map(str.upper), pl.col('x').name.map(str.title))");
    let names: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
    assert_eq!(names, ["A", "B", "X"]);
    let d = refused("df = df.select(pl.all().name.map(lambda n: n.upper()))");
    assert_eq!(d.code, Code::PythonUdf, "{d:?}");
}
