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

pub use catalog::{CommandDoc, COMMANDS};
pub use completeness::is_complete;
pub use completion::{complete, wants_completion};
pub use inspection::inspect;
pub use parse::{is_magic_cell, MagicCall, MagicForm};
pub use registry::{MagicHandler, MagicRegistry, RegistryError};
pub use usage::UsageError;
