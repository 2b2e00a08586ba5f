// The Python `datetime` module: `date`, `datetime`, `time` and `timedelta` literals, which become
// Polars Date, Datetime("us"), Time and Duration("us") scalars as Python Polars makes them.

use polars::prelude::*;

use super::args::{Bound, CallArgs};
use super::failure::{Fail, Result};
use super::values::Value;
use super::Interpreter;
use crate::allowlist::Namespace;

const MICROS_PER_DAY: i64 = 86_400_000_000;

impl Interpreter<'_, '_> {
    pub fn datetime_function(&mut self, name: &str, args: CallArgs) -> Result<Value> {
        let a = args.bind(Namespace::Datetime, name)?;
        match name {
            "date" => {
                let days = days_from_civil(&a)?;
                let days = i32::try_from(days).map_err(|_| Fail::value_error("date out of range"))?;
                Ok(Value::Scalar(Scalar::new(DataType::Date, AnyValue::Date(days))))
            }
            "datetime" => {
                let days = days_from_civil(&a)?;
                let mut micros = days * MICROS_PER_DAY;
                for (field, limit, scale) in [("hour", 24, 3_600_000_000i64), ("minute", 60, 60_000_000), ("second", 60, 1_000_000), ("microsecond", 1_000_000, 1)] {
                    let value = a.int(field, 0)?;
                    if !(0..limit).contains(&value) {
                        return Err(Fail::value_error(format!("datetime(): {field} must be in 0..{}", limit - 1)));
                    }
                    micros += value * scale;
                }
                let dtype = DataType::Datetime(TimeUnit::Microseconds, None);
                Ok(Value::Scalar(Scalar::new(dtype, AnyValue::Datetime(micros, TimeUnit::Microseconds, None))))
            }
            "time" => {
                let mut nanos = 0i64;
                for (field, limit, scale) in [("hour", 24, 3_600_000_000_000i64), ("minute", 60, 60_000_000_000), ("second", 60, 1_000_000_000), ("microsecond", 1_000_000, 1_000)] {
                    let value = a.int(field, 0)?;
                    if !(0..limit).contains(&value) {
                        return Err(Fail::value_error(format!("time(): {field} must be in 0..{}", limit - 1)));
                    }
                    nanos += value * scale;
                }
                Ok(Value::Scalar(Scalar::new(DataType::Time, AnyValue::Time(nanos))))
            }
            "timedelta" => {
                let mut micros = 0f64;
                for (field, scale) in [
                    ("weeks", 7.0 * MICROS_PER_DAY as f64),
                    ("days", MICROS_PER_DAY as f64),
                    ("hours", 3_600_000_000.0),
                    ("minutes", 60_000_000.0),
                    ("seconds", 1_000_000.0),
                    ("milliseconds", 1_000.0),
                    ("microseconds", 1.0),
                ] {
                    micros += a.float(field, 0.0)? * scale;
                }
                if !micros.is_finite() || micros.abs() > 9.0e18 {
                    return Err(Fail::value_error("timedelta out of range"));
                }
                // Python rounds a fractional microsecond half to even.
                let micros = super::builtins::round_half_even(micros) as i64;
                Ok(Value::Scalar(Scalar::new(DataType::Duration(TimeUnit::Microseconds), AnyValue::Duration(micros, TimeUnit::Microseconds))))
            }
            _ => Err(super::expressions::not_available(name, "datetime", Some(Namespace::Datetime))),
        }
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm), with
/// Python's range checks.
fn days_from_civil(a: &Bound) -> Result<i64> {
    let (year, month, day) = (a.int("year", 1)?, a.int("month", 1)?, a.int("day", 1)?);
    if !(1..=9999).contains(&year) {
        return Err(Fail::value_error(format!("year {year} is out of range")));
    }
    if !(1..=12).contains(&month) {
        return Err(Fail::value_error("month must be in 1..12"));
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let month_days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][(month - 1) as usize];
    if !(1..=month_days).contains(&day) {
        return Err(Fail::value_error("day is out of range for month"));
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Ok(era * 146_097 + day_of_era - 719_468)
}
