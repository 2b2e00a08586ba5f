// Python's format mini-language for f-strings and `"literal".format(...)`: fill, align, sign,
// zero padding, width, grouping, precision and the types s, d, f, e, g, % (no attribute access).

use super::conversions::{repr, to_py_str};
use super::failure::{Fail, Result};
use super::values::Value;
use crate::diagnostics::Code;

/// A parsed format spec, e.g. `>08,.2f`.
#[derive(Default)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

fn unsupported(spec: &str) -> Fail {
    Fail::new(Code::StringFormatting, format!("the format spec `{spec}` is not supported"))
        .hint("use specs such as `.2f`, `d`, `03d`, `>8`, `,`, `.1%`, `.3e`, `.3g`, or none")
}

fn parse(text: &str) -> Result<Spec> {
    let chars: Vec<char> = text.chars().collect();
    let mut spec = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        spec.fill = Some(chars[0]);
        spec.align = Some(chars[1]);
        i = 2;
    } else if chars.first().is_some_and(|c| is_align(*c)) {
        spec.align = Some(chars[0]);
        i = 1;
    }
    if let Some(c @ ('+' | '-' | ' ')) = chars.get(i).copied() {
        spec.sign = Some(c);
        i += 1;
    }
    if chars.get(i) == Some(&'0') {
        spec.zero = true;
        i += 1;
    }
    let start = i;
    while chars.get(i).is_some_and(char::is_ascii_digit) {
        i += 1;
    }
    spec.width = chars[start..i].iter().collect::<String>().parse().unwrap_or(0);
    if let Some(c @ (',' | '_')) = chars.get(i).copied() {
        spec.grouping = Some(c);
        i += 1;
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        let start = i;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        if start == i {
            return Err(unsupported(text));
        }
        spec.precision = chars[start..i].iter().collect::<String>().parse().ok();
    }
    if let Some(c) = chars.get(i).copied() {
        if !matches!(c, 's' | 'd' | 'f' | 'F' | 'e' | 'E' | 'g' | 'G' | '%') {
            return Err(unsupported(text));
        }
        spec.kind = Some(c);
        i += 1;
    }
    if i != chars.len() {
        return Err(unsupported(text));
    }
    Ok(spec)
}

/// `format(value, spec)` as Python computes it for str, int, float and bool values.
pub(crate) fn format_value(value: &Value, text: &str) -> Result<String> {
    if text.is_empty() {
        return Ok(to_py_str(value));
    }
    let spec = parse(text)?;
    let (body, numeric) = match (value, spec.kind) {
        (Value::Str(s), None | Some('s')) => {
            if spec.sign.is_some() || spec.grouping.is_some() {
                return Err(unsupported(text));
            }
            let truncated: String = match spec.precision {
                Some(p) => s.chars().take(p).collect(),
                None => s.to_string(),
            };
            (truncated, false)
        }
        (Value::Int(_) | Value::Bool(_), None | Some('d')) if spec.precision.is_none() => {
            let i = value.as_f64().unwrap_or(0.0) as i64;
            (signed(&group(&i.unsigned_abs().to_string(), spec.grouping), i < 0, spec.sign), true)
        }
        (Value::Int(_) | Value::Bool(_) | Value::Float(_), kind) if kind != Some('s') && kind != Some('d') => {
            let f = value.as_f64().unwrap_or(0.0);
            (float_body(f, &spec, matches!(value, Value::Float(_)))?, true)
        }
        _ => return Err(unsupported(text)),
    };
    Ok(pad(body, &spec, numeric))
}

fn float_body(f: f64, spec: &Spec, is_float: bool) -> Result<String> {
    let negative = f.is_sign_negative() && !(f == 0.0 && !is_float) && !f.is_nan();
    let a = f.abs();
    let digits = if a.is_nan() {
        "nan".to_string()
    } else if a.is_infinite() {
        "inf".to_string()
    } else {
        match spec.kind {
            Some('f') | Some('F') => fixed(a, spec.precision.unwrap_or(6), spec.grouping),
            Some('%') => format!("{}%", fixed(a * 100.0, spec.precision.unwrap_or(6), spec.grouping)),
            Some('e') | Some('E') => {
                let text = scientific(a, spec.precision.unwrap_or(6));
                if spec.kind == Some('E') { text.to_uppercase() } else { text }
            }
            Some('g') | Some('G') => {
                let text = general(a, spec.precision.unwrap_or(6), false, spec.grouping);
                if spec.kind == Some('G') { text.to_uppercase() } else { text }
            }
            _ => match spec.precision {
                Some(p) => general(a, p, true, spec.grouping),
                None if is_float => group_integer_part(&super::conversions::float_repr(a), spec.grouping),
                None => group(&(a as i64).to_string(), spec.grouping),
            },
        }
    };
    Ok(signed(&digits, negative, spec.sign))
}

fn fixed(a: f64, precision: usize, grouping: Option<char>) -> String {
    group_integer_part(&format!("{a:.precision$}"), grouping)
}

/// Python's `e` format: mantissa with `precision` decimals and an exponent of at least two digits.
fn scientific(a: f64, precision: usize) -> String {
    let text = format!("{a:.precision$e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exponent.parse().unwrap_or(0);
    format!("{mantissa}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
}

/// Python's `g` format (and the no-type format with a precision, which keeps one decimal).
fn general(a: f64, precision: usize, keep_point: bool, grouping: Option<char>) -> String {
    let p = precision.max(1);
    if a == 0.0 {
        return if keep_point { "0.0".into() } else { "0".into() };
    }
    let rounded = scientific(a, p - 1);
    let exp: i32 = rounded.split_once('e').and_then(|(_, e)| e.parse().ok()).unwrap_or(0);
    if exp >= -4 && exp < p as i32 {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let mut text = format!("{a:.decimals$}");
        if text.contains('.') {
            text = text.trim_end_matches('0').trim_end_matches('.').to_string();
        }
        if keep_point && !text.contains('.') {
            text.push_str(".0");
        }
        group_integer_part(&text, grouping)
    } else {
        let (mantissa, exponent) = rounded.split_once('e').unwrap_or((&rounded, "+00"));
        let mantissa = if mantissa.contains('.') { mantissa.trim_end_matches('0').trim_end_matches('.') } else { mantissa };
        format!("{mantissa}e{exponent}")
    }
}

fn signed(digits: &str, negative: bool, sign: Option<char>) -> String {
    match (negative, sign) {
        (true, _) => format!("-{digits}"),
        (false, Some('+')) => format!("+{digits}"),
        (false, Some(' ')) => format!(" {digits}"),
        _ => digits.to_string(),
    }
}

fn group_integer_part(text: &str, grouping: Option<char>) -> String {
    match text.split_once('.') {
        Some((int_part, frac)) => format!("{}.{frac}", group(int_part, grouping)),
        None => group(text, grouping),
    }
}

fn group(int_part: &str, grouping: Option<char>) -> String {
    let Some(separator) = grouping else { return int_part.to_string() };
    if !int_part.chars().all(|c| c.is_ascii_digit()) {
        return int_part.to_string();
    }
    let mut out = String::with_capacity(int_part.len() + int_part.len() / 3);
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

fn pad(body: String, spec: &Spec, numeric: bool) -> String {
    let len = body.chars().count();
    if len >= spec.width {
        return body;
    }
    let missing = spec.width - len;
    let (fill, align) = match (spec.fill, spec.align) {
        (Some(fill), Some(align)) => (fill, align),
        (None, Some(align)) => (if spec.zero { '0' } else { ' ' }, align),
        (_, None) if spec.zero => ('0', '='),
        (_, None) => (' ', if numeric { '>' } else { '<' }),
    };
    let run = |n: usize| std::iter::repeat_n(fill, n).collect::<String>();
    match align {
        '<' => body + &run(missing),
        '^' => run(missing / 2) + &body + &run(missing - missing / 2),
        '=' => {
            let sign_len = body.chars().take_while(|c| matches!(c, '+' | '-' | ' ')).count();
            let (sign, rest) = body.split_at(sign_len);
            format!("{sign}{}{rest}", run(missing))
        }
        _ => run(missing) + &body,
    }
}

/// `"literal".format(*args, **kwargs)`: plain fields `{}`, `{0}`, `{name}`, with `!r`/`!s`
/// and a format spec. Attribute and index access in a field are refused.
pub(crate) fn format_template(template: &str, positional: &[Value], keywords: &[(String, Value)]) -> Result<String> {
    let mut out = String::new();
    let mut chars = template.chars().peekable();
    let mut auto_index = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut field = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some('{') | None => return Err(Fail::value_error("str.format(): unmatched `{` in the template")),
                        Some(ch) => field.push(ch),
                    }
                }
                let (head, spec) = field.split_once(':').unwrap_or((&field, ""));
                let (name, conversion) = match head.split_once('!') {
                    Some((name, conversion)) => (name, Some(conversion)),
                    None => (head, None),
                };
                let value = field_value(name, positional, keywords, &mut auto_index)?;
                let rendered = match conversion {
                    Some("r") => repr(&value),
                    Some("s") | None => format_value(&value, spec)?,
                    Some(other) => return Err(Fail::value_error(format!("str.format(): unknown conversion `!{other}`"))),
                };
                out.push_str(&rendered);
            }
            '}' => return Err(Fail::value_error("str.format(): single `}` in the template")),
            other => out.push(other),
        }
    }
    Ok(out)
}

fn field_value(name: &str, positional: &[Value], keywords: &[(String, Value)], auto_index: &mut usize) -> Result<Value> {
    if !is_plain_field(name) {
        return Err(Fail::new(Code::StringFormatting, format!("the format field `{{{name}}}` reads an attribute or an item"))
            .hint("only plain fields `{}`, `{0}` and `{name}` are allowed; compute the value first"));
    }
    if name.is_empty() {
        let value = positional.get(*auto_index).cloned().ok_or_else(|| Fail::value_error("str.format(): not enough positional arguments"))?;
        *auto_index += 1;
        return Ok(value);
    }
    if let Ok(index) = name.parse::<usize>() {
        return positional.get(index).cloned().ok_or_else(|| Fail::value_error(format!("str.format(): no positional argument {index}")));
    }
    keywords
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .ok_or_else(|| Fail::value_error(format!("str.format(): no keyword argument `{name}`")))
}

/// A field name without attribute (`.`) or item (`[`) access.
pub(crate) fn is_plain_field(name: &str) -> bool {
    name.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// Whether every field of a template is plain (checked statically on string literals).
pub(crate) fn template_is_plain(template: &str) -> bool {
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '{' {
            if chars.peek() == Some(&'{') {
                chars.next();
                continue;
            }
            let mut field = String::new();
            for ch in chars.by_ref() {
                if ch == '}' {
                    break;
                }
                field.push(ch);
            }
            let head = field.split([':', '!']).next().unwrap_or("");
            if !is_plain_field(head) {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: f64, spec: &str) -> String {
        format_value(&Value::Float(v), spec).unwrap()
    }

    #[test]
    fn matches_python_formatting() {
        assert_eq!(f(5.0, "02.0f"), "05");
        assert_eq!(f(95.0, "02.0f"), "95");
        assert_eq!(f(3.14159, ".2f"), "3.14");
        assert_eq!(f(0.256, ".1%"), "25.6%");
        assert_eq!(f(1234567.891, ",.2f"), "1,234,567.89");
        assert_eq!(f(12345.678, ".2e"), "1.23e+04");
        assert_eq!(f(3.14159, ".2"), "3.1");
        assert_eq!(f(2.0, ".3"), "2.0");
        assert_eq!(f(1234.5, ".2"), "1.2e+03");
        assert_eq!(f(0.0001234, ".3g"), "0.000123");
        assert_eq!(f(-1.5, "08.2f"), "-0001.50");
        assert_eq!(format_value(&Value::Int(7), "03d").unwrap(), "007");
        assert_eq!(format_value(&Value::Int(7), ">4").unwrap(), "   7");
        assert_eq!(format_value(&Value::Int(1234567), ",").unwrap(), "1,234,567");
        assert_eq!(format_value(&Value::str("ab"), "<4").unwrap(), "ab  ");
        assert_eq!(format_value(&Value::str("ab"), "*^6").unwrap(), "**ab**");
        assert_eq!(format_value(&Value::Int(5), ".2f").unwrap(), "5.00");
    }

    #[test]
    fn templates_fill_plain_fields_only() {
        let args = [Value::Int(10), Value::str("x")];
        let kwargs = [("name".to_string(), Value::Float(0.5))];
        assert_eq!(format_template("q{}_{}", &args, &[]).unwrap(), "q10_x");
        assert_eq!(format_template("{1}{0:03d} {name:.1%} {{}}", &args, &kwargs).unwrap(), "x010 50.0% {}");
        assert!(format_template("{0.__class__}", &args, &[]).is_err());
        assert!(!template_is_plain("{0.__class__}") && !template_is_plain("{x[0]}") && template_is_plain("a{}{b:>3}{{c.d}}"));
    }
}
