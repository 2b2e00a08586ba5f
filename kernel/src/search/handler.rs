// `%%fe search`: drives the rounds. Each round builds its prompt, asks the provider (repairs as
// `%%fe suggest` does them), has the worker cross-validate the code against the kept features,
// and decides; the table updates as it goes. At the end: the summary, the search in the frame's
// history, and the kept features as one `%%fe apply` cell inserted for review.

use std::sync::Arc;
use std::time::Instant;

use fe_worker::evaluation::candidate_folds::{CandidateScores, CandidateSpec};
use fe_worker::protocol::FailureClass;
use fe_worker::{WorkerControl, WorkerError};
use serde_json::json;

use super::arguments::{self, SearchArguments};
use super::decision::{self, Decision, Verdict};
use super::live_table::LiveTable;
use super::round_prompt;
use super::rounds::RoundOutcome;
use super::summary::{self, RecordFacts, SummaryFacts};
use super::SearchInterrupt;
use crate::frame_commands::{cell_error, WorkerSession};
use crate::llm::prompt::{self, PromptInput, SampleText};
use crate::llm::{ChatMessage, LlmError, LlmRequest, Provider, Role, SearchRound, SuggestSubject};
use crate::magics::{close_matches, MagicCall, MagicHandler, UsageError};
use crate::server::interpreter::{CellError, ExecuteOk};
use crate::server::publisher::CellIo;
use crate::suggest::llm_settings::{LlmSettings, ProviderChoice};
use crate::suggest::provenance::{self, Suggested};
use crate::suggest::repair_loop::{self, Asker, LoopError, Trial};
use crate::suggest::{errors, frame_profile, Asked, LlmSession, ResolvedProvider};

pub struct SearchHandler {
    pub worker: Arc<WorkerSession>,
    pub llm: Arc<LlmSession>,
    pub interrupt: Arc<SearchInterrupt>,
}

impl MagicHandler for SearchHandler {
    fn run(&self, call: &MagicCall, io: &CellIo) -> Result<ExecuteOk, CellError> {
        let arguments = arguments::parse(call)?;
        let description = call.body.trim().to_string();
        let settings = self.llm.settings();
        let control = self.worker.control().map_err(cell_error)?;
        let schema = control.schema(&arguments.name).map_err(cell_error)?;
        let unchanged = format!("frame `{}` is unchanged (still at version {})", schema.name, schema.version);
        if !schema.columns.iter().any(|c| c.name == arguments.target) {
            let close = close_matches(&arguments.target, schema.columns.iter().map(|c| c.name.as_str()));
            let hint = close.first().map(|c| format!(" Did you mean `{c}`?")).unwrap_or_default();
            let message = format!("`{}` has no column `{}` to use as --target.{hint}", schema.name, arguments.target);
            let synopsis = crate::magics::COMMANDS.iter().find(|d| d.name == "search").map(|d| d.synopsis_line()).unwrap_or_default();
            return Err(UsageError::BadArguments { message, synopsis }.into());
        }
        let resolved = self.llm.resolve(&settings, arguments.provider, arguments.model.as_deref());
        let provider = self.llm.provider(&resolved, &settings).map_err(|e| errors::from_llm(&e, &unchanged))?;
        let samples = if settings.samples > 0 {
            let sample = control.sample(&arguments.name, settings.samples).map_err(cell_error)?;
            Some(SampleText { rows: sample.rows, csv: sample.csv })
        } else {
            None
        };
        let who = describe(&resolved);
        let _searching = self.interrupt.begin();
        let started = Instant::now();
        let started_unix_ms = chrono::Utc::now().timestamp_millis().max(0) as u64;
        let mut table = LiveTable::open(io, format!("Searching features for `{}` → `{}` with {who}", schema.name, arguments.target));
        let search = Search {
            control: control.as_ref(),
            llm: &self.llm,
            provider: provider.as_ref(),
            resolved: &resolved,
            settings: &settings,
            arguments: &arguments,
            profile: frame_profile::from_schema(&schema),
            description: &description,
            samples: samples.as_ref(),
            system: round_prompt::system_message(),
        };
        let mut rounds: Vec<RoundOutcome> = Vec::new();
        let ended = loop {
            if rounds.len() >= arguments.rounds {
                break format!("{} round{}", arguments.rounds, if arguments.rounds == 1 { "" } else { "s" });
            }
            if let Some(budget) = arguments.budget.filter(|b| started.elapsed() >= *b) {
                break format!("budget of {} s used ({:.1} s)", budget.as_secs(), started.elapsed().as_secs_f64());
            }
            if self.interrupt.is_raised() {
                break "interrupted (the rounds before were kept as decided)".into();
            }
            let (outcome, stop) = search.round(rounds.len() + 1, &rounds, &mut table);
            // A problem of the options the first round finds (a metric that does not fit the
            // target) is the cell's error: nothing was decided yet.
            let stop = match stop {
                Some(Stop::Usage(error)) if rounds.is_empty() => {
                    table.close(format!("The search of `{}` did not start.", schema.name));
                    return Err(errors::from_worker(error, &unchanged));
                }
                other => other,
            };
            table.finish_round(outcome.clone());
            rounds.push(outcome);
            match stop {
                Some(Stop::Interrupted) => break "interrupted (the rounds before were kept as decided)".into(),
                Some(Stop::Exhausted) => break format!("{} has nothing more to propose", resolved.kind.as_str()),
                Some(Stop::Failed(why)) => break format!("stopped: {why}"),
                Some(Stop::Usage(error)) => break format!("stopped: {error}"),
                None => {}
            }
        };
        let seconds = started.elapsed().as_secs_f64();
        let kept = rounds.iter().filter(|r| r.kept()).count();
        table.close(format!(
            "Search of `{}` → `{}` with {who}: {} round{}, {kept} kept ({ended})",
            schema.name,
            arguments.target,
            rounds.len(),
            if rounds.len() == 1 { "" } else { "s" }
        ));
        let facts = SummaryFacts {
            frame: &schema.name,
            version: schema.version,
            target: &arguments.target,
            who: &who,
            seed: arguments.seed,
            rounds: &rounds,
            ended: &ended,
            seconds,
        };
        io.display(summary::view(&facts), None);
        let metric = rounds
            .iter()
            .find_map(|r| r.scores.as_ref())
            .map(|s| s.metric.as_str().to_string())
            .or_else(|| arguments.metric.map(|m| m.as_str().to_string()))
            .unwrap_or_else(|| "default".into());
        let model = resolved.model.clone();
        let record = summary::record(&RecordFacts {
            summary: facts,
            provider: provider.name(),
            model: &model,
            description: &description,
            started_unix_ms,
            finished_unix_ms: chrono::Utc::now().timestamp_millis().max(0) as u64,
            metric,
            folds: arguments.folds,
        });
        if let Err(error) = control.record_search(&schema.name, record.clone()) {
            io.stderr(&format!("fekernel: the search could not be kept in the history of `{}`: {error}\n", schema.name));
        }
        let payload = match &record.kept_code {
            Some(code) => {
                let prompts: Vec<&str> = rounds.iter().filter(|r| r.kept()).map(|r| r.prompt_hash.as_str()).collect();
                let suggested = Suggested {
                    provider: provider.name().to_string(),
                    model,
                    prompt_hash: provenance::code_hash(&prompts.join("\n")),
                    code_hash: provenance::code_hash(code),
                    suggested_unix_ms: (chrono::Utc::now().timestamp().max(0) as u64) * 1000,
                };
                vec![json!({
                    "source": "set_next_input",
                    "text": format!("%%fe apply {}\n{}\n{code}", schema.name, suggested.marker_line()),
                    "replace": false,
                })]
            }
            None => Vec::new(),
        };
        Ok(ExecuteOk { payload })
    }
}

/// Why the search stops after a round.
enum Stop {
    Interrupted,
    /// The provider has nothing more to propose (the builtin one, after its last unit).
    Exhausted,
    /// A problem the options caused (reported as the cell's error in the first round).
    Usage(WorkerError),
    /// The provider or the worker failed in a way the next round would not fix.
    Failed(String),
}

struct Search<'a> {
    control: &'a WorkerControl,
    llm: &'a LlmSession,
    provider: &'a dyn Provider,
    resolved: &'a ResolvedProvider,
    settings: &'a LlmSettings,
    arguments: &'a SearchArguments,
    profile: crate::llm::profile::FrameProfile,
    description: &'a str,
    samples: Option<&'a SampleText>,
    system: String,
}

impl Search<'_> {
    fn round(&self, round: usize, earlier: &[RoundOutcome], table: &mut LiveTable<'_>) -> (RoundOutcome, Option<Stop>) {
        let started = Instant::now();
        let metric = earlier
            .iter()
            .find_map(|r| r.scores.as_ref())
            .map(|s| s.metric.label().to_string())
            .or_else(|| self.arguments.metric.map(|m| m.label().to_string()))
            .unwrap_or_else(|| "ROC AUC (a class target) or R² (a numeric one)".into());
        let request = round_prompt::request(self.description, &self.arguments.target, &metric, self.arguments.folds, earlier);
        let prompt = prompt::build(&PromptInput {
            system: &self.system,
            profile: &self.profile,
            target: Some(&self.arguments.target),
            request: &request,
            samples: self.samples,
            budget: self.settings.prompt_tokens,
        });
        let kept: Vec<&RoundOutcome> = earlier.iter().filter(|r| r.kept()).collect();
        let subject = SuggestSubject {
            profile: self.profile.clone(),
            request: self.description.to_string(),
            target: Some(self.arguments.target.clone()),
            search: Some(SearchRound {
                round,
                seed: self.arguments.seed,
                tried: earlier.iter().filter(|r| r.code.is_some()).map(|r| r.proposed_columns()).collect(),
                kept_columns: kept.iter().flat_map(|r| r.new_columns().to_vec()).collect(),
            }),
        };
        let messages = vec![ChatMessage::new(Role::System, prompt.system.clone()), ChatMessage::new(Role::User, prompt.user.clone())];
        let who = describe(self.resolved);
        table.step(format!("round {round}: asking {who}"));
        let mut asker = RoundAsker { search: self, subject, table, who, round };
        let mut trial = FoldTrial {
            control: self.control,
            name: &self.profile.name,
            spec: CandidateSpec {
                target: self.arguments.target.clone(),
                kept: kept.iter().filter_map(|r| r.code.clone()).collect(),
                candidate: String::new(),
                metric: self.arguments.metric,
                folds: self.arguments.folds,
                sample_rows: self.arguments.sample,
                seed: self.arguments.seed,
            },
            last_class: None,
            last_code: None,
        };
        let result = repair_loop::run(messages, self.settings.max_repairs, &mut asker, &mut trial);
        let mut outcome = RoundOutcome {
            round,
            prompt_hash: prompt.hash(),
            code: trial.last_code.clone(),
            verdict: Verdict { decision: Decision::Stopped, reason: String::new() },
            scores: None,
            tokens: None,
            seconds: 0.0,
            repairs: 0,
        };
        let stop = match result {
            Ok(accepted) => {
                outcome.tokens = tokens(&accepted.rounds);
                outcome.repairs = accepted.rounds.len().saturating_sub(1);
                outcome.code = Some(accepted.code);
                outcome.verdict = decision::judge(&accepted.preview);
                outcome.scores = Some(accepted.preview);
                None
            }
            Err(LoopError::StillRefused { problems, code, rounds }) => {
                outcome.tokens = tokens(&rounds);
                outcome.repairs = rounds.len().saturating_sub(1);
                outcome.code = Some(code);
                let first = problems.lines().next().unwrap_or("").trim_start_matches("- ").to_string();
                let (decision, what) = match trial.last_class {
                    Some(FailureClass::RejectedCode) => (Decision::Refused, "refused by the checker"),
                    _ => (Decision::Error, "failed when it ran"),
                };
                let repairs = outcome.repairs;
                outcome.verdict = Verdict { decision, reason: format!("{what} after {repairs} repair{}: {first}", if repairs == 1 { "" } else { "s" }) };
                None
            }
            Err(LoopError::NoCode { answer, rounds }) => {
                outcome.tokens = tokens(&rounds);
                outcome.code = None;
                outcome.verdict = Verdict { decision: Decision::NoCode, reason: format!("no code in the answer: {}", crate::llm::excerpt(&answer)) };
                (self.resolved.kind == ProviderChoice::Builtin).then_some(Stop::Exhausted)
            }
            Err(LoopError::Llm(error)) => {
                let interrupted = matches!(error, LlmError::Interrupted { .. });
                outcome.verdict = Verdict { decision: Decision::Stopped, reason: error.to_string() };
                Some(if interrupted { Stop::Interrupted } else { Stop::Failed(error.to_string()) })
            }
            Err(LoopError::Worker(error)) => {
                outcome.verdict = Verdict { decision: Decision::Stopped, reason: error.to_string() };
                Some(match error {
                    WorkerError::Interrupted { .. } => Stop::Interrupted,
                    WorkerError::UsageError { .. } => Stop::Usage(error),
                    other => Stop::Failed(other.to_string()),
                })
            }
        };
        outcome.seconds = started.elapsed().as_secs_f64();
        (outcome, stop)
    }
}

impl RoundOutcome {
    /// The columns a round proposed: evaluated ones, or the names its code aliases.
    fn proposed_columns(&self) -> Vec<String> {
        if !self.new_columns().is_empty() {
            return self.new_columns().to_vec();
        }
        let code = self.code.as_deref().unwrap_or("");
        code.match_indices(".alias(\"").filter_map(|(at, _)| code[at + 8..].split('"').next().map(str::to_string)).collect()
    }
}

fn tokens(rounds: &[repair_loop::Round]) -> Option<u64> {
    let counts: Vec<u64> = rounds.iter().flat_map(|r| [r.usage.input_tokens, r.usage.output_tokens]).flatten().collect();
    (!counts.is_empty()).then(|| counts.iter().sum())
}

fn describe(resolved: &ResolvedProvider) -> String {
    format!("{} · {}", resolved.kind.as_str(), resolved.model)
}

struct RoundAsker<'a, 'b, 'io> {
    search: &'a Search<'a>,
    subject: SuggestSubject,
    table: &'b mut LiveTable<'io>,
    who: String,
    round: usize,
}

impl Asker for RoundAsker<'_, '_, '_> {
    fn ask(&mut self, messages: &[ChatMessage], repair: usize) -> Result<Asked, LlmError> {
        if repair > 0 {
            self.table.step(format!(
                "round {}: asking {} again with the checker's messages (repair {repair} of at most {})",
                self.round, self.who, self.search.settings.max_repairs
            ));
        }
        let request = LlmRequest {
            model: self.search.resolved.model.clone(),
            messages: messages.to_vec(),
            temperature: self.search.settings.temperature,
            max_tokens: self.search.settings.max_tokens,
            subject: Some(self.subject.clone()),
        };
        let asked = self.search.llm.ask(self.search.provider, &request, &mut *self.table)?;
        self.table.step(format!("round {}: checking the code and cross-validating it on {} folds", self.round, self.search.arguments.folds));
        Ok(asked)
    }
}

/// The search's trial of a round's code: the worker cross-validates it after the kept steps.
struct FoldTrial<'a> {
    control: &'a WorkerControl,
    name: &'a str,
    spec: CandidateSpec,
    last_class: Option<FailureClass>,
    last_code: Option<String>,
}

impl Trial for FoldTrial<'_> {
    type Outcome = CandidateScores;

    fn preview(&mut self, code: &str) -> Result<CandidateScores, WorkerError> {
        self.last_code = Some(code.to_string());
        let spec = CandidateSpec { candidate: code.to_string(), ..self.spec.clone() };
        let result = self.control.cross_validate(self.name, spec);
        self.last_class = match &result {
            Err(WorkerError::RejectedCode { .. }) => Some(FailureClass::RejectedCode),
            Err(_) => Some(FailureClass::ExecutionError),
            Ok(_) => None,
        };
        result
    }
}
