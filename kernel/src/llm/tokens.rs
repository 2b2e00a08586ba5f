// Token counts of prompts, with OpenAI's o200k_base tokenizer (tiktoken-rs, embedded in the
// crate: no download). Other providers tokenize differently; for them the count is a guide.

/// The tokenizer's name, for `%fe prompt`.
pub const TOKENIZER: &str = "o200k_base (tiktoken)";

/// Tokens in `text` (special-token text is counted as ordinary text).
pub fn count(text: &str) -> usize {
    tiktoken_rs::o200k_base_singleton().encode_ordinary(text).len()
}

/// Tokens a chat message costs: its text plus the few tokens of the message frame.
pub fn count_message(text: &str) -> usize {
    /// `<|im_start|>role … <|im_end|>` around each message (OpenAI's accounting).
    const PER_MESSAGE: usize = 4;
    count(text) + PER_MESSAGE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_real_tokenizer_counts() {
        assert_eq!(count(""), 0);
        assert_eq!(count("hello world"), 2);
        // A long column list costs more than its word count would suggest.
        let names: String = (0..100).map(|i| format!("feature_{i:04}, ")).collect();
        assert!(count(&names) > 200, "{}", count(&names));
        assert_eq!(count_message("hello world"), 6);
    }
}
