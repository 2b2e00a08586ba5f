// Plain-Python helper code around Polars on small frames built in Rust: *args/**kwargs helpers,
// generators, raise/assert, getattr, key= lambdas, starred unpacking, numpy limits, itertools,
// Series from another frame as values (is_in(series.implode()), pl.lit(series)), nested defs,
// rename by a function and Series.shrink_dtype.

use fe_lang::{refusals, run_cell, Code, Frames, Limits};
use polars::prelude::*;

fn frames() -> Frames {
    let tx = df!(
        "id" => [1i64, 2, 3, 4],
        "cust" => ["a", "b", "a", "c"],
        "x" => [10i64, 20, 30, 40],
        "y" => [1.5f64, 2.5, 3.5, 4.5]
    )
    .unwrap();
    let vip = df!("cust" => ["a", "c", "z"], "tier" => [1i64, 2, 9]).unwrap();
    let mut frames = Frames::new();
    frames.insert("tx".to_string(), tx.lazy());
    frames.insert("vip".to_string(), vip.lazy());
    frames
}

fn run(source: &str) -> DataFrame {
    let out = run_cell(source, "tx", &frames(), &Limits::default()).unwrap_or_else(|d| panic!("{}", d.render(source)));
    fe_lang::collect(out.frame).unwrap_or_else(|d| panic!("{}", d.render(source)))
}

fn fails(source: &str) -> fe_lang::Diagnostic {
    match run_cell(source, "tx", &frames(), &Limits::default()) {
        Ok(_) => panic!("accepted: {source}"),
        Err(d) => d.0[0].clone(),
    }
}

fn ints(df: &DataFrame, name: &str) -> Vec<Option<i64>> {
    df.column(name).unwrap().as_materialized_series().cast(&DataType::Int64).unwrap().i64().unwrap().iter().collect()
}

fn bools(df: &DataFrame, name: &str) -> Vec<Option<bool>> {
    df.column(name).unwrap().as_materialized_series().bool().unwrap().iter().collect()
}

#[test]
fn star_args_and_kwargs_bind_as_tuple_and_dict() {
    let df = run(
        "def add(base, *cols, scale=1, **names):\n    out = pl.col(base)\n    for c in cols:\n        out = out + pl.col(c)\n    return (out * scale).alias(names.get('alias', 'sum')), len(cols), sorted(names)\n\
         e, n, keys = add('x', 'id', 'id', scale=2, alias='s', other=1)\ndf = df.with_columns(e, pl.lit(n).alias('n'), pl.lit(keys[0]).alias('k'))",
    );
    assert_eq!(ints(&df, "s"), [24, 48, 72, 96].map(Some).to_vec());
    assert_eq!(ints(&df, "n")[0], Some(2));
    assert_eq!(df.column("k").unwrap().str().unwrap().get(0), Some("alias"));
}

#[test]
fn a_generator_helper_yields_a_list_of_expressions() {
    let df = run("def scaled(cols):\n    for c in cols:\n        if c == 'id':\n            continue\n        yield (pl.col(c) * 10).alias(c + '10')\n    yield from [pl.lit(1).alias('one')]\ndf = df.with_columns(scaled(['x', 'id']))");
    assert_eq!(df.get_column_names(), ["id", "cust", "x", "y", "x10", "one"]);
    assert_eq!(ints(&df, "x10"), [100, 200, 300, 400].map(Some).to_vec());
    // `yield` outside a helper stays refused.
    assert_eq!(refusals("yield 1")[0].code, Code::Generator);
}

#[test]
fn raise_and_a_failed_assert_are_the_cells_error() {
    let d = fails("def lags(n):\n    if n < 0:\n        raise ValueError(f'n must be >= 0, got {n}')\n    return pl.col('x').shift(n)\ndf = df.with_columns(lags(-1))");
    assert_eq!(d.code, Code::ValueError);
    assert!(d.message.contains("ValueError: n must be >= 0, got -1"), "{}", d.message);
    assert_eq!(d.line, 3);
    let d = fails("assert df.width > 10, 'too few columns'");
    assert!(d.message.contains("AssertionError: too few columns"), "{}", d.message);
    assert_eq!(run("assert df.width == 4\ndf = df").width(), 4);
    // Only builtin exception classes, and never a bare re-raise.
    assert_eq!(refusals("raise pl.exceptions.ComputeError('x')")[0].code, Code::TryStatement);
    assert_eq!(refusals("raise")[0].code, Code::TryStatement);
}

#[test]
fn getattr_resolves_allowlisted_names_only() {
    let df = run("aggs = ['sum', 'max']\ndf = df.select([getattr(pl.col('x'), f'rolling_{a}')(2).alias(a) for a in aggs] + [getattr(pl.col('cust').str, 'to_uppercase')().alias('u')])");
    assert_eq!(ints(&df, "sum"), [None, Some(30), Some(50), Some(70)]);
    assert_eq!(ints(&df, "max"), [None, Some(20), Some(30), Some(40)]);
    assert_eq!(df.column("u").unwrap().str().unwrap().get(1), Some("B"));
    // A constant name is checked before anything runs; a computed one when it is known.
    assert_eq!(refusals("f = getattr(pl.col('x'), 'map_elements')")[0].code, Code::PythonUdf);
    assert_eq!(refusals("f = getattr(pl.col('x'), 'sum', None)")[0].code, Code::ForbiddenBuiltin);
    assert_eq!(fails("name = 'map_' + 'elements'\nf = getattr(pl.col('x'), name)").code, Code::PythonUdf);
    assert_eq!(fails("name = '_' + 'pyexpr'\nf = getattr(pl.col('x'), name)").code, Code::PrivateAttribute);
    assert_eq!(fails("name = 'os' + 'system'\nf = getattr(pl, name)").code, Code::UnknownAttribute);
}

#[test]
fn sorted_min_max_take_a_key_lambda_on_python_values() {
    let df = run("cols = sorted(df.columns, key=lambda c: (len(c), c), reverse=True)\nlongest = max(df.columns, key=lambda c: len(c))\nshort = min(['bb', 'a', 'c'], key=lambda s: len(s))\ndf = df.select(cols).with_columns(pl.lit(longest).alias('l'), pl.lit(short).alias('m'))");
    assert_eq!(df.get_column_names(), ["cust", "id", "y", "x", "l", "m"]);
    assert_eq!(df.column("l").unwrap().str().unwrap().get(0), Some("cust"));
    assert_eq!(df.column("m").unwrap().str().unwrap().get(0), Some("a"));
    // A lambda given to a per-row Python hook is still refused.
    assert_eq!(refusals("df = df.with_columns(pl.col('x').map_elements(lambda v: v))")[0].code, Code::PythonUdf);
}

#[test]
fn starred_targets_zip_strict_itertools_and_numpy_limits() {
    let df = run(
        "first, *rest = df.columns\n*init, last = [1, 2, 3]\npairs = list(itertools.combinations_with_replacement(['a', 'b'], 2))\nflat = list(itertools.chain.from_iterable([[1], [2, 3]]))\n\
         small = df['x'].max() < np.iinfo(np.int8).max and df['y'].max() < np.finfo(np.float32).max\n\
         df = df.with_columns(pl.lit(len(rest)).alias('r'), pl.lit(init[-1] + last).alias('s'), pl.lit(len(pairs)).alias('p'), pl.lit(sum(flat)).alias('f'), pl.lit(small).alias('small'), pl.lit(first).alias('first'))",
    );
    assert_eq!(ints(&df, "r")[0], Some(3));
    assert_eq!(ints(&df, "s")[0], Some(5));
    assert_eq!(ints(&df, "p")[0], Some(3));
    assert_eq!(ints(&df, "f")[0], Some(6));
    assert_eq!(bools(&df, "small")[0], Some(true));
    assert_eq!(fails("z = list(zip([1, 2], [1], strict=True))").code, Code::ValueError);
    assert_eq!(fails("m = np.iinfo(np.float32).max").code, Code::ValueError);
}

#[test]
fn series_of_another_frame_are_values_in_is_in_and_lit() {
    // `other["c"].implode()` tests against the other frame's values (not a list of lists), and
    // `pl.lit(other.filter(...)["c"])` is that filtered Series, not the column of `df`.
    let df = run("df = df.with_columns(vip=pl.col('cust').is_in(vip['cust'].implode()), top=pl.col('cust').is_in(pl.lit(vip.filter(pl.col('tier') > 1)['cust']).implode()))");
    assert_eq!(bools(&df, "vip"), [true, false, true, true].map(Some).to_vec());
    assert_eq!(bools(&df, "top"), [false, false, false, true].map(Some).to_vec());
}

#[test]
fn a_class_of_static_methods_is_a_namespace_of_helpers() {
    let df = run("class Features:\n    \"\"\"helpers\"\"\"\n    @staticmethod\n    def doubled(c):\n        return (pl.col(c) * 2).alias(c + '2')\n\n    @staticmethod\n    def all_doubled(cols):\n        return [Features.doubled(c) for c in cols]\n\ndf = df.with_columns(Features.all_doubled(['x', 'id']))");
    assert_eq!(ints(&df, "x2"), [20, 40, 60, 80].map(Some).to_vec());
    assert_eq!(ints(&df, "id2"), [2, 4, 6, 8].map(Some).to_vec());
    // The helper names are only attributes of the class: on an expression they do not exist.
    assert_eq!(fails("class F:\n    @staticmethod\n    def doubled(c):\n        return c\n\ne = pl.col('x').doubled()").code, Code::NotOnThisType);
}

#[test]
fn cumulative_eval_runs_the_expression_on_expanding_windows() {
    let df = run("df = df.select(pl.col('x').cumulative_eval(pl.element().first() - pl.element().last() ** 2).alias('c'))");
    // Python Polars 2.1 on [10, 20, 30, 40]: 10 - 10**2, 10 - 20**2, …
    assert_eq!(ints(&df, "c"), [-90, -390, -890, -1590].map(Some).to_vec());
}

#[test]
fn a_def_inside_a_helper_sees_the_helpers_names() {
    let df = run(concat!(
        "def features(frame, how, scale=2):\n",
        "    label = how.lower()\n",
        "    def pick(col):\n",
        "        def scaled(e):\n",
        "            return e * scale\n",
        "        if label == 'max':\n",
        "            return scaled(pl.col(col).max())\n",
        "        return scaled(pl.col(col).min())\n",
        "    return frame.select([pick(c).alias(f'{c}_{label}') for c in ['x', 'id']])\n",
        "df = features(df, 'MAX')\n",
    ));
    assert_eq!((ints(&df, "x_max"), ints(&df, "id_max")), (vec![Some(80)], vec![Some(8)]));
}

#[test]
fn a_nested_def_that_python_would_bind_late_is_refused_with_the_name() {
    let d = fails("def f(frame):\n    n = 1\n    def g():\n        return pl.col('x') * n\n    n = 2\n    return frame.select(g())\ndf = f(df)");
    assert_eq!((d.code, d.line, d.column), (Code::UnsupportedFunction, 3, 5), "{d:?}");
    assert!(d.message.contains("reads `n`") && d.hint.as_deref().unwrap_or("").contains("as an argument"), "{d:?}");
}

#[test]
fn a_nested_defs_comprehension_and_lambda_variables_are_its_own_names() {
    // `c` and `e` are bound by the comprehension and the lambda inside `cols`, so the loop of
    // `features` that binds `c` again (and the later `e`) do not change what `cols` reads.
    let df = run(concat!(
        "def features(frame):\n",
        "    out = []\n",
        "    for c in ['x', 'id']:\n",
        "        def cols(names):\n",
        "            scale = lambda e: e * 10\n",
        "            return [scale(pl.col(c)).alias(c + '_10') for c in names]\n",
        "        out = out + cols([c])\n",
        "    e = 0\n",
        "    return frame.select(out)\n",
        "df = features(df)\n",
    ));
    assert_eq!((ints(&df, "x_10"), ints(&df, "id_10")), ([100, 200, 300, 400].map(Some).to_vec(), [10, 20, 30, 40].map(Some).to_vec()));
    // A read of the enclosing `n` outside the comprehension that also binds `n` is still late.
    let d = fails("def f(frame):\n    n = 1\n    def g():\n        return [pl.col('x') * n for n in [2]] + [pl.col('x') * n]\n    n = 3\n    return frame.select(g())\ndf = f(df)");
    assert!(d.message.contains("reads `n`"), "{d:?}");
}

#[test]
fn rename_takes_a_function_of_the_old_name() {
    let df = run("df = df.rename(lambda name: name.upper() if name in ('x', 'y') else name)");
    let names: Vec<&str> = df.get_column_names().into_iter().map(|n| n.as_str()).collect();
    assert_eq!(names, ["id", "cust", "X", "Y"]);
    let d = fails("df = df.rename(lambda name: 1)");
    assert!(d.message.contains("must return a string for column `id`"), "{d:?}");
}

#[test]
fn shrink_dtype_picks_the_smallest_type_for_the_values() {
    let df = run("df = df.with_columns(small=df['x'].shrink_dtype(), wide=(df['x'] * 1000).shrink_dtype(), f=df['y'].shrink_dtype(), s=df['cust'].shrink_dtype())");
    let dtype = |name: &str| df.column(name).unwrap().dtype().clone();
    assert_eq!([dtype("small"), dtype("wide"), dtype("f"), dtype("s")], [DataType::Int8, DataType::Int32, DataType::Float32, DataType::String]);
    assert_eq!(ints(&df, "wide"), [Some(10_000), Some(20_000), Some(30_000), Some(40_000)]);
}

#[test]
fn head_and_tail_take_an_expression_per_group() {
    let df = run("df = df.group_by('cust', maintain_order=True).agg(h=pl.col('x').head(pl.len() - 1), t=pl.col('x').tail(pl.len() // 2))");
    let lens = |name: &str| -> Vec<Option<u32>> { df.column(name).unwrap().list().unwrap().lst_lengths().iter().collect() };
    assert_eq!((lens("h"), lens("t")), (vec![Some(1), Some(0), Some(0)], vec![Some(1), Some(0), Some(0)]));
}
