// `%%fe suggest` and `%fe prompt`: build the prompt from the worker's statistics, ask the
// provider (streamed live), repair through the worker's checker, show the review and insert
// the apply cell (or apply at once with mode=direct).

use std::sync::Arc;

use fe_worker::evaluation::EvaluationReport;
use fe_worker::protocol::SchemaSummary;
use fe_worker::WorkerControl;
use serde_json::{json, Value};

use super::arguments::{self, SuggestArguments};
use super::errors;
use super::frame_profile;
use super::language_rules;
use super::live_view::LiveView;
use super::llm_session::{Asked, LlmSession, ResolvedProvider};
use super::llm_settings::{LlmSettings, ProviderChoice, ReviewMode};
use super::provenance::{self, Suggested};
use super::repair_loop::{self, Asker, Trial};
use super::review::{self, ReviewFacts};
use crate::display::{code_spans, escape_html, evaluation_table, text_and_html};
use crate::frame_commands::{cell_error, WorkerSession};
use crate::llm::prompt::{self, Detail, Prompt, PromptInput, SampleText};
use crate::llm::{tokens, ChatMessage, LlmError, LlmRequest, Provider, Role, SuggestSubject};
use crate::magics::{close_matches, MagicCall, MagicHandler, UsageError};
use crate::server::interpreter::{CellError, ExecuteOk, MimeBundle};
use crate::server::publisher::CellIo;

type Outcome = Result<ExecuteOk, CellError>;

/// Where `%fe prompt` shows the request that `%%fe suggest` would send.
const REQUEST_PLACEHOLDER: &str = "(the lines of your %%fe suggest cell go here)";

pub struct SuggestHandler {
    pub worker: Arc<WorkerSession>,
    pub llm: Arc<LlmSession>,
}

pub struct PromptHandler {
    pub worker: Arc<WorkerSession>,
    pub llm: Arc<LlmSession>,
}

/// What both commands start from: the frame's statistics and the prompt built from them.
struct Prepared {
    control: Arc<WorkerControl>,
    arguments: SuggestArguments,
    summary: SchemaSummary,
    prompt: Prompt,
    settings: LlmSettings,
    resolved: ResolvedProvider,
    unchanged: String,
}

fn prepare(worker: &WorkerSession, llm: &LlmSession, call: &MagicCall, arguments: SuggestArguments, request: &str) -> Result<Prepared, CellError> {
    let settings = llm.settings();
    let control = worker.control().map_err(cell_error)?;
    let summary = control.schema(&arguments.name).map_err(cell_error)?;
    let unchanged = format!("frame `{}` is unchanged (still at version {})", summary.name, summary.version);
    if let Some(target) = &arguments.target {
        if !summary.columns.iter().any(|c| &c.name == target) {
            let close = close_matches(target, summary.columns.iter().map(|c| c.name.as_str()));
            let hint = close.first().map(|c| format!(" Did you mean `{c}`?")).unwrap_or_default();
            let message = format!("`{}` has no column `{target}` to use as --target.{hint}", summary.name);
            return Err(UsageError::BadArguments { message, synopsis: synopsis(call) }.into());
        }
    }
    let samples = if settings.samples > 0 {
        let sample = control.sample(&arguments.name, settings.samples).map_err(cell_error)?;
        Some(SampleText { rows: sample.rows, csv: sample.csv })
    } else {
        None
    };
    let profile = frame_profile::from_schema(&summary);
    let system = language_rules::system_message();
    let prompt = prompt::build(&PromptInput {
        system: &system,
        profile: &profile,
        target: arguments.target.as_deref(),
        request,
        samples: samples.as_ref(),
        budget: settings.prompt_tokens,
    });
    let resolved = llm.resolve(&settings, arguments.provider, arguments.model.as_deref());
    Ok(Prepared { control, arguments, summary, prompt, settings, resolved, unchanged })
}

fn synopsis(call: &MagicCall) -> String {
    crate::magics::COMMANDS.iter().find(|d| d.name == call.name).map(|d| d.synopsis_line()).unwrap_or_default()
}

fn describe_provider(resolved: &ResolvedProvider) -> String {
    let mut text = format!("{} · {}", resolved.kind.as_str(), resolved.model);
    if !resolved.reason.is_empty() {
        text.push_str(&format!(" ({})", resolved.reason));
    }
    text
}

impl MagicHandler for SuggestHandler {
    fn run(&self, call: &MagicCall, io: &CellIo) -> Outcome {
        let arguments = arguments::suggest(call)?;
        let request = call.body.trim().to_string();
        let prepared = prepare(&self.worker, &self.llm, call, arguments, &request)?;
        let provider = self.llm.provider(&prepared.resolved, &prepared.settings).map_err(|e| errors::from_llm(&e, &prepared.unchanged))?;
        let mut live = LiveView::open(io, format!("Asking {}", describe_provider(&prepared.resolved)));
        let subject = SuggestSubject {
            profile: frame_profile::from_schema(&prepared.summary),
            request: request.clone(),
            target: prepared.arguments.target.clone(),
            search: None,
        };
        let messages = vec![
            ChatMessage::new(Role::System, prepared.prompt.system.clone()),
            ChatMessage::new(Role::User, prepared.prompt.user.clone()),
        ];
        let outcome = {
            let mut asker = SessionAsker {
                llm: &self.llm,
                provider: provider.as_ref(),
                resolved: &prepared.resolved,
                settings: &prepared.settings,
                subject,
                live: &mut live,
            };
            let mut trial = WorkerTrial { control: prepared.control.as_ref(), name: &prepared.summary.name, rows: prepared.settings.preview_rows };
            repair_loop::run(messages, prepared.settings.max_repairs, &mut asker, &mut trial)
        };
        let who = format!("{} ({})", prepared.resolved.kind.as_str(), prepared.resolved.model);
        let accepted = match outcome {
            Ok(accepted) => accepted,
            Err(error) => {
                live.finish(failed_view(&who, live.text()));
                return Err(errors::from_loop(error, &who, &prepared.unchanged));
            }
        };
        let model = accepted.rounds.last().map(|r| r.model.clone()).unwrap_or_else(|| prepared.resolved.model.clone());
        let suggested = Suggested {
            provider: provider.name().to_string(),
            model,
            prompt_hash: prepared.prompt.hash(),
            code_hash: provenance::code_hash(&accepted.code),
            // Whole seconds: the marker line carries seconds, so both records agree.
            suggested_unix_ms: (chrono::Utc::now().timestamp().max(0) as u64) * 1000,
        };
        // Before a direct apply: the sample is the frame as the suggestion was tried on it.
        let evaluation = prepared.arguments.target.as_deref().map(|target| {
            (target, prepared.control.evaluate_preview(&prepared.summary.name, &accepted.code, prepared.settings.preview_rows, target))
        });
        let applied = match prepared.settings.mode {
            ReviewMode::Direct => Some(
                prepared
                    .control
                    .apply(&prepared.summary.name, &accepted.code, 1, Some(suggested.provenance(false)))
                    .map_err(|e| errors::from_worker(e, &prepared.unchanged))?,
            ),
            ReviewMode::Review => None,
        };
        live.finish(review::render(&ReviewFacts {
            frame: &prepared.summary.name,
            code: &accepted.code,
            preview: &accepted.preview,
            target: prepared.arguments.target.as_deref(),
            provider: provider.name(),
            rounds: &accepted.rounds,
            prompt: &prepared.prompt,
            applied: applied.as_ref(),
        }));
        if let Some((target, evaluation)) = evaluation {
            io.display(sample_evaluation_view(&prepared.summary.name, target, evaluation), None);
        }
        let payload = match applied {
            Some(_) => Vec::new(),
            None => vec![next_cell_payload(&prepared.summary.name, &suggested, &accepted.code)],
        };
        Ok(ExecuteOk { payload })
    }
}

/// The suggested features against the target on the sample they were tried on, or why not.
fn sample_evaluation_view(frame: &str, target: &str, evaluation: Result<EvaluationReport, fe_worker::WorkerError>) -> MimeBundle {
    match evaluation {
        Ok(report) => {
            let heading = format!(
                "The suggested features against `{target}` on the sample they were tried on (the first {} rows of `{frame}`; nothing committed):",
                report.rows
            );
            let table = evaluation_table::evaluation_table(&report);
            let text = format!("{heading}\n{}", table.get("text/plain").and_then(Value::as_str).unwrap_or_default());
            let html = format!("<p>{}</p>{}", code_spans(&heading), table.get("text/html").and_then(Value::as_str).unwrap_or_default());
            text_and_html(text, html)
        }
        Err(error) => {
            let note = format!("The suggested features were not evaluated against `{target}` on the sample: {error}");
            text_and_html(note.clone(), format!("<p>{}</p>", code_spans(&note)))
        }
    }
}

/// The `set_next_input` payload: JupyterLab and Notebook read `text`; VS Code also needs `replace`.
pub fn next_cell_payload(frame: &str, suggested: &Suggested, code: &str) -> Value {
    json!({
        "source": "set_next_input",
        "text": format!("%%fe apply {frame}\n{}\n{code}", suggested.marker_line()),
        "replace": false,
    })
}

fn failed_view(who: &str, answer: &str) -> MimeBundle {
    let heading = format!("The suggestion of {who} could not be used (the error is below).");
    let mut md = format!("**{heading}**\n\n");
    let mut plain = format!("{heading}\n");
    if !answer.trim().is_empty() {
        md.push_str("Its last answer:\n\n");
        md.push_str(answer);
        plain.push_str("Its last answer:\n");
        plain.push_str(answer);
    }
    let mut bundle = MimeBundle::new();
    bundle.insert("text/markdown".into(), Value::String(md));
    bundle.insert("text/plain".into(), Value::String(plain));
    bundle
}

struct SessionAsker<'a, 'io> {
    llm: &'a LlmSession,
    provider: &'a dyn Provider,
    resolved: &'a ResolvedProvider,
    settings: &'a LlmSettings,
    subject: SuggestSubject,
    live: &'a mut LiveView<'io>,
}

impl Asker for SessionAsker<'_, '_> {
    fn ask(&mut self, messages: &[ChatMessage], round: usize) -> Result<Asked, LlmError> {
        if round > 0 {
            self.live.start_round(format!(
                "Asking {} again with the checker's messages (repair {round} of at most {})",
                describe_provider(self.resolved),
                self.settings.max_repairs
            ));
        }
        let request = LlmRequest {
            model: self.resolved.model.clone(),
            messages: messages.to_vec(),
            temperature: self.settings.temperature,
            max_tokens: self.settings.max_tokens,
            subject: Some(self.subject.clone()),
        };
        self.llm.ask(self.provider, &request, self.live)
    }
}

struct WorkerTrial<'a> {
    control: &'a WorkerControl,
    name: &'a str,
    rows: usize,
}

impl Trial for WorkerTrial<'_> {
    type Outcome = fe_worker::protocol::ApplySummary;
    fn preview(&mut self, code: &str) -> Result<fe_worker::protocol::ApplySummary, fe_worker::WorkerError> {
        self.control.preview_apply(self.name, code, 1, self.rows)
    }
}

impl MagicHandler for PromptHandler {
    fn run(&self, call: &MagicCall, io: &CellIo) -> Outcome {
        let arguments = arguments::prompt(call)?;
        let prepared = prepare(&self.worker, &self.llm, call, arguments, REQUEST_PLACEHOLDER)?;
        io.display(prompt_view(&prepared), None);
        Ok(ExecuteOk::default())
    }
}

fn prompt_view(prepared: &Prepared) -> MimeBundle {
    let prompt = &prepared.prompt;
    let placeholder_tokens = tokens::count(REQUEST_PLACEHOLDER);
    let mut header = format!(
        "Prompt for `{}` to {}: {} tokens (system {} + user {}), counted with {}; budget {} (prompt_tokens).",
        prepared.summary.name,
        describe_provider(&prepared.resolved),
        prompt.tokens(),
        prompt.system_tokens,
        prompt.user_tokens,
        tokens::TOKENIZER,
        prompt.budget
    );
    header.push_str(&format!("\nDetail: {}.", match prompt.detail {
        Detail::Full => "every statistic of every column".to_string(),
        Detail::Brief => "dtype, nulls and distinct values per column; full statistics for key columns".to_string(),
        Detail::Grouped => "column names by dtype; full statistics for key columns".to_string(),
        Detail::Truncated(names) => format!("at most {names} names per dtype; full statistics for key columns"),
    }));
    header.push_str(&format!(
        "\nThe request is a placeholder ({placeholder_tokens} tokens): `%%fe suggest` puts the lines of its cell there."
    ));
    if !prompt.left_out.is_empty() {
        header.push_str(&format!("\nLeft out to fit the budget: {}.", prompt.left_out.join("; ")));
    }
    if prepared.resolved.kind == ProviderChoice::Builtin {
        header.push_str("\nThe builtin provider reads the same statistics directly and sends nothing over the network; this is what an LLM provider would be sent.");
    }
    let text = format!("{header}\n\n--- system ---\n{}\n--- user ---\n{}", prompt.system, prompt.user);
    let html = format!(
        "<p>{}</p><details><summary>system message ({} tokens)</summary><pre>{}</pre></details><p><b>user message</b> ({} tokens)</p><pre>{}</pre>",
        escape_html(&header).replace('\n', "<br>"),
        prompt.system_tokens,
        escape_html(&prompt.system),
        prompt.user_tokens,
        escape_html(&prompt.user)
    );
    text_and_html(text, html)
}
