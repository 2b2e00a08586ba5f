// Deep feature code through the real, sandboxed worker: a long written-out sum is computed on the
// deep stack, code over the nesting limit is a ResourceLimit with line and column, never a crash.
// (Polars' planning of a 2,000-term sum takes seconds, in Python Polars too: lang's tests and
// the differential corpus run that size; here a smaller one keeps the worker test quick.)

#![cfg(feature = "lang")]

mod common;

use common::{test_limits, TestSession};

fn sum_of_terms(n: usize) -> String {
    let terms: Vec<&str> = (0..n).map(|i| if i % 2 == 0 { "pl.col('amount')" } else { "pl.col('id')" }).collect();
    format!("df = df.with_columns(({}).alias('total'))", terms.join(" + "))
}

#[test]
fn a_long_written_out_sum_is_computed_in_the_worker() {
    // The deep stack is a mapping that counts against RLIMIT_DATA: 1 GiB leaves room for it.
    let mut limits = test_limits();
    limits.memory_bytes = 1 << 30;
    let t = TestSession::start("deep-sum", limits);
    t.load_csv("tx", 20);
    let summary = t.control.apply("tx", &sum_of_terms(600), 1, None).unwrap();
    assert_eq!(summary.version, 2);
    assert_eq!(summary.new_columns[0].name, "total");
    // Row 0: 300 × 0.5 + 300 × 0; row 1: 300 × 2.5 + 300 × 1.
    assert_eq!(summary.new_columns[0].examples[..2], ["150.0".to_string(), "1050.0".to_string()], "{:?}", summary.new_columns[0]);
}

#[test]
fn code_over_the_nesting_limit_is_a_resource_limit_not_a_crash() {
    let t = TestSession::default("deep-limit");
    t.load_csv("tx", 20);
    let cases = [
        format!("x = 1\ndf = df.with_columns(pl.col('amount'){})", ".abs()".repeat(20_000)),
        format!("df = df.with_columns(pl{}.otherwise(-1).alias('w'))", ".when(pl.col('id') > 3).then(1)".repeat(5_000)),
        format!("x = {}1{}\ndf = df", "[".repeat(3_000), "]".repeat(3_000)),
    ];
    for code in &cases {
        let err = t.control.apply("tx", code, 1, None).unwrap_err();
        assert_eq!(err.ename(), "ResourceLimit", "{err}");
        let text = err.to_string();
        assert!(text.contains("over the limit of 3000") && text.contains("line "), "{text}");
        assert!(text.contains("frame `tx` is still at version 1"), "{text}");
    }
    // The worker is the same process and still serves cells.
    let summary = t.control.apply("tx", &sum_of_terms(10), 1, None).unwrap();
    assert_eq!(summary.version, 2);
}

#[test]
fn an_expression_built_deep_by_a_loop_is_computed() {
    let t = TestSession::default("deep-loop");
    t.load_csv("tx", 20);
    let code = "e = pl.col('id')\nfor i in range(500):\n    e = e + 1\ndf = df.with_columns(e.alias('far'))";
    let summary = t.control.apply("tx", code, 1, None).unwrap();
    assert_eq!(summary.new_columns[0].examples[0], "500");
}
