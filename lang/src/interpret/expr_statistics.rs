// Expression methods that summarise a column as Python Polars 2.1 defines them: `entropy`,
// `dot`, `value_counts` (a Struct of value and count), `unique_counts`, and `pl.cov`.

use polars::prelude::*;

use super::args::Bound;
use super::conversions::StrAs;
use super::failure::{Fail, Result};
use super::Interpreter;

impl Interpreter<'_, '_> {
    pub fn expr_statistic(&mut self, e: Expr, name: &str, a: &Bound) -> Result<Expr> {
        Ok(match name {
            "entropy" => e.entropy(a.float("base", std::f64::consts::E)?, a.bool("normalize", true)?),
            "dot" => {
                let other = self.to_expr(a.required("other")?.clone(), StrAs::Column)?;
                e.dot(other)
            }
            // Python names the count field "count" unless `name=` says otherwise (and
            // "proportion" with `normalize=True`).
            "value_counts" => {
                let normalize = a.bool("normalize", false)?;
                let count_name = a.opt_string("name")?.unwrap_or_else(|| if normalize { "proportion" } else { "count" }.to_string());
                e.value_counts(a.bool("sort", false)?, a.bool("parallel", false)?, &count_name, normalize)
            }
            "unique_counts" => e.unique_counts(),
            _ => unreachable!("dispatched by name"),
        })
    }

    /// `pl.cov(a, b, *, ddof=1)`: strings are column names.
    pub fn covariance(&mut self, a: &Bound) -> Result<Expr> {
        if a.bool("eager", false)? {
            return Err(Fail::new(crate::diagnostics::Code::UnsupportedArgument, "pl.cov(..., eager=True) is not supported").hint("use it as an expression: `df.select(pl.cov(\"a\", \"b\")).item()`"));
        }
        let x = self.to_expr(a.required("a")?.clone(), StrAs::Column)?;
        let y = self.to_expr(a.required("b")?.clone(), StrAs::Column)?;
        let ddof = a.int("ddof", 1)?;
        let ddof = u8::try_from(ddof).map_err(|_| Fail::value_error(format!("ddof must be between 0 and 255, not {ddof}")))?;
        Ok(cov(x, y, ddof))
    }
}
