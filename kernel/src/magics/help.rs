// `%fe help` and `%fe help COMMAND`: the user contract rendered from the command table,
// as display_data with text/plain (consoles) and text/html (notebooks).

use super::catalog::CommandDoc;
use super::parse::MagicCall;
use super::registry::MagicRegistry;
use super::usage::UsageError;
use crate::display::{escape_html, text_and_html};
use crate::server::interpreter::{CellError, ExecuteOk};
use crate::server::publisher::CellIo;

const NOT_AVAILABLE: &str = "not yet available";

/// Runs `%fe help [COMMAND]`.
pub fn run(registry: &MagicRegistry, call: &MagicCall, io: &CellIo) -> Result<ExecuteOk, CellError> {
    // `%fe help %fe load` and `%fe help %%fe apply` mean the same as `%fe help load`.
    let topic: Vec<&str> =
        call.args.iter().map(String::as_str).filter(|word| *word != "%fe" && *word != "%%fe").collect();
    match topic.as_slice() {
        [] => show_all(registry, io),
        [name] => {
            let doc = registry.resolve(name)?;
            let available = registry.is_available(doc.name);
            io.display(text_and_html(command_text(doc, available), command_html(doc, available)), None);
            Ok(ExecuteOk::default())
        }
        _ => Err(UsageError::BadArguments {
            message: "`%fe help` takes at most one command name.".into(),
            synopsis: "%fe help [COMMAND]".into(),
        }
        .into()),
    }
}

/// Publishes the list of every command.
pub fn show_all(registry: &MagicRegistry, io: &CellIo) -> Result<ExecuteOk, CellError> {
    io.display(text_and_html(overview_text(registry), overview_html(registry)), None);
    Ok(ExecuteOk::default())
}

/// Every command: usage, one-line summary (marked when not available yet), first example.
pub fn overview_text(registry: &MagicRegistry) -> String {
    let mut text = String::from(
        "fekernel magics. `%fe NAME` runs one line; `%%fe NAME` starts a cell whose body follows.\n\
         Run `%fe help COMMAND` for details. Any other cell is Rust (evcxr; `:help` lists its commands).\n",
    );
    for doc in registry.commands() {
        text.push('\n');
        text.push_str(&doc.usage());
        text.push('\n');
        text.push_str("    ");
        text.push_str(doc.summary);
        if !registry.is_available(doc.name) {
            text.push_str(&format!(" ({NOT_AVAILABLE})"));
        }
        text.push('\n');
        if let Some(example) = doc.examples.first() {
            text.push_str(&indented_example(example));
        }
    }
    text
}

fn overview_html(registry: &MagicRegistry) -> String {
    let mut html = String::from(
        "<div class=\"fekernel-help\"><p><b>fekernel magics.</b> <code>%fe NAME</code> runs one line; \
         <code>%%fe NAME</code> starts a cell whose body follows. Run <code>%fe help COMMAND</code> \
         for details. Any other cell is Rust (evcxr; <code>:help</code> lists its commands).</p>\
         <table><thead><tr><th style=\"text-align:left\">Command</th>\
         <th style=\"text-align:left\">What it does</th><th style=\"text-align:left\">Example</th></tr></thead><tbody>",
    );
    for doc in registry.commands() {
        let availability = if registry.is_available(doc.name) {
            String::new()
        } else {
            format!(" <i style=\"opacity:0.6\">({NOT_AVAILABLE})</i>")
        };
        let example = doc.examples.first().map(|e| pre(e)).unwrap_or_default();
        html.push_str(&format!(
            "<tr><td style=\"text-align:left\">{}</td><td style=\"text-align:left\">{}{availability}</td>\
             <td style=\"text-align:left\">{example}</td></tr>",
            pre(&doc.usage()),
            escape_html(doc.summary),
        ));
    }
    html.push_str("</tbody></table></div>");
    html
}

/// The `page` payload of `%fe COMMAND?` (front ends show it in their pager).
pub fn page_payload(doc: &CommandDoc, available: bool) -> serde_json::Value {
    serde_json::json!({
        "source": "page",
        "data": {"text/plain": command_text(doc, available), "text/html": command_html(doc, available)},
        "start": 0,
    })
}

/// One command in full: usage, summary, description, every example.
pub fn command_text(doc: &CommandDoc, available: bool) -> String {
    let mut text = format!("{}\n\n{}.\n{}\n", doc.usage(), capitalised(doc.summary), doc.description);
    text.push_str(&form_note(doc));
    if !available {
        text.push_str(&format!("\nThis command is {NOT_AVAILABLE} in this version of fekernel.\n"));
    }
    text.push_str("\nExamples:\n");
    for example in doc.examples {
        text.push_str(&indented_example(example));
    }
    text
}

fn command_html(doc: &CommandDoc, available: bool) -> String {
    let mut html = format!(
        "<div class=\"fekernel-help\">{}<p>{}.</p><p>{}</p><p>{}</p>",
        pre(&doc.usage()),
        escape_html(&capitalised(doc.summary)),
        escape_html(doc.description),
        escape_html(form_note(doc).trim()),
    );
    if !available {
        html.push_str(&format!("<p><i>This command is {NOT_AVAILABLE} in this version of fekernel.</i></p>"));
    }
    html.push_str("<p>Examples:</p>");
    for example in doc.examples {
        html.push_str(&pre(example));
    }
    html.push_str("</div>");
    html
}

fn form_note(doc: &CommandDoc) -> String {
    match doc.body {
        Some(body) => format!(
            "It is a cell magic: `%%fe {}` is the first line of the cell and {body} fills the lines below.\n",
            doc.name
        ),
        None => String::new(),
    }
}

fn indented_example(example: &str) -> String {
    let mut text = String::new();
    for (index, line) in example.lines().enumerate() {
        text.push_str(if index == 0 { "    e.g. " } else { "         " });
        text.push_str(line);
        text.push('\n');
    }
    text
}

fn pre(code: &str) -> String {
    format!("<pre style=\"margin:0\">{}</pre>", escape_html(code))
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cells::test_io::{drain, recording_io};

    /// DESIGN.md's "Magics" block, verbatim: the spellings users were promised.
    const DESIGN_MAGICS: &[&str] = &[
        "%fe help [COMMAND]",
        "%fe load PATH [as NAME]",
        "%fe frames",
        "%fe show NAME [N]",
        "%fe schema NAME",
        "%%fe suggest NAME [--target COL] [--provider P] [--model M]\n<what you want, in words>",
        "%%fe apply NAME\n<feature code>",
        "%fe undo NAME",
        "%fe history NAME",
        "%fe save NAME PATH",
        "%fe export NAME PATH.py",
        "%fe replay NAME PATH [as NEW]",
        "%fe prompt NAME [--target COL]",
        "%fe config [KEY=VALUE ...]",
        "%fe status",
    ];

    fn displayed_text(code: &str) -> (String, String) {
        let (io, mut outputs) = recording_io();
        MagicRegistry::with_catalog().execute(code, &io).expect("help runs");
        let messages = drain(&mut outputs);
        assert_eq!(messages.len(), 1, "help publishes exactly one display_data");
        assert_eq!(messages[0].msg_type, "display_data");
        let data = &messages[0].content["data"];
        (data["text/plain"].as_str().unwrap().to_string(), data["text/html"].as_str().unwrap().to_string())
    }

    #[test]
    fn help_lists_every_design_spelling_in_text_and_html() {
        let (text, html) = displayed_text("%fe help");
        for spelling in DESIGN_MAGICS {
            assert!(text.contains(spelling), "help text lacks `{spelling}`");
            assert!(html.contains(&escape_html(spelling)), "help html lacks `{spelling}`");
        }
    }

    #[test]
    fn help_marks_commands_without_handlers() {
        let (text, _) = displayed_text("%fe help");
        let frames_line = text.lines().skip_while(|l| *l != "%fe frames").nth(1).unwrap();
        assert!(frames_line.contains("(not yet available)"), "{frames_line}");
        let help_line = text.lines().skip_while(|l| *l != "%fe help [COMMAND]").nth(1).unwrap();
        assert!(!help_line.contains("not yet available"), "{help_line}");
    }

    #[test]
    fn help_for_one_command_shows_synopsis_description_and_examples() {
        let (text, html) = displayed_text("%fe help apply");
        assert!(text.starts_with("%%fe apply NAME\n<feature code>\n"), "{text}");
        assert!(text.contains("never executed as Python"));
        assert!(text.contains("Examples:\n    e.g. %%fe apply tx\n"), "{text}");
        assert!(html.contains("%%fe apply NAME"));
    }

    #[test]
    fn help_accepts_the_prefixed_spelling() {
        let (text, _) = displayed_text("%fe help %%fe suggest");
        assert!(text.starts_with("%%fe suggest NAME"));
    }

    #[test]
    fn bare_prefix_shows_the_command_list() {
        let (text, _) = displayed_text("%fe");
        assert!(text.contains("%fe status"));
    }

    #[test]
    fn help_for_an_unknown_command_suggests_close_matches() {
        let (io, _outputs) = recording_io();
        let error = MagicRegistry::with_catalog().execute("%fe help shema", &io).unwrap_err();
        assert_eq!(error.ename, "UsageError");
        assert!(error.evalue.contains("Did you mean `schema`?"), "{}", error.evalue);
    }
}
