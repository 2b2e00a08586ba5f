// Finding the code in an answer: a fenced ```python block (the one that assigns `df` when
// there are several), an unclosed fence, or an answer that is bare code.

/// The code of `answer`, or `None` when it holds none.
pub fn extract(answer: &str) -> Option<String> {
    let blocks = fenced_blocks(answer);
    let python: Vec<&Block> = blocks.iter().filter(|b| b.is_python()).collect();
    let candidates: Vec<&Block> = if python.is_empty() { blocks.iter().filter(|b| b.language.is_empty()).collect() } else { python };
    let chosen = candidates
        .iter()
        .rev()
        .find(|b| assigns_df(&b.code))
        .or_else(|| candidates.iter().max_by_key(|b| b.code.len()))
        .map(|b| b.code.clone());
    if let Some(code) = chosen.filter(|c| !c.trim().is_empty()) {
        return Some(tidy(&code));
    }
    if blocks.is_empty() && looks_like_code(answer) {
        return Some(tidy(answer));
    }
    None
}

struct Block {
    language: String,
    code: String,
}

impl Block {
    fn is_python(&self) -> bool {
        matches!(self.language.as_str(), "python" | "py" | "python3")
    }
}

/// Every ``` or ~~~ block; an unclosed last block runs to the end of the answer.
fn fenced_blocks(answer: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, String, Block)> = None;
    for line in answer.lines() {
        let trimmed = line.trim_start();
        match &mut open {
            None => {
                if let Some(fence) = fence_of(trimmed) {
                    let language = trimmed[fence.len()..].trim().split_whitespace().next().unwrap_or("").to_ascii_lowercase();
                    let indent = line[..line.len() - trimmed.len()].to_string();
                    open = Some((fence, indent, Block { language, code: String::new() }));
                }
            }
            Some((fence, indent, block)) => {
                if trimmed.starts_with(fence.as_str()) && trimmed[fence.len()..].trim().is_empty() {
                    let (_, _, block) = open.take().expect("open");
                    blocks.push(block);
                } else {
                    block.code.push_str(line.strip_prefix(indent.as_str()).unwrap_or(line));
                    block.code.push('\n');
                }
            }
        }
    }
    if let Some((_, _, block)) = open {
        blocks.push(block);
    }
    blocks
}

/// The fence a line opens (three or more backticks or tildes).
fn fence_of(line: &str) -> Option<String> {
    let marker = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let count = line.chars().take_while(|c| *c == marker).count();
    (count >= 3).then(|| marker.to_string().repeat(count))
}

fn assigns_df(code: &str) -> bool {
    code.lines().any(|line| {
        let line = line.trim_start();
        line.starts_with("df =") || line.starts_with("df=") || line.starts_with("df, ")
    })
}

/// An answer without fences that is nothing but code.
fn looks_like_code(answer: &str) -> bool {
    assigns_df(answer)
        && answer.lines().filter(|l| !l.trim().is_empty()).all(|line| {
            let t = line.trim_start();
            let keyword = ["import ", "from ", "def ", "for ", "if ", "elif ", "else:", "return ", "#"].iter().any(|k| t.starts_with(k));
            let prose = t.split_whitespace().count() > 3 && !t.contains(['(', '=', '[', '#', ')', '"', '\'']);
            keyword || !prose
        })
}

/// Trailing spaces off, blank lines off both ends, one final newline.
fn tidy(code: &str) -> String {
    let lines: Vec<&str> = code.lines().map(str::trim_end).collect();
    let start = lines.iter().position(|l| !l.is_empty()).unwrap_or(lines.len());
    let end = lines.iter().rposition(|l| !l.is_empty()).map_or(start, |i| i + 1);
    let mut out = lines[start..end].join("\n");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_python_block_is_taken_from_prose() {
        let answer = "Here you go:\n\n```python\nimport polars as pl\n\ndf = df.with_columns(x=pl.lit(1))   \n```\n\nThis adds x.";
        assert_eq!(extract(answer).unwrap(), "import polars as pl\n\ndf = df.with_columns(x=pl.lit(1))\n");
    }

    #[test]
    fn of_several_blocks_the_last_that_assigns_df_wins() {
        let answer = "First the idea:\n```python\npl.col('a') / pl.col('b')\n```\nThe full code:\n```py\ndf = df.with_columns(r=pl.col('a') / pl.col('b'))\n```\nOr with sql:\n```sql\nselect 1\n```";
        assert_eq!(extract(answer).unwrap(), "df = df.with_columns(r=pl.col('a') / pl.col('b'))\n");
    }

    #[test]
    fn unclosed_untagged_tilde_and_indented_fences_are_read() {
        assert_eq!(extract("```python\ndf = df.head(3)\n").unwrap(), "df = df.head(3)\n");
        assert_eq!(extract("```\ndf = df.head(3)\n```").unwrap(), "df = df.head(3)\n");
        assert_eq!(extract("~~~python\ndf = df.head(3)\n~~~").unwrap(), "df = df.head(3)\n");
        assert_eq!(extract("1. Code:\n   ```python\n   df = df.head(3)\n   ```").unwrap(), "df = df.head(3)\n");
        assert_eq!(extract("````python\ndf = df\n```inner\n````").unwrap(), "df = df\n```inner\n");
    }

    #[test]
    fn bare_code_is_code_and_prose_is_not() {
        assert_eq!(extract("import polars as pl\ndf = df.with_columns(y=pl.col('x') * 2)").unwrap(), "import polars as pl\ndf = df.with_columns(y=pl.col('x') * 2)\n");
        assert_eq!(extract("I cannot help with that request, sorry about it."), None);
        assert_eq!(extract("You could set df = something but I will not write it for you today."), None);
        assert_eq!(extract("```python\n\n```"), None);
    }
}
