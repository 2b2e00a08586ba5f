// The PySpark translation of single steps: what a user relies on — refusals name the line and
// the construct, Python values from the data are refused, and the Spark code keeps Polars'
// semantics where Spark differs (the scripts themselves run on Spark in tests/spark).

use fe_lang::spark::{translate_step, SparkInput};
use polars::prelude::*;

fn tx() -> SparkInput {
    let schema = Schema::from_iter([
        Field::new("id".into(), DataType::Int64),
        Field::new("customer_id".into(), DataType::String),
        Field::new("amount".into(), DataType::Float64),
        Field::new("ts".into(), DataType::Datetime(TimeUnit::Microseconds, None)),
    ]);
    SparkInput { name: "tx".into(), schema, variable: "tx_loaded".into() }
}

fn customers() -> SparkInput {
    let schema = Schema::from_iter([Field::new("customer_id".into(), DataType::String), Field::new("amount".into(), DataType::Int64)]);
    SparkInput { name: "customers".into(), schema, variable: "customers_v1".into() }
}

fn code_of(step: &str, inputs: &[SparkInput]) -> String {
    translate_step(step, "tx", inputs, "s", None).unwrap_or_else(|r| panic!("{r}")).lines.join("\n")
}

#[test]
fn an_unknown_construct_is_refused_with_its_line_and_column() {
    let step = "df = df.with_columns(a=pl.col(\"amount\") * 2)\ndf = df.with_columns(e=pl.col(\"amount\").rolling_mean(2, weights=[0.5, 0.5]))";
    let refusal = translate_step(step, "tx", &[tx()], "s", None).unwrap_err();
    assert_eq!((refusal.line, refusal.column, refusal.construct.as_str()), (2, 41, "rolling_mean"));
    assert!(refusal.to_string().contains("line 2, column 41: `rolling_mean` with weights has no Spark window (hint: drop `weights`)"), "{refusal}");
}

#[test]
fn a_python_value_taken_from_the_data_is_refused_at_its_line() {
    let step = "import polars as pl\nthreshold = df[\"amount\"].quantile(0.9)\ndf = df.with_columns(big=pl.col(\"amount\") > threshold)";
    let refusal = translate_step(step, "tx", &[tx()], "s", None).unwrap_err();
    assert_eq!(refusal.line, 2, "{refusal}");
    assert!(refusal.message.contains("takes a Python value from the data"), "{refusal}");
}

#[test]
fn division_mean_over_and_rank_keep_polars_semantics() {
    let code = code_of(
        "df = df.with_columns(r=pl.col(\"amount\") / pl.col(\"amount\").mean().over(\"customer_id\"), k=pl.col(\"amount\").rank().over(\"customer_id\"))",
        &[tx()],
    );
    assert!(code.contains("fe_div(F.col(\"amount\"), F.avg(F.col(\"amount\")).over(Window.partitionBy(F.col(\"customer_id\"))))"), "{code}");
    assert!(code.contains("fe_rank(F.col(\"amount\"), \"average\", False, [F.col(\"customer_id\")])"), "{code}");
}

#[test]
fn a_join_renames_colliding_columns_as_polars_does_and_keeps_the_left_order() {
    let code = code_of("df = df.join(customers, on=\"customer_id\", how=\"left\")", &[tx(), customers()]);
    assert!(code.contains("F.col(\"amount\").alias(\"amount_right\")"), "{code}");
    assert!(code.contains("\"left\")"), "{code}");
    assert!(code.contains("F.struct(F.col(_FE_ORDER), F.col(\"_fe_ord_r\")).alias(_FE_ORDER)"), "{code}");
}

#[test]
fn a_rolling_window_by_time_becomes_a_range_frame_on_microseconds() {
    let code = code_of("df = df.sort(\"ts\").with_columns(s=pl.col(\"amount\").rolling_sum_by(\"ts\", window_size=\"24h\").over(\"customer_id\"))", &[tx()]);
    assert!(code.contains(".rangeBetween(-86399999999, 0)"), "{code}");
    assert!(code.contains("fe_reorder("), "{code}");
}

fn wide(columns: usize) -> SparkInput {
    let schema = Schema::from_iter((0..columns).map(|i| Field::new(format!("c{i}").into(), if i % 2 == 0 { DataType::Float64 } else { DataType::Int64 })));
    SparkInput { name: "tx".into(), schema, variable: "tx_loaded".into() }
}

fn deepest_brackets(code: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for c in code.chars() {
        match c {
            '(' | '[' | '{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    deepest
}

#[test]
fn a_long_written_out_sum_exports_as_flat_python() {
    let terms: Vec<String> = (0..150).map(|i| format!("pl.col(\"c{i}\")")).collect();
    let code = code_of(&format!("df = df.with_columns(({}).alias(\"total\"))", terms.join(" + ")), &[wide(150)]);
    // CPython's parser stops at 200 nested brackets; the sum is one flat chain of `+`.
    assert!(deepest_brackets(&code) < 20, "nested {} deep", deepest_brackets(&code));
    assert!(code.contains("F.col(\"c0\") + F.col(\"c1\").try_cast(\"double\") + F.col(\"c2\")"), "{}", &code[..400.min(code.len())]);
    // Precedence is kept where the parentheses matter.
    let code = code_of("df = df.with_columns(x=(pl.col(\"amount\") + 1) * 2 - (pl.col(\"amount\") - 3), y=(pl.col(\"amount\") > 1) & (pl.col(\"id\") < 5) | (pl.col(\"id\") == 0))", &[tx()]);
    assert!(code.contains("((F.col(\"amount\") + F.lit(1.0)) * F.lit(2.0) - (F.col(\"amount\") - F.lit(3.0)))"), "{code}");
    assert!(code.contains("((F.col(\"amount\") > F.lit(1.0)) & (F.col(\"id\") < F.lit(5).cast(\"bigint\")) | (F.col(\"id\") == F.lit(0).cast(\"bigint\")))"), "{code}");
}

#[test]
fn an_expression_deeper_than_spark_analyses_is_refused_with_a_hint() {
    let terms: Vec<String> = (0..2000).map(|i| format!("pl.col(\"c{i}\")")).collect();
    let refusal = translate_step(&format!("df = df.with_columns(({}).alias(\"total\"))", terms.join(" + ")), "tx", &[wide(2000)], "s", None).unwrap_err();
    assert!(refusal.message.contains("more than 200 operations deep"), "{refusal}");
    assert!(refusal.hint.contains("several `with_columns` steps"), "{refusal}");
    let refusal = translate_step(&format!("df = df.with_columns(b=pl.col(\"amount\"){})", ".abs()".repeat(300)), "tx", &[tx()], "s", None).unwrap_err();
    assert!(refusal.message.contains("more than 200 operations deep"), "{refusal}");
}

#[test]
fn chained_whens_export_as_one_flat_chain() {
    let branches: String = (0..500).map(|i| format!(".when(pl.col(\"amount\") > {}).then({i})", 1000 - i)).collect();
    let code = code_of(&format!("df = df.with_columns(w=pl{branches}.otherwise(-1))"), &[tx()]);
    assert!(deepest_brackets(&code) < 20, "nested {} deep", deepest_brackets(&code));
    assert_eq!((code.matches("F.when(").count(), code.matches(".when(").count()), (1, 500), "one F.when and 499 chained .when");
}

#[test]
fn group_by_dynamic_becomes_a_group_by_on_the_exact_window_start() {
    let code = code_of("df = df.sort(\"ts\").group_by_dynamic(\"ts\", every=\"1w\", group_by=\"customer_id\").agg(pl.col(\"amount\").sum())", &[tx()]);
    // Polars truncates weeks to Mondays: 1970-01-05 is 4 days after the epoch (in microseconds).
    assert!(code.contains("F.pmod(fe_epoch(F.col(\"ts\"), \"us\", \"datetime\") - 345600000000, F.lit(604800000000))"), "{code}");
    assert!(code.contains(".groupBy(F.col(\"customer_id\"), F.col(\"_fe_w\"))"), "{code}");
    // The groups come back sorted by their keys, nulls last, as Polars returns them.
    assert!(code.contains("fe_reorder(s_4, [F.col(\"customer_id\").asc_nulls_last(), F.col(\"_fe_w\")])"), "{code}");
    let refusal = translate_step("df = df.sort(\"ts\").group_by_dynamic(\"ts\", every=\"1w\", offset=\"1d\").agg(pl.len())", "tx", &[tx()], "s", None).unwrap_err();
    assert_eq!(refusal.construct, "group_by_dynamic");
    assert!(refusal.message.contains("offset"), "{refusal}");
}

#[test]
fn explode_keeps_the_list_position_in_the_row_order() {
    // explode checks its row budget on the data: the step is translated with what it took then.
    let step = "df = df.with_columns(w=pl.col(\"customer_id\").str.split(\"-\")).explode(\"w\")";
    let data = df!("id" => [1i64, 2], "customer_id" => [Some("a-b"), None], "amount" => [1.0f64, 2.0]).unwrap();
    let data = data.lazy().with_column(lit(NULL).cast(DataType::Datetime(TimeUnit::Microseconds, None)).alias("ts"));
    let mut frames = fe_lang::Frames::new();
    frames.insert("tx".into(), data);
    let (_, taken) = fe_lang::run_cell_recording(step, "tx", &frames, &fe_lang::Limits::default()).unwrap();
    let code = translate_step(step, "tx", &[tx()], "s", Some(&taken)).unwrap_or_else(|r| panic!("{r}")).lines.join("\n");
    assert!(code.contains("F.posexplode_outer(F.col(\"w\")).alias(\"_fe_pos\", \"w\")"), "{code}");
    assert!(code.contains("F.struct(F.col(_FE_ORDER), F.col(\"_fe_pos\"))"), "{code}");
}

#[test]
fn join_asof_backward_takes_the_last_right_row_at_or_before_the_key() {
    let code = code_of("df = df.sort(\"ts\").join_asof(df.sort(\"ts\").select(\"ts\", pl.col(\"id\").alias(\"prev\")), on=\"ts\")", &[tx()]);
    assert!(code.contains("(s_4[\"_fe_ron\"] <= s_1[\"`ts`\"])"), "{code}");
    assert!(code.contains("F.col(\"_fe_ron\").desc_nulls_last(), F.col(\"_fe_ord_r\").desc_nulls_last()"), "{code}");
    let refusal = translate_step("df = df.sort(\"ts\").join_asof(df.sort(\"ts\"), on=\"ts\", strategy=\"nearest\")", "tx", &[tx()], "s", None).unwrap_err();
    assert!(refusal.message.contains("nearest"), "{refusal}");
}

#[test]
fn ewm_mean_runs_polars_recursion_and_unsorted_ties_raise_in_ewm_mean_by() {
    let code = code_of("df = df.with_columns(e=pl.col(\"amount\").ewm_mean(alpha=0.25, adjust=False).over(\"customer_id\"))", &[tx()]);
    assert!(code.contains("fe_ewm_mean(F.col(\"amount\"), 0.25, False, 1, False, Window.partitionBy(F.col(\"customer_id\")).orderBy(F.col(_FE_ORDER)), \"double\")"), "{code}");
    let code = code_of("df = df.with_columns(e=pl.col(\"amount\").ewm_mean_by(\"ts\", half_life=\"1h\"))", &[tx()]);
    assert!(code.contains("fe_ewm_mean_by(F.col(\"amount\"), F.col(\"_fe_s_1_0\"), 3600000000,"), "{code}");
    assert!(code.contains("F.raise_error(F.lit(\"ewm_mean_by: tied times in a frame not sorted by them"), "{code}");
}

#[test]
fn the_first_regex_match_is_replaced_behind_the_shortest_prefix() {
    let code = code_of("df = df.with_columns(c=pl.col(\"customer_id\").str.replace(r\"\\d+\", \"#\"))", &[tx()]);
    assert!(code.contains("fe_replace_first_regex(F.col(\"customer_id\"), \"\\\\d+\", \"#\")"), "{code}");
    let refusal = translate_step("df = df.with_columns(c=pl.col(\"customer_id\").str.replace(r\"(\\d)\", \"$1$1\"))", "tx", &[tx()], "s", None).unwrap_err();
    assert_eq!(refusal.construct, "replace", "{refusal}");
}
