// Fitted replay (`run_cell_fitted`): statistics come from the fit frame, order-dependent
// transforms run on the new data as its own sequence, row-wise code is unchanged, and what has
// no fitted form is refused (FE127). The property that anchors it all: replayed on the fit data
// itself, every step gives exactly what the plain run gave.

use fe_lang::{run_cell, run_cell_fitted, Code, Frames, Limits};
use polars::prelude::*;

/// The data a step was fitted on: groups a (y mostly 1), b (y mostly 0), c (only here).
fn train() -> DataFrame {
    df!(
        "k" => ["a", "a", "a", "b", "b", "c", "a", "b"],
        "x" => [1.0f64, 2.0, 3.0, 10.0, 20.0, 100.0, 4.0, 30.0],
        "n" => [1i32, 2, 3, 4, 5, 6, 7, 8],
        "y" => [1i64, 1, 0, 0, 0, 1, 1, 0]
    )
    .unwrap()
}

/// New data: group b's labels are the opposite of training, d is a group training never saw.
fn test() -> DataFrame {
    df!(
        "k" => ["b", "a", "d", "b"],
        "x" => [5.0f64, 7.0, 9.0, 11.0],
        "n" => [9i32, 10, 11, 12],
        "y" => [1i64, 0, 1, 1]
    )
    .unwrap()
}

fn frames_with(target: DataFrame) -> Frames {
    let customers = df!("k" => ["a", "b", "d"], "tier" => [1i64, 2, 3]).unwrap();
    let mut frames = Frames::new();
    frames.insert("tx".into(), target.lazy());
    frames.insert("customers".into(), customers.lazy());
    frames
}

fn fitted(code: &str, new: DataFrame, fit: DataFrame) -> DataFrame {
    let out = run_cell_fitted(code, "tx", &frames_with(new), fit.lazy(), &Limits::default()).unwrap_or_else(|d| panic!("{}", d.render(code)));
    fe_lang::collect(out.frame).unwrap_or_else(|d| panic!("{}", d.render(code)))
}

fn plain(code: &str, data: DataFrame) -> DataFrame {
    let out = run_cell(code, "tx", &frames_with(data), &Limits::default()).unwrap_or_else(|d| panic!("{}", d.render(code)));
    fe_lang::collect(out.frame).unwrap_or_else(|d| panic!("{}", d.render(code)))
}

fn refusal(code: &str) -> fe_lang::Diagnostic {
    match run_cell_fitted(code, "tx", &frames_with(test()), train().lazy(), &Limits::default()) {
        Ok(out) => panic!("fitted replay accepted {code:?}: {:?}", fe_lang::collect(out.frame)),
        Err(d) => d.0.into_iter().next().expect("one diagnostic"),
    }
}

fn floats(df: &DataFrame, name: &str) -> Vec<Option<f64>> {
    df.column(name).unwrap().as_materialized_series().cast(&DataType::Float64).unwrap().f64().unwrap().iter().collect()
}

/// Steps covering every rule; each must give on the fit data exactly what the plain run gives.
const STEPS: &[&str] = &[
    "df = df.with_columns(z=pl.col('x') * 2, big=pl.col('x') > 5)",
    "df = df.with_columns(te=pl.col('y').mean().over('k'), freq=pl.len().over('k'))",
    "df = df.with_columns(centred=pl.col('x') - pl.col('x').mean(), share=pl.col('x') / pl.col('x').sum())",
    "df = df.with_columns(\n    a=pl.col('x').median(), b=pl.col('x').std(), c=pl.col('x').var(), d=pl.col('x').min(), e=pl.col('x').max(),\n    f=pl.col('x').quantile(0.75), g=pl.col('x').count(), h=pl.col('k').n_unique(), i=pl.col('x').first(),\n    j=pl.col('x').last(), l=pl.len(), m=pl.col('n').sum(), o=pl.col('x').null_count(), p=pl.col('x').skew(),\n)",
    "df = df.with_columns(dev=(pl.col('x') - pl.col('x').mean()).over('k'), rank_in=pl.int_range(pl.len()).over('k'))",
    "stats = df.group_by('k').agg(pl.col('y').mean().alias('k_rate'), pl.len().alias('k_n'))\ndf = df.join(stats, on='k', how='left')",
    "t = df['x'].quantile(0.75)\ndf = df.with_columns(high=(pl.col('x') > t).cast(pl.Int8), rows=pl.lit(df.height))",
    "m = df.select(pl.col('x').mean()).item()\ndf = df.with_columns(x_over=pl.col('x') - m)",
    "df = df.with_columns(prev=pl.col('x').shift(1), d=pl.col('x').diff(), cs=pl.col('n').cum_sum(), r=pl.col('x').rolling_mean(2))",
    "df = df.with_columns(prev_k=pl.col('x').shift(1).over('k'), cum_dev=(pl.col('x') - pl.col('x').mean()).cum_sum())",
    "df = df.filter(pl.col('x') > pl.col('x').mean())",
    "df = df.join(customers, on='k', how='left').with_columns(tier_mean=pl.col('tier').mean())",
    "df = df.with_columns(pl.all().exclude('k').cast(pl.Float64).name.suffix('_f'))",
    "cats = df['k'].unique().to_list()\ndf = df.with_columns(known=pl.col('k').is_in(cats))",
    "df = df.with_columns(ewm=pl.col('x').ewm_mean(alpha=0.5), ff=pl.col('x').forward_fill())",
];

#[test]
fn replayed_on_the_fit_data_every_step_gives_the_plain_result() {
    for step in STEPS {
        let expected = plain(step, train());
        let replayed = fitted(step, train(), train());
        assert!(replayed.equals_missing(&expected), "{step}\nplain: {expected}\nfitted: {replayed}");
        assert_eq!(replayed.schema(), expected.schema(), "{step}");
    }
}

#[test]
fn row_wise_and_sequential_steps_run_on_the_new_data_as_written() {
    for step in [STEPS[0], STEPS[8], "df = df.with_columns(prev_k=pl.col('x').shift(1).over('k'))", STEPS[14]] {
        let replayed = fitted(step, test(), train());
        assert!(replayed.equals_missing(&plain(step, test())), "{step}: {replayed}");
    }
    // The new file is its own sequence: its first row has no previous row.
    assert_eq!(floats(&fitted(STEPS[8], test(), train()), "prev")[0], None);
}

#[test]
fn a_target_encoding_over_groups_uses_the_fit_groups_only() {
    let replayed = fitted(STEPS[1], test(), train());
    // Training: a → 3/4, b → 0/3, c → 1/1; d unseen. The test labels (b all 1) are never read.
    assert_eq!(floats(&replayed, "te"), [Some(0.0), Some(0.75), None, Some(0.0)]);
    assert_eq!(floats(&replayed, "freq"), [Some(3.0), Some(4.0), None, Some(3.0)]);
    assert_eq!(replayed.column("freq").unwrap().dtype(), &IDX_DTYPE);
    let recomputed = plain(STEPS[1], test());
    assert_eq!(floats(&recomputed, "te"), [Some(1.0), Some(0.0), Some(1.0), Some(1.0)], "recomputed reads the test labels");
}

#[test]
fn every_aggregation_kind_is_the_fit_statistic() {
    let replayed = fitted(STEPS[3], test(), train());
    let on_fit = plain(STEPS[3], train());
    for name in ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "l", "m", "o", "p"] {
        let fit_value = floats(&on_fit, name)[0];
        assert!(floats(&replayed, name).iter().all(|v| *v == fit_value), "{name}: {:?} vs {fit_value:?}", floats(&replayed, name));
        assert_eq!(replayed.column(name).unwrap().dtype(), on_fit.column(name).unwrap().dtype(), "{name}");
    }
    assert_eq!(floats(&replayed, "l")[0], Some(8.0), "pl.len() is the fit row count");
    let centred = fitted(STEPS[2], test(), train());
    let fit_mean = 170.0 / 8.0;
    assert_eq!(floats(&centred, "centred"), test().column("x").unwrap().f64().unwrap().iter().map(|x| x.map(|x| x - fit_mean)).collect::<Vec<_>>());
}

#[test]
fn group_statistics_inside_windows_and_joins_come_from_the_fit_groups() {
    let dev = fitted(STEPS[4], test(), train());
    // b's fit mean is 20, a's 2.5; d has none. Row numbers count the new rows of each group.
    assert_eq!(floats(&dev, "dev"), [Some(-15.0), Some(4.5), None, Some(-9.0)]);
    assert_eq!(floats(&dev, "rank_in"), [Some(0.0), Some(0.0), Some(0.0), Some(1.0)]);
    let joined = fitted(STEPS[5], test(), train());
    assert_eq!(floats(&joined, "k_rate"), [Some(0.0), Some(0.75), None, Some(0.0)]);
    assert_eq!(floats(&joined, "k_n"), [Some(3.0), Some(4.0), None, Some(3.0)]);
    let scalars = fitted(STEPS[6], test(), train());
    // The fit 0.75 quantile (nearest) of x is 20; df.height is the fit row count.
    assert_eq!(floats(&scalars, "high"), [Some(0.0), Some(0.0), Some(0.0), Some(0.0)]);
    assert_eq!(floats(&scalars, "rows"), [Some(8.0); 4]);
    let kept = fitted(STEPS[10], test(), train());
    assert_eq!(floats(&kept, "x"), [] as [Option<f64>; 0], "no test row is above the fit mean 21.25");
    let known = fitted(STEPS[13], test(), train());
    assert_eq!(known.column("known").unwrap().bool().unwrap().iter().collect::<Vec<_>>(), [Some(true), Some(true), Some(false), Some(true)]);
}

#[test]
fn a_statistic_inside_a_sequential_transform_is_the_fit_value() {
    let replayed = fitted(STEPS[9], test(), train());
    let fit_mean = 170.0 / 8.0;
    let mut running = 0.0;
    let expected: Vec<Option<f64>> = [5.0, 7.0, 9.0, 11.0].iter().map(|x| {
        running += x - fit_mean;
        Some(running)
    }).collect();
    assert_eq!(floats(&replayed, "cum_dev"), expected);
}

#[test]
fn constructs_without_a_fitted_form_are_refused_with_a_hint() {
    for (code, needle) in [
        ("df = df.with_columns(r=pl.col('x').rank())", "`rank`"),
        ("df = df.with_columns(q=pl.col('x').qcut(2))", "`qcut`"),
        ("df = df.with_columns(d=pl.col('k').is_duplicated())", "compares each row"),
        ("df = df.with_columns(pl.col('x').fill_null(strategy='mean'))", "fill_null(strategy=...)"),
        ("df = df.to_dummies(columns=['k'])", "`to_dummies`"),
        ("df = df.pivot(on='k', index='n', values='x')", "`pivot`"),
        ("df = df.with_columns(f=pl.col('x').first().over('k', order_by='n'))", "order_by"),
        ("df = df.group_by('k').agg(pl.col('x').mean())", "no longer holds rows of the new data"),
        ("df = df.with_columns(pl.col('x').mean().alias('__fe_fit_value_1'))", "reserved"),
        ("df = df.with_columns(g=pl.col('x').over(pl.col('n') > pl.col('n').mean()))", "keys of `over`"),
    ] {
        let d = refusal(code);
        assert_eq!(d.code, Code::NotFittable, "{code}: {d:?}");
        assert!(d.message.contains(needle), "{code}: {}", d.message);
        assert!(d.hint.as_deref().is_some_and(|h| !h.is_empty()), "{code}");
    }
    assert!(refusal("df = df.with_columns(r=pl.col('x').rank())").hint.unwrap().contains("--recompute"));
    assert!(refusal("df = df.with_columns(q=pl.col('x').qcut(2))").hint.unwrap().contains("cut(breaks)"));
}

#[test]
fn a_column_with_the_reserved_prefix_is_refused() {
    let rename = |df: DataFrame| df.lazy().rename(["n"], ["__fe_fit_n"], true).collect().unwrap();
    let code = "df = df.with_columns(m=pl.col('x').mean())";
    let Err(d) = run_cell_fitted(code, "tx", &frames_with(rename(test())), rename(train()).lazy(), &Limits::default()) else {
        panic!("the reserved prefix must not be a column name");
    };
    assert_eq!(d.0[0].code, Code::NotFittable);
    assert!(d.0[0].message.contains("`__fe_fit_n`"), "{}", d.0[0].message);
}

#[test]
fn a_fit_frame_with_other_columns_is_reported() {
    let other = train().drop("n").unwrap();
    let code = "df = df.with_columns(m=pl.col('x').mean())";
    let result = run_cell_fitted(code, "tx", &frames_with(test()), other.lazy(), &Limits::default()).and_then(|out| fe_lang::collect(out.frame));
    assert!(result.is_err(), "a fit frame without `n` cannot stand for the frame the step ran on");
}
