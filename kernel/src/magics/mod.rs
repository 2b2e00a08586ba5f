// `%fe` and `%%fe` commands: parsing, the registry, help, completion and dispatch.
// Later issues attach handlers to the documented commands with `MagicRegistry::set_handler`.

mod catalog;
mod close_matches;
mod completeness;
mod completion;
mod help;
mod inspection;
mod parse;
mod registry;
mod usage;

pub use catalog::COMMANDS;
pub use close_matches::close_matches;
pub use completeness::is_complete;
pub use completion::{complete, wants_completion};
pub use inspection::inspect;
pub use parse::{is_magic_cell, MagicCall};
#[cfg(test)]
pub use parse::MagicForm;
pub use registry::{MagicHandler, MagicRegistry};
pub use usage::UsageError;
