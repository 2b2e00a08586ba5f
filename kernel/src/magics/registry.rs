// The command table: every documented command with the handler that runs it (if any yet),
// and dispatch of a parsed cell to those handlers with usage checks.

use std::collections::HashMap;
use std::sync::Arc;

use super::catalog::{self, CommandDoc};
use super::close_matches::close_matches;
use super::help;
use super::parse::{self, MagicCall, MagicForm};
use super::usage::UsageError;
use crate::server::interpreter::{CellError, ExecuteOk};
use crate::server::publisher::CellIo;

/// Runs one command. Handlers may hold state (a worker handle, settings); they are shared
/// between threads, so interior state needs its own lock.
pub trait MagicHandler: Send + Sync {
    fn run(&self, call: &MagicCall, io: &CellIo) -> Result<ExecuteOk, CellError>;

    /// Completions for the word being typed, given the words before it (after the command
    /// name). Handlers that know frame names or settings override this.
    fn complete_argument(&self, _previous: &[String], _partial: &str) -> Vec<String> {
        Vec::new()
    }
}

impl<F> MagicHandler for F
where
    F: Fn(&MagicCall, &CellIo) -> Result<ExecuteOk, CellError> + Send + Sync,
{
    fn run(&self, call: &MagicCall, io: &CellIo) -> Result<ExecuteOk, CellError> {
        self(call, io)
    }
}

/// What a command does when called.
#[derive(Clone)]
enum Action {
    /// `%fe help`: answered from the table itself.
    Help,
    Handler(Arc<dyn MagicHandler>),
    /// Documented but not built yet.
    NotAvailable,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegistryError {
    #[error("`{0}` is not a documented magic command; add it to magics/catalog.rs first")]
    Undocumented(String),
    #[error("`help` is answered by the registry itself")]
    HelpIsBuiltIn,
}

/// The table of commands. Built once per kernel; later issues attach their handlers.
#[derive(Clone)]
pub struct MagicRegistry {
    commands: Vec<&'static CommandDoc>,
    actions: HashMap<&'static str, Action>,
}

impl MagicRegistry {
    /// Every command of the catalog; `help` works, the others are "not yet available"
    /// until a handler is attached.
    pub fn with_catalog() -> Self {
        let commands: Vec<&'static CommandDoc> = catalog::COMMANDS.iter().collect();
        let actions = commands
            .iter()
            .map(|doc| (doc.name, if doc.name == "help" { Action::Help } else { Action::NotAvailable }))
            .collect();
        MagicRegistry { commands, actions }
    }

    /// Attaches the handler for a documented command (replacing any previous one).
    pub fn set_handler(&mut self, name: &str, handler: Arc<dyn MagicHandler>) -> Result<(), RegistryError> {
        if name == "help" {
            return Err(RegistryError::HelpIsBuiltIn);
        }
        let doc = catalog::find(name).ok_or_else(|| RegistryError::Undocumented(name.to_string()))?;
        self.actions.insert(doc.name, Action::Handler(handler));
        Ok(())
    }

    /// Every command, in help order.
    pub fn commands(&self) -> &[&'static CommandDoc] {
        &self.commands
    }

    pub fn command(&self, name: &str) -> Option<&'static CommandDoc> {
        self.commands.iter().copied().find(|doc| doc.name == name)
    }

    /// Whether `name` can run in this version.
    pub fn is_available(&self, name: &str) -> bool {
        matches!(self.actions.get(name), Some(Action::Help | Action::Handler(_)))
    }

    /// The handler attached to `name`, for argument completion.
    pub(super) fn handler(&self, name: &str) -> Option<Arc<dyn MagicHandler>> {
        match self.actions.get(name) {
            Some(Action::Handler(handler)) => Some(handler.clone()),
            _ => None,
        }
    }

    /// Runs a magic cell: each call in order, stopping at the first error.
    pub fn execute(&self, code: &str, io: &CellIo) -> Result<ExecuteOk, CellError> {
        let calls = match parse::parse_cell(code) {
            // A bare `%fe` is a request for the command list.
            Err(UsageError::MissingCommand { form: MagicForm::Line }) => {
                return help::show_all(self, io);
            }
            other => other?,
        };
        let mut outcome = ExecuteOk::default();
        for call in &calls {
            let ok = self.run(call, io)?;
            outcome.payload.extend(ok.payload);
        }
        Ok(outcome)
    }

    /// Checks one call against the table and runs its action.
    pub fn run(&self, call: &MagicCall, io: &CellIo) -> Result<ExecuteOk, CellError> {
        // `%fe load?` pages the command's help, as `%magic?` does in IPython.
        if let Some(name) = call.name.strip_suffix('?') {
            let doc = self.resolve(name)?;
            return Ok(ExecuteOk { payload: vec![help::page_payload(doc, self.is_available(doc.name))] });
        }
        let doc = self.resolve(&call.name)?;
        check_form(doc, call)?;
        match self.actions.get(doc.name) {
            Some(Action::Help) => help::run(self, call, io),
            Some(Action::Handler(handler)) => handler.run(call, io),
            Some(Action::NotAvailable) | None => {
                Err(UsageError::NotAvailable { name: doc.name.to_string(), form: doc.form }.into())
            }
        }
    }

    /// The command called `name`, or a usage error naming close matches.
    pub fn resolve(&self, name: &str) -> Result<&'static CommandDoc, UsageError> {
        self.command(name).ok_or_else(|| UsageError::UnknownCommand {
            given: name.to_string(),
            close_matches: close_matches(name, self.commands.iter().map(|doc| doc.name)),
        })
    }
}

/// A cell magic needs `%%fe` and a body; a line magic needs `%fe` and no body.
fn check_form(doc: &CommandDoc, call: &MagicCall) -> Result<(), UsageError> {
    let body_placeholder = || doc.body.unwrap_or("<body>").to_string();
    match (doc.form, call.form) {
        (MagicForm::Cell, MagicForm::Line) => Err(UsageError::NeedsCellForm {
            name: doc.name.to_string(),
            synopsis: doc.synopsis_words(),
            body: body_placeholder(),
        }),
        (MagicForm::Cell, MagicForm::Cell) if call.body.trim().is_empty() => Err(UsageError::MissingBody {
            name: doc.name.to_string(),
            synopsis: doc.synopsis_words(),
            body: body_placeholder(),
        }),
        (MagicForm::Line, MagicForm::Cell) => {
            Err(UsageError::NeedsLineForm { name: doc.name.to_string(), synopsis: doc.synopsis_words() })
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use serde_json::Value;

    use super::*;
    use crate::cells::test_io::{drain, recording_io};

    fn usage_error(result: Result<ExecuteOk, CellError>) -> String {
        let error = result.err().expect("expected an error");
        assert_eq!(error.ename, "UsageError");
        error.evalue
    }

    #[test]
    fn unknown_command_names_close_matches() {
        let (io, _outputs) = recording_io();
        let evalue = usage_error(MagicRegistry::with_catalog().execute("%fe lod data.csv", &io));
        assert_eq!(evalue, "Unknown command `lod`. Did you mean `load`? Run `%fe help` for every command.");
    }

    #[test]
    fn documented_command_without_handler_says_not_available() {
        let (io, _outputs) = recording_io();
        let evalue = usage_error(MagicRegistry::with_catalog().execute("%fe frames", &io));
        assert!(evalue.contains("not available in this version"), "{evalue}");
    }

    #[test]
    fn cell_magic_without_body_explains_the_cell_form() {
        let (io, _outputs) = recording_io();
        let registry = MagicRegistry::with_catalog();
        let evalue = usage_error(registry.execute("%fe apply tx", &io));
        assert!(evalue.contains("%%fe apply NAME"), "{evalue}");
        assert!(evalue.contains("<feature code>"), "{evalue}");
        let evalue = usage_error(registry.execute("%%fe apply tx\n   \n", &io));
        assert!(evalue.contains("has no body"), "{evalue}");
    }

    #[test]
    fn line_magic_written_as_cell_magic_is_refused() {
        let (io, _outputs) = recording_io();
        let evalue = usage_error(MagicRegistry::with_catalog().execute("%%fe load x.csv\nbody", &io));
        assert!(evalue.contains("`%fe load PATH [as NAME] [--lazy|--eager]`"), "{evalue}");
    }

    #[test]
    fn attached_handlers_receive_the_parsed_call() {
        let (io, _outputs) = recording_io();
        let mut registry = MagicRegistry::with_catalog();
        let handler = |call: &MagicCall, _io: &CellIo| -> Result<ExecuteOk, CellError> {
            assert_eq!(call.args, vec!["my file.csv", "as", "tx"]);
            Ok(ExecuteOk { payload: vec![Value::from(call.name.clone())] })
        };
        registry.set_handler("load", Arc::new(handler)).unwrap();
        let ok = registry.execute("%fe load 'my file.csv' as tx", &io).unwrap();
        assert_eq!(ok.payload, vec![Value::from("load")]);
        assert!(registry.is_available("load"));
    }

    #[test]
    fn handlers_can_only_be_attached_to_documented_commands() {
        let mut registry = MagicRegistry::with_catalog();
        let handler = |_: &MagicCall, _: &CellIo| -> Result<ExecuteOk, CellError> { Ok(ExecuteOk::default()) };
        assert_eq!(
            registry.set_handler("teleport", Arc::new(handler)),
            Err(RegistryError::Undocumented("teleport".into()))
        );
    }

    #[test]
    fn a_question_mark_pages_the_help_of_the_command() {
        let (io, mut outputs) = recording_io();
        let ok = MagicRegistry::with_catalog().execute("%fe load?", &io).unwrap();
        assert_eq!(ok.payload.len(), 1);
        assert_eq!(ok.payload[0]["source"], "page");
        assert!(ok.payload[0]["data"]["text/plain"].as_str().unwrap().contains("%fe load PATH [as NAME]"));
        assert!(drain(&mut outputs).is_empty());
        let (io, _outputs) = recording_io();
        assert!(MagicRegistry::with_catalog().execute("%fe lod?", &io).is_err());
    }

    #[test]
    fn calls_stop_at_the_first_error() {
        let (io, mut outputs) = recording_io();
        let result = MagicRegistry::with_catalog().execute("%fe help\n%fe nope\n%fe help", &io);
        assert!(result.is_err());
        // Only the first help ran.
        assert_eq!(drain(&mut outputs).len(), 1);
    }
}
