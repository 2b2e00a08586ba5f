// The `operator` module: Python's operators as functions (`operator.add(a, b)` is `a + b`), on
// numbers and expressions alike, and as the function of `pl.fold`/`reduce`/`cum_fold`/`cum_reduce`.

use super::args::CallArgs;
use super::failure::Result;
use super::values::Value;
use super::Interpreter;
use crate::allowlist::Namespace;
use crate::parse::ast;

impl Interpreter<'_, '_> {
    /// `operator.<name>(a[, b])`: the same operator as written out, so numbers, expressions and
    /// their errors behave exactly as `a + b` would.
    pub fn operator_function(&mut self, name: &str, args: CallArgs) -> Result<Value> {
        let a = args.bind(Namespace::Operator, name)?;
        let left = a.required("a")?.clone();
        let right = || a.required("b").cloned();
        use ast::CmpOp as C;
        use ast::Operator as O;
        match name {
            "add" => self.binary(O::Add, left, right()?),
            "sub" => self.binary(O::Sub, left, right()?),
            "mul" => self.binary(O::Mult, left, right()?),
            "truediv" => self.binary(O::Div, left, right()?),
            "floordiv" => self.binary(O::FloorDiv, left, right()?),
            "mod" => self.binary(O::Mod, left, right()?),
            "pow" => self.binary(O::Pow, left, right()?),
            "and_" => self.binary(O::BitAnd, left, right()?),
            "or_" => self.binary(O::BitOr, left, right()?),
            "xor" => self.binary(O::BitXor, left, right()?),
            "eq" => self.compare(C::Eq, left, right()?),
            "ne" => self.compare(C::NotEq, left, right()?),
            "lt" => self.compare(C::Lt, left, right()?),
            "le" => self.compare(C::LtE, left, right()?),
            "gt" => self.compare(C::Gt, left, right()?),
            "ge" => self.compare(C::GtE, left, right()?),
            "neg" => self.unary(ast::UnaryOp::USub, left),
            "invert" => self.unary(ast::UnaryOp::Invert, left),
            "abs" => self.call_builtin("abs", CallArgs { positional: vec![left], keywords: Vec::new() }),
            _ => Err(super::expressions::not_available(name, "operator", Some(Namespace::Operator))),
        }
    }
}
