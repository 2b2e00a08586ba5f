// The builtin provider in a `%%fe search` round: its proposals cut into small units (each
// comment group, then each feature of a group on its own), in an order fixed by the seed, and
// the first unit no earlier round proposed. Offline and deterministic.

use sha2::{Digest, Sha256};

use super::families;
use super::python_text::{self, Feature};
use crate::llm::profile::FrameProfile;
use crate::llm::SearchRound;

/// The answer of one search round: a sentence and one python block, or why nothing is left.
pub fn answer(profile: &FrameProfile, target: Option<&str>, request: &str, round: &SearchRound) -> String {
    let units = units(profile, target, request, round.seed);
    let next = units.into_iter().find(|unit| {
        let names: Vec<String> = unit.iter().map(|f| f.name.clone()).collect();
        !round.tried.contains(&names) && !names.iter().any(|n| round.kept_columns.contains(n))
    });
    match next {
        Some(unit) => format!(
            "Round {}: the builtin provider (offline, rule-based) proposes {} ({}).\n\n```python\n{}```\n",
            round.round,
            unit.iter().map(|f| format!("`{}`", f.name)).collect::<Vec<_>>().join(", "),
            unit[0].group,
            python_text::code(&unit)
        ),
        None => format!(
            "The builtin provider has no untried proposal left for `{}` after {} rounds.",
            profile.name,
            round.tried.len()
        ),
    }
}

/// Every group of the proposal, then every feature of a group of several alone; each list in
/// the order of a hash of the seed and the unit's names.
fn units(profile: &FrameProfile, target: Option<&str>, request: &str, seed: u64) -> Vec<Vec<Feature>> {
    let features = families::propose(profile, target, request).features;
    let mut groups: Vec<Vec<Feature>> = Vec::new();
    for feature in features {
        match groups.last_mut() {
            Some(group) if group[0].group == feature.group => group.push(feature),
            _ => groups.push(vec![feature]),
        }
    }
    let singles: Vec<Vec<Feature>> = groups.iter().filter(|g| g.len() > 1).flat_map(|g| g.iter().map(|f| vec![f.clone()])).collect();
    let key = |unit: &Vec<Feature>| {
        let names: Vec<&str> = unit.iter().map(|f| f.name.as_str()).collect();
        Sha256::digest(format!("{seed}\u{0}{}", names.join("\u{0}")).as_bytes()).to_vec()
    };
    let mut ordered = Vec::new();
    for mut list in [groups, singles] {
        list.sort_by_cached_key(key);
        ordered.extend(list);
    }
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::llm::prompt::testing::column;

    fn frame() -> FrameProfile {
        FrameProfile {
            name: "cells".into(),
            rows: 500,
            columns: vec![
                column("mean radius", "Float64", 0, Some(450), Some(("6.9", "28.1")), Some(14.1), vec![]),
                column("worst radius", "Float64", 0, Some(450), Some(("7.9", "36.0")), Some(16.3), vec![]),
                column("mean area", "Float64", 0, Some(480), Some(("143.5", "2501.0")), Some(654.9), vec![]),
                column("y", "Int64", 0, Some(2), Some(("0", "1")), Some(0.6), vec![]),
            ],
        }
    }

    fn code_names(text: &str) -> Vec<String> {
        text.match_indices(".alias(\"").map(|(at, _)| text[at + 8..].split('"').next().unwrap().to_string()).collect()
    }

    #[test]
    fn each_round_proposes_an_untried_unit_in_an_order_fixed_by_the_seed() {
        let mut round = SearchRound { round: 1, seed: 42, tried: Vec::new(), kept_columns: Vec::new() };
        let mut seen = Vec::new();
        loop {
            let text = answer(&frame(), Some("y"), "", &round);
            if !text.contains("```python") {
                assert!(text.contains("no untried proposal left"), "{text}");
                break;
            }
            let names = code_names(&text);
            assert!(!names.is_empty() && !round.tried.contains(&names), "{text}");
            assert!(!text.contains("pl.col(\"y\")"), "never the target: {text}");
            seen.push(names.clone());
            round.tried.push(names);
            round.round += 1;
        }
        assert!(seen.len() >= 3, "{seen:?}");
        let again: Vec<String> = code_names(&answer(&frame(), Some("y"), "", &SearchRound { round: 1, seed: 42, tried: Vec::new(), kept_columns: Vec::new() }));
        assert_eq!(again, seen[0], "the same seed gives the same first round");
        let orders: Vec<Vec<String>> = (0..8)
            .map(|seed| code_names(&answer(&frame(), Some("y"), "", &SearchRound { round: 1, seed, tried: Vec::new(), kept_columns: Vec::new() })))
            .collect();
        assert!(orders.iter().any(|o| *o != orders[0]), "another seed can start elsewhere: {orders:?}");
    }

    #[test]
    fn a_unit_with_a_kept_column_is_not_proposed_again() {
        let first = code_names(&answer(&frame(), Some("y"), "", &SearchRound { round: 1, seed: 42, tried: Vec::new(), kept_columns: Vec::new() }));
        let round = SearchRound { round: 2, seed: 42, tried: vec![first.clone()], kept_columns: first.clone() };
        for _ in 0..10 {
            let names = code_names(&answer(&frame(), Some("y"), "", &round));
            assert!(!names.iter().any(|n| first.contains(n)), "{names:?} repeats a kept column of {first:?}");
        }
    }
}
