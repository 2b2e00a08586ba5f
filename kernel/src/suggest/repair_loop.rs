// Ask → find the code → try it on a sample in the worker → on refusal or failure, send the
// checker's messages back, at most `max_repairs` times. The kernel never runs the code itself.

use std::fmt::Write;
use std::time::Duration;

use fe_worker::protocol::ApplySummary;
use fe_worker::WorkerError;

use super::code_extraction;
use super::llm_session::Asked;
use crate::llm::{ChatMessage, LlmError, Role, Usage};

/// Asks the provider with the conversation so far.
pub trait Asker {
    fn ask(&mut self, messages: &[ChatMessage], round: usize) -> Result<Asked, LlmError>;
}

/// Tries code in the worker (checked, run, not committed): on a sample for `%%fe suggest`,
/// cross-validated for `%%fe search`.
pub trait Trial {
    type Outcome;
    fn preview(&mut self, code: &str) -> Result<Self::Outcome, WorkerError>;
}

/// One question and answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Round {
    pub usage: Usage,
    pub latency: Duration,
    pub cache_hit: bool,
    pub model: String,
    /// HTTP attempts the answer took (more than one after retries).
    pub attempts: u32,
    /// Why the answer was sent back, if it was.
    pub sent_back: Option<String>,
}

#[derive(Debug)]
pub struct Accepted<T = ApplySummary> {
    pub code: String,
    pub preview: T,
    pub rounds: Vec<Round>,
}

#[derive(Debug)]
pub enum LoopError {
    Llm(LlmError),
    NoCode { answer: String, rounds: Vec<Round> },
    StillRefused { problems: String, code: String, rounds: Vec<Round> },
    /// The worker failed for a reason the code cannot fix (crash, missing frame, interrupt).
    Worker(WorkerError),
}

/// The conversation starts with `messages` (system, user).
pub fn run<T>(
    mut messages: Vec<ChatMessage>,
    max_repairs: u32,
    asker: &mut dyn Asker,
    trial: &mut dyn Trial<Outcome = T>,
) -> Result<Accepted<T>, LoopError> {
    let mut rounds: Vec<Round> = Vec::new();
    for round in 0..=max_repairs as usize {
        let asked = match asker.ask(&messages, round) {
            Ok(asked) => asked,
            Err(error) => return Err(LoopError::Llm(error)),
        };
        rounds.push(Round {
            usage: asked.answer.usage,
            latency: asked.latency,
            cache_hit: asked.cache_hit,
            model: asked.answer.model.clone(),
            attempts: asked.answer.attempts,
            sent_back: None,
        });
        let last_round = round == max_repairs as usize;
        let answer = asked.answer.text;
        let Some(code) = code_extraction::extract(&answer) else {
            if last_round {
                return Err(LoopError::NoCode { answer, rounds });
            }
            record(&mut rounds, "no code block");
            messages.push(ChatMessage::new(Role::Assistant, answer));
            messages.push(ChatMessage::new(
                Role::User,
                "Your answer had no code. Answer with the whole code in one ```python block that assigns the new frame to `df`.",
            ));
            continue;
        };
        match trial.preview(&code) {
            Ok(preview) => return Ok(Accepted { code, preview, rounds }),
            Err(error) => {
                let Some(problems) = problems_of(&error) else { return Err(LoopError::Worker(error)) };
                if last_round {
                    return Err(LoopError::StillRefused { problems, code, rounds });
                }
                record(&mut rounds, &first_line(&problems));
                messages.push(ChatMessage::new(Role::Assistant, answer));
                messages.push(ChatMessage::new(Role::User, repair_request(&error, &problems)));
            }
        }
    }
    unreachable!("the last round returns")
}

fn record(rounds: &mut [Round], why: &str) {
    if let Some(last) = rounds.last_mut() {
        last.sent_back = Some(why.to_string());
    }
}

/// The checker's (or the sample run's) messages, one per line, when the code can fix them.
pub fn problems_of(error: &WorkerError) -> Option<String> {
    let (message, diagnostics) = match error {
        WorkerError::RejectedCode { message, diagnostics, .. } | WorkerError::ExecutionError { message, diagnostics, .. } => {
            (message, diagnostics.as_slice())
        }
        WorkerError::ResourceLimit { message, .. } => (message, &[][..]),
        _ => return None,
    };
    if diagnostics.is_empty() {
        return Some(format!("- {message}"));
    }
    let mut text = String::new();
    for d in diagnostics {
        let _ = write!(text, "- line {}, column {}: {} {}", d.line, d.column, d.code, d.message);
        if let Some(hint) = &d.hint {
            let _ = write!(text, " (hint: {hint})");
        }
        text.push('\n');
    }
    Some(text.trim_end().to_string())
}

fn repair_request(error: &WorkerError, problems: &str) -> String {
    let what = match error {
        WorkerError::RejectedCode { .. } => "The checker refused your code before it ran",
        WorkerError::ResourceLimit { .. } => "Your code ran past a limit of the sandbox",
        _ => "Your code failed when it ran on a sample of the frame",
    };
    format!(
        "{what}:\n{problems}\n\nFix these and answer with the whole corrected code in one ```python block. \
         Use only the accepted names; line numbers count from the first line of your code."
    )
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or("").trim_start_matches("- ").to_string()
}

#[cfg(test)]
mod tests {
    use fe_worker::protocol::CellDiagnostic;

    use super::*;
    use crate::llm::Answer;

    struct Script {
        answers: Vec<&'static str>,
        seen: Vec<Vec<ChatMessage>>,
    }

    impl Asker for Script {
        fn ask(&mut self, messages: &[ChatMessage], round: usize) -> Result<Asked, LlmError> {
            self.seen.push(messages.to_vec());
            let text = self.answers[round].to_string();
            Ok(Asked { answer: Answer { text, usage: Usage { input_tokens: Some(10), output_tokens: Some(5) }, model: "m".into(), attempts: 1 }, cache_hit: false, latency: Duration::from_millis(3) })
        }
    }

    /// Refuses code that calls `map_elements`.
    struct Checker;

    impl Trial for Checker {
        type Outcome = ApplySummary;
        fn preview(&mut self, code: &str) -> Result<ApplySummary, WorkerError> {
            if let Some(at) = code.find("map_elements") {
                return Err(WorkerError::RejectedCode {
                    message: "`map_elements` is not allowed".into(),
                    rendered: None,
                    diagnostics: vec![CellDiagnostic {
                        code: "FE104".into(),
                        message: "`map_elements` runs Python per row and is not allowed".into(),
                        line: 1,
                        column: at as u32 + 1,
                        hint: Some("use an expression such as pl.col(\"x\") * 2".into()),
                    }],
                });
            }
            Ok(ApplySummary {
                name: "tx".into(),
                previous_version: 1,
                version: 1,
                rows_before: 3,
                rows_after: 3,
                new_columns: Vec::new(),
                changed_columns: Vec::new(),
                dropped_columns: Vec::new(),
                columns_read: Vec::new(),
                sampled_rows: None,
                html: String::new(),
                text: String::new(),
            })
        }
    }

    fn start() -> Vec<ChatMessage> {
        vec![ChatMessage::new(Role::System, "rules"), ChatMessage::new(Role::User, "request")]
    }

    #[test]
    fn a_refused_answer_is_sent_back_with_the_checker_s_messages_and_repaired() {
        let mut script = Script {
            answers: vec!["```python\ndf = df.with_columns(y=pl.col('x').map_elements(f))\n```", "```python\ndf = df.with_columns(y=pl.col('x') * 2)\n```"],
            seen: Vec::new(),
        };
        let accepted = run(start(), 2, &mut script, &mut Checker).unwrap();
        assert_eq!(accepted.code, "df = df.with_columns(y=pl.col('x') * 2)\n");
        assert_eq!(accepted.rounds.len(), 2);
        assert!(accepted.rounds[0].sent_back.as_deref().unwrap().contains("FE104"));
        let repair = &script.seen[1];
        assert_eq!(repair.len(), 4);
        assert_eq!(repair[2].role, Role::Assistant);
        assert!(repair[3].content.contains("line 1, column 36: FE104 `map_elements` runs Python per row"), "{}", repair[3].content);
        assert!(repair[3].content.contains("hint: use an expression"));
    }

    #[test]
    fn still_refused_after_the_repairs_is_an_error_with_the_last_messages() {
        let bad = "```python\ndf = df.with_columns(y=pl.col('x').map_elements(f))\n```";
        let mut script = Script { answers: vec![bad, bad, bad], seen: Vec::new() };
        let Err(LoopError::StillRefused { problems, rounds, .. }) = run(start(), 2, &mut script, &mut Checker) else { panic!() };
        assert_eq!(rounds.len(), 3);
        assert!(problems.contains("FE104"));
        let mut no_repairs = Script { answers: vec![bad], seen: Vec::new() };
        assert!(matches!(run(start(), 0, &mut no_repairs, &mut Checker), Err(LoopError::StillRefused { .. })));
    }

    #[test]
    fn an_answer_without_code_is_asked_again_then_given_up() {
        let mut script = Script { answers: vec!["I'd rather not.", "```python\ndf = df\n```"], seen: Vec::new() };
        let accepted = run(start(), 1, &mut script, &mut Checker).unwrap();
        assert_eq!(accepted.rounds[0].sent_back.as_deref(), Some("no code block"));
        let mut never = Script { answers: vec!["No.", "Still no."], seen: Vec::new() };
        let Err(LoopError::NoCode { answer, .. }) = run(start(), 1, &mut never, &mut Checker) else { panic!() };
        assert_eq!(answer, "Still no.");
    }

    #[test]
    fn worker_failures_the_code_cannot_fix_end_the_loop_at_once() {
        struct Crashing;
        impl Trial for Crashing {
            type Outcome = ApplySummary;
            fn preview(&mut self, _: &str) -> Result<ApplySummary, WorkerError> {
                Err(WorkerError::WorkerCrashed { message: "gone".into() })
            }
        }
        let mut script = Script { answers: vec!["```python\ndf = df\n```"], seen: Vec::new() };
        assert!(matches!(run(start(), 2, &mut script, &mut Crashing), Err(LoopError::Worker(_))));
        assert_eq!(script.seen.len(), 1);
    }
}
