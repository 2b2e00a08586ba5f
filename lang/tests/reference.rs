// docs/feature-language.md is generated from the allowlist table: this test fails when the
// committed file differs; `cargo test --release -p fe-lang --test reference -- --ignored regenerate`
// rewrites it.

use std::path::PathBuf;

fn doc_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/feature-language.md")
}

#[test]
fn committed_reference_matches_the_allowlist() {
    let committed = std::fs::read_to_string(doc_path()).unwrap_or_default();
    let generated = fe_lang::reference_markdown();
    assert!(
        committed == generated,
        "docs/feature-language.md is out of date; run `cargo test --release -p fe-lang --test reference -- --ignored regenerate`"
    );
}

#[test]
fn reference_lists_every_accepted_name() {
    let generated = fe_lang::reference_markdown();
    for entry in fe_lang::allowlist::ENTRIES {
        assert!(generated.contains(&format!("| `{}` |", entry.name)), "{} missing", entry.name);
    }
}

#[test]
#[ignore]
fn regenerate() {
    let path = doc_path();
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).expect("create docs/");
    }
    std::fs::write(path, fe_lang::reference_markdown()).expect("write docs/feature-language.md");
}
