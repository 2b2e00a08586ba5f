// "Did you mean …?": the known names closest to a mistyped one (edit distance, with
// prefixes counting as close), best first.

/// At most three names from `known` that `given` plausibly misspells, closest first.
pub fn close_matches<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let given = given.to_lowercase();
    let mut scored: Vec<(usize, &str)> = known
        .into_iter()
        .filter_map(|name| closeness(&given, name).map(|distance| (distance, name)))
        .collect();
    scored.sort_by_key(|&(distance, name)| (distance, name));
    scored.into_iter().take(3).map(|(_, name)| name.to_string()).collect()
}

/// An edit distance when `name` is close enough to be suggested for `given`.
fn closeness(given: &str, name: &str) -> Option<usize> {
    if given.is_empty() {
        return None;
    }
    let distance = strsim::damerau_levenshtein(given, name);
    // Short words tolerate one edit, longer ones two; `sch` → `schema` is a prefix, also close.
    let allowed = if name.len() <= 4 { 1 } else { 2 };
    if distance <= allowed {
        Some(distance)
    } else if given.len() >= 2 && name.starts_with(given) {
        Some(allowed + 1)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: &[&str] = &["help", "load", "frames", "show", "schema", "suggest", "apply", "save", "status"];

    #[test]
    fn a_dropped_letter_finds_the_command() {
        assert_eq!(close_matches("lod", NAMES.iter().copied()), vec!["load"]);
        assert_eq!(close_matches("aply", NAMES.iter().copied()), vec!["apply"]);
    }

    #[test]
    fn swapped_letters_and_case_are_forgiven() {
        assert_eq!(close_matches("hlep", NAMES.iter().copied()), vec!["help"]);
        assert_eq!(close_matches("Frames", NAMES.iter().copied()), vec!["frames"]);
    }

    #[test]
    fn a_prefix_suggests_the_commands_it_starts() {
        assert_eq!(close_matches("sch", NAMES.iter().copied()), vec!["schema"]);
    }

    #[test]
    fn unrelated_words_get_no_suggestion() {
        assert!(close_matches("dataframe", NAMES.iter().copied()).is_empty());
        assert!(close_matches("x", NAMES.iter().copied()).is_empty());
    }

    #[test]
    fn closest_comes_first() {
        let matches = close_matches("sav", NAMES.iter().copied());
        assert_eq!(matches.first().map(String::as_str), Some("save"));
    }
}
