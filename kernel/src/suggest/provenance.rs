// How an apply cell says it came from a suggestion: its first line is a Python comment naming
// provider, model, prompt hash, code hash and time. It survives kernel restarts and exports
// (a comment to Python); the kernel strips it, records the provenance, and notes edits.

use sha2::{Digest, Sha256};

use fe_worker::protocol::LlmProvenance;

/// Starts the first line of an inserted apply cell.
pub const MARKER: &str = "# fekernel suggestion:";

/// What the marker line says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggested {
    pub provider: String,
    pub model: String,
    pub prompt_hash: String,
    /// Hash of the code as suggested (to tell whether the user edited it).
    pub code_hash: String,
    pub suggested_unix_ms: u64,
}

impl Suggested {
    /// The comment line that opens the inserted cell.
    pub fn marker_line(&self) -> String {
        let at = chrono::DateTime::from_timestamp_millis(self.suggested_unix_ms as i64)
            .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default();
        format!(
            "{MARKER} provider={} model={} prompt={} code={} at={at}",
            field(&self.provider),
            field(&self.model),
            self.prompt_hash,
            self.code_hash
        )
    }

    pub fn provenance(&self, edited: bool) -> LlmProvenance {
        LlmProvenance {
            provider: self.provider.clone(),
            model: self.model.clone(),
            prompt_hash: self.prompt_hash.clone(),
            suggested_unix_ms: self.suggested_unix_ms,
            edited,
        }
    }
}

/// An apply body split into its marker (if the first line is one) and its code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplyBody {
    pub code: String,
    /// Lines removed before the code (the marker): diagnostics count from the next one.
    pub lines_removed: u32,
    pub provenance: Option<LlmProvenance>,
}

/// Reads the marker off an apply body. A line that only looks like one stays in the code.
pub fn read_apply_body(body: &str) -> ApplyBody {
    let (first, rest) = body.split_once('\n').unwrap_or((body, ""));
    match parse_marker(first) {
        Some(suggested) => {
            let edited = code_hash(rest) != suggested.code_hash;
            ApplyBody { code: rest.to_string(), lines_removed: 1, provenance: Some(suggested.provenance(edited)) }
        }
        None => ApplyBody { code: body.to_string(), lines_removed: 0, provenance: None },
    }
}

fn parse_marker(line: &str) -> Option<Suggested> {
    let fields = line.trim().strip_prefix(MARKER)?;
    let mut found = std::collections::HashMap::new();
    for word in fields.split_whitespace() {
        let (key, value) = word.split_once('=')?;
        found.insert(key, value);
    }
    let at = chrono::DateTime::parse_from_rfc3339(found.get("at")?).ok()?;
    Some(Suggested {
        provider: unfield(found.get("provider")?),
        model: unfield(found.get("model")?),
        prompt_hash: found.get("prompt")?.to_string(),
        code_hash: found.get("code")?.to_string(),
        suggested_unix_ms: at.timestamp_millis().max(0) as u64,
    })
}

/// A short hash of code, blind to trailing spaces and blank lines at either end.
pub fn code_hash(code: &str) -> String {
    let lines: Vec<&str> = code.lines().map(str::trim_end).collect();
    let start = lines.iter().position(|l| !l.is_empty()).unwrap_or(lines.len());
    let end = lines.iter().rposition(|l| !l.is_empty()).map_or(start, |i| i + 1);
    hex::encode(Sha256::digest(lines[start..end].join("\n").as_bytes()))[..12].to_string()
}

/// Marker values hold no spaces or `=`: percent-encode those (and `%` itself).
fn field(value: &str) -> String {
    value.replace('%', "%25").replace(' ', "%20").replace('=', "%3D")
}

fn unfield(value: &str) -> String {
    value.replace("%3D", "=").replace("%20", " ").replace("%25", "%")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggested(code: &str) -> Suggested {
        Suggested {
            provider: "openai".into(),
            model: "qwen 2.5=coder".into(),
            prompt_hash: "0123456789ab".into(),
            code_hash: code_hash(code),
            suggested_unix_ms: 1_793_700_000_000,
        }
    }

    #[test]
    fn an_unedited_suggestion_is_recognised_and_its_marker_removed() {
        let code = "df = df.with_columns(x=pl.lit(1))\n";
        let marker = suggested(code).marker_line();
        assert!(marker.starts_with("# fekernel suggestion: provider=openai model=qwen%202.5%3Dcoder prompt=0123456789ab"), "{marker}");
        let body = read_apply_body(&format!("{marker}\n{code}  \n\n"));
        assert_eq!(body.code, format!("{code}  \n\n"));
        assert_eq!(body.lines_removed, 1);
        let provenance = body.provenance.unwrap();
        assert_eq!(provenance.model, "qwen 2.5=coder");
        assert_eq!(provenance.suggested_unix_ms, 1_793_700_000_000);
        assert!(!provenance.edited, "trailing blanks are no edit");
    }

    #[test]
    fn an_edited_suggestion_says_so() {
        let code = "df = df.with_columns(x=pl.lit(1))\n";
        let marker = suggested(code).marker_line();
        let body = read_apply_body(&format!("{marker}\ndf = df.with_columns(x=pl.lit(2))\n"));
        assert!(body.provenance.unwrap().edited);
    }

    #[test]
    fn cells_without_a_valid_marker_are_left_alone() {
        for body in ["df = df\n", "# fekernel suggestion: provider=openai\ndf = df\n", "# a comment\ndf = df\n"] {
            let read = read_apply_body(body);
            assert_eq!((read.code.as_str(), read.lines_removed, read.provenance), (body, 0, None));
        }
    }
}
