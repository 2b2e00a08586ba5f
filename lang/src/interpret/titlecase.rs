// `str.to_titlecase()` as Python Polars 2.1 computes it (Rust Polars 0.55 has it only with the
// nightly feature, and with another rule): a Rust function over the values, no Python involved.
//
// The rule, measured on every Unicode code point against Python Polars 2.1 (at the start of a
// word, after a letter, and before a letter): a character that follows a non-alphabetic one (or
// starts the string) takes its Unicode titlecase mapping, every other character its lowercase
// mapping, with Σ → ς where Unicode's Final_Sigma condition holds in the whole string.

use polars::prelude::*;

/// `expr.str.to_titlecase()`: element-wise, keeps the name and the String type.
pub(crate) fn to_titlecase(e: Expr) -> Expr {
    e.map_with_fmt_str(titlecase_column, |_, field| Ok(field.clone()), "str.to_titlecase")
}

fn titlecase_column(column: Column) -> PolarsResult<Column> {
    let values = column.str()?;
    let out: StringChunked = values.iter().map(|value| value.map(titlecase)).collect();
    Ok(out.with_name(column.name().clone()).into_column())
}

/// One string in titlecase.
pub(crate) fn titlecase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Σ is the only character whose lowercase depends on its neighbours: its form is read off the
    // lowercase of the whole string (every other lowercase mapping is context-free, and σ and ς
    // have the same length, so byte offsets line up).
    let whole_lowercase = text.contains('Σ').then(|| text.to_lowercase());
    let mut lowercase_offset = 0;
    let mut starts_word = true;
    for c in text.chars() {
        if starts_word {
            match TITLECASE_NOT_UPPERCASE.binary_search_by_key(&c, |(from, _)| *from) {
                Ok(at) => out.push_str(TITLECASE_NOT_UPPERCASE[at].1),
                Err(_) => out.extend(c.to_uppercase()),
            }
        } else if c == 'Σ' {
            let lowered = whole_lowercase.as_deref().unwrap_or("");
            out.push(if lowered[lowercase_offset..].starts_with('ς') { 'ς' } else { 'σ' });
        } else {
            out.extend(c.to_lowercase());
        }
        lowercase_offset += c.to_lowercase().map(char::len_utf8).sum::<usize>();
        starts_word = !c.is_alphabetic();
    }
    out
}

/// Characters whose titlecase mapping is not their uppercase mapping, sorted (the digraphs
/// DŽ/LJ/NJ/DZ, ß, ligatures, Georgian Mkhedruli, Greek with ypogegrammeni, Armenian
/// ligatures, …): 135 entries, taken from Python Polars 2.1's `to_titlecase` on every code point.
static TITLECASE_NOT_UPPERCASE: &[(char, &str)] = &[
    ('\u{df}', "\u{53}\u{73}"), ('\u{1c4}', "\u{1c5}"), ('\u{1c5}', "\u{1c5}"), ('\u{1c6}', "\u{1c5}"),
    ('\u{1c7}', "\u{1c8}"), ('\u{1c8}', "\u{1c8}"), ('\u{1c9}', "\u{1c8}"), ('\u{1ca}', "\u{1cb}"),
    ('\u{1cb}', "\u{1cb}"), ('\u{1cc}', "\u{1cb}"), ('\u{1f1}', "\u{1f2}"), ('\u{1f2}', "\u{1f2}"),
    ('\u{1f3}', "\u{1f2}"), ('\u{587}', "\u{535}\u{582}"), ('\u{10d0}', "\u{10d0}"), ('\u{10d1}', "\u{10d1}"),
    ('\u{10d2}', "\u{10d2}"), ('\u{10d3}', "\u{10d3}"), ('\u{10d4}', "\u{10d4}"), ('\u{10d5}', "\u{10d5}"),
    ('\u{10d6}', "\u{10d6}"), ('\u{10d7}', "\u{10d7}"), ('\u{10d8}', "\u{10d8}"), ('\u{10d9}', "\u{10d9}"),
    ('\u{10da}', "\u{10da}"), ('\u{10db}', "\u{10db}"), ('\u{10dc}', "\u{10dc}"), ('\u{10dd}', "\u{10dd}"),
    ('\u{10de}', "\u{10de}"), ('\u{10df}', "\u{10df}"), ('\u{10e0}', "\u{10e0}"), ('\u{10e1}', "\u{10e1}"),
    ('\u{10e2}', "\u{10e2}"), ('\u{10e3}', "\u{10e3}"), ('\u{10e4}', "\u{10e4}"), ('\u{10e5}', "\u{10e5}"),
    ('\u{10e6}', "\u{10e6}"), ('\u{10e7}', "\u{10e7}"), ('\u{10e8}', "\u{10e8}"), ('\u{10e9}', "\u{10e9}"),
    ('\u{10ea}', "\u{10ea}"), ('\u{10eb}', "\u{10eb}"), ('\u{10ec}', "\u{10ec}"), ('\u{10ed}', "\u{10ed}"),
    ('\u{10ee}', "\u{10ee}"), ('\u{10ef}', "\u{10ef}"), ('\u{10f0}', "\u{10f0}"), ('\u{10f1}', "\u{10f1}"),
    ('\u{10f2}', "\u{10f2}"), ('\u{10f3}', "\u{10f3}"), ('\u{10f4}', "\u{10f4}"), ('\u{10f5}', "\u{10f5}"),
    ('\u{10f6}', "\u{10f6}"), ('\u{10f7}', "\u{10f7}"), ('\u{10f8}', "\u{10f8}"), ('\u{10f9}', "\u{10f9}"),
    ('\u{10fa}', "\u{10fa}"), ('\u{10fd}', "\u{10fd}"), ('\u{10fe}', "\u{10fe}"), ('\u{10ff}', "\u{10ff}"),
    ('\u{1f80}', "\u{1f88}"), ('\u{1f81}', "\u{1f89}"), ('\u{1f82}', "\u{1f8a}"), ('\u{1f83}', "\u{1f8b}"),
    ('\u{1f84}', "\u{1f8c}"), ('\u{1f85}', "\u{1f8d}"), ('\u{1f86}', "\u{1f8e}"), ('\u{1f87}', "\u{1f8f}"),
    ('\u{1f88}', "\u{1f88}"), ('\u{1f89}', "\u{1f89}"), ('\u{1f8a}', "\u{1f8a}"), ('\u{1f8b}', "\u{1f8b}"),
    ('\u{1f8c}', "\u{1f8c}"), ('\u{1f8d}', "\u{1f8d}"), ('\u{1f8e}', "\u{1f8e}"), ('\u{1f8f}', "\u{1f8f}"),
    ('\u{1f90}', "\u{1f98}"), ('\u{1f91}', "\u{1f99}"), ('\u{1f92}', "\u{1f9a}"), ('\u{1f93}', "\u{1f9b}"),
    ('\u{1f94}', "\u{1f9c}"), ('\u{1f95}', "\u{1f9d}"), ('\u{1f96}', "\u{1f9e}"), ('\u{1f97}', "\u{1f9f}"),
    ('\u{1f98}', "\u{1f98}"), ('\u{1f99}', "\u{1f99}"), ('\u{1f9a}', "\u{1f9a}"), ('\u{1f9b}', "\u{1f9b}"),
    ('\u{1f9c}', "\u{1f9c}"), ('\u{1f9d}', "\u{1f9d}"), ('\u{1f9e}', "\u{1f9e}"), ('\u{1f9f}', "\u{1f9f}"),
    ('\u{1fa0}', "\u{1fa8}"), ('\u{1fa1}', "\u{1fa9}"), ('\u{1fa2}', "\u{1faa}"), ('\u{1fa3}', "\u{1fab}"),
    ('\u{1fa4}', "\u{1fac}"), ('\u{1fa5}', "\u{1fad}"), ('\u{1fa6}', "\u{1fae}"), ('\u{1fa7}', "\u{1faf}"),
    ('\u{1fa8}', "\u{1fa8}"), ('\u{1fa9}', "\u{1fa9}"), ('\u{1faa}', "\u{1faa}"), ('\u{1fab}', "\u{1fab}"),
    ('\u{1fac}', "\u{1fac}"), ('\u{1fad}', "\u{1fad}"), ('\u{1fae}', "\u{1fae}"), ('\u{1faf}', "\u{1faf}"),
    ('\u{1fb2}', "\u{1fba}\u{345}"), ('\u{1fb3}', "\u{1fbc}"), ('\u{1fb4}', "\u{386}\u{345}"), ('\u{1fb7}', "\u{391}\u{342}\u{345}"),
    ('\u{1fbc}', "\u{1fbc}"), ('\u{1fc2}', "\u{1fca}\u{345}"), ('\u{1fc3}', "\u{1fcc}"), ('\u{1fc4}', "\u{389}\u{345}"),
    ('\u{1fc7}', "\u{397}\u{342}\u{345}"), ('\u{1fcc}', "\u{1fcc}"), ('\u{1ff2}', "\u{1ffa}\u{345}"), ('\u{1ff3}', "\u{1ffc}"),
    ('\u{1ff4}', "\u{38f}\u{345}"), ('\u{1ff7}', "\u{3a9}\u{342}\u{345}"), ('\u{1ffc}', "\u{1ffc}"), ('\u{fb00}', "\u{46}\u{66}"),
    ('\u{fb01}', "\u{46}\u{69}"), ('\u{fb02}', "\u{46}\u{6c}"), ('\u{fb03}', "\u{46}\u{66}\u{69}"), ('\u{fb04}', "\u{46}\u{66}\u{6c}"),
    ('\u{fb05}', "\u{53}\u{74}"), ('\u{fb06}', "\u{53}\u{74}"), ('\u{fb13}', "\u{544}\u{576}"), ('\u{fb14}', "\u{544}\u{565}"),
    ('\u{fb15}', "\u{544}\u{56b}"), ('\u{fb16}', "\u{54e}\u{576}"), ('\u{fb17}', "\u{544}\u{56d}"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_start_after_any_non_letter_and_take_titlecase_forms() {
        assert_eq!(titlecase("o'neil-smith 2nd"), "O'Neil-Smith 2Nd");
        assert_eq!(titlecase("MiXeD cAsE"), "Mixed Case");
        assert_eq!(titlecase("ǆemal ﬁsh ßtraße"), "ǅemal Fish Sstraße");
        assert_eq!(titlecase("İstanbul"), "İstanbul");
    }

    #[test]
    fn sigma_is_final_only_at_the_end_of_a_word() {
        assert_eq!(titlecase("ΣΑΣ ΑΣ"), "Σας Ας");
        assert_eq!(titlecase("ΑΣΑ"), "Ασα");
    }

    #[test]
    fn the_table_is_sorted_for_binary_search() {
        assert!(TITLECASE_NOT_UPPERCASE.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(TITLECASE_NOT_UPPERCASE.len(), 135);
    }
}

