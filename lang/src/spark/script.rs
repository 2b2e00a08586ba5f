// A whole PySpark script from a pipeline of steps: `build_features(df, **inputs)` (every frame a
// step reads built first), the Polars-semantics helpers, and a `__main__` that reads the sources
// named on the command line and writes Parquet.

use std::collections::BTreeMap;
use std::fmt::Write;

use polars::prelude::*;

use super::literals::py_str;
use super::{spark_read_schema, translate_step, SparkInput, SparkRefusal, RUNTIME_PY};
use crate::TakenValues;

/// How a source file is read (the loader's own options, as the Polars export reads it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    Csv { separator: char },
    Parquet,
}

/// A file a frame of the pipeline was loaded from.
#[derive(Clone, Debug)]
pub struct ScriptSource {
    /// The frame's name: `build_features`' `df` for the exported frame, else its keyword.
    pub name: String,
    pub path: String,
    pub format: SourceFormat,
    pub schema: Schema,
}

#[derive(Clone, Debug)]
pub struct ScriptStep {
    pub version: u32,
    pub code: String,
    /// Comment lines written above the step (time, author).
    pub comments: Vec<String>,
    /// Other frames the step may read, as (name, version) built earlier in the script.
    pub reads: Vec<(String, u32)>,
    /// The version of the frame the step was applied to.
    pub applied_to: u32,
    /// The Python values the step took from the data when it was applied (fitted literals), when
    /// known; otherwise the script writer asks for them when the step needs them.
    pub taken: Option<TakenValues>,
}

#[derive(Clone, Debug)]
pub enum BlockStart {
    /// The frame as loaded from the source of the same name.
    Source,
    /// An earlier version of the same frame, built above.
    Earlier(u32),
}

/// One frame version the script builds.
#[derive(Clone, Debug)]
pub struct ScriptBlock {
    pub name: String,
    pub version: u32,
    pub start: BlockStart,
    pub steps: Vec<ScriptStep>,
}

#[derive(Clone, Debug)]
pub struct ScriptPlan {
    /// The exported frame (its source is `build_features`' `df`).
    pub target: String,
    pub version: u32,
    pub sources: Vec<ScriptSource>,
    /// In build order: every block after the blocks it reads.
    pub blocks: Vec<ScriptBlock>,
    /// Lines of the header comment.
    pub header: Vec<String>,
}

/// A step the script cannot contain, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScriptRefusal {
    #[error("`{frame}` version {version}, {refusal}")]
    Step { frame: String, version: u32, refusal: SparkRefusal },
    #[error("`{frame}` version {version} reads `{read}` version {read_version}, which the script does not build")]
    MissingRead { frame: String, version: u32, read: String, read_version: u32 },
    #[error("`{frame}` has no source file in the pipeline")]
    NoSource { frame: String },
    #[error("the source of `{frame}` cannot be read by Spark: {reason}")]
    Source { frame: String, reason: String },
    #[error("`{frame}` version {version}: {reason}")]
    TakenValues { frame: String, version: u32, reason: String },
}

/// The script for `plan`; a step that takes Python values from the data and has none recorded is refused.
pub fn pyspark_script(plan: &ScriptPlan) -> Result<String, ScriptRefusal> {
    pyspark_script_fitted(plan, &mut |_, _| Ok(None))
}

/// The script for `plan`; `taken_values(frame, step)` gives the values a step took from the
/// data when it was applied (its fitted literals) for each step that needs them and has none.
pub fn pyspark_script_fitted(plan: &ScriptPlan, taken_values: &mut dyn FnMut(&str, &ScriptStep) -> Result<Option<TakenValues>, String>) -> Result<String, ScriptRefusal> {
    let mut body = String::new();
    let mut built: BTreeMap<(String, u32), (String, Schema)> = BTreeMap::new();
    for block in &plan.blocks {
        let role = if block.name == plan.target && block.version == plan.version { "" } else { ", read by a later step" };
        let _ = write!(body, "\n    # ---- `{}` as of version {}{role} ----\n", one_line(&block.name), block.version);
        let (mut current, mut schema) = match block.start {
            BlockStart::Source => {
                let source = plan.sources.iter().find(|s| s.name == block.name).ok_or_else(|| ScriptRefusal::NoSource { frame: block.name.clone() })?;
                let var = format!("{}_loaded", identifier(&block.name));
                let input = if source.name == plan.target { "df".to_string() } else { format!("inputs[{}]", py_str(&source.name)) };
                let _ = writeln!(body, "    {var} = fe_with_order({input})");
                (var, source.schema.clone())
            }
            BlockStart::Earlier(version) => {
                let (var, schema) = built.get(&(block.name.clone(), version)).cloned().ok_or_else(|| ScriptRefusal::MissingRead {
                    frame: block.name.clone(),
                    version: block.version,
                    read: block.name.clone(),
                    read_version: version,
                })?;
                let _ = writeln!(body, "    # versions up to {version} are built above");
                (var, schema)
            }
        };
        for step in &block.steps {
            let mut inputs = vec![
                SparkInput { name: block.name.clone(), schema: schema.clone(), variable: current.clone() },
            ];
            for (read, read_version) in &step.reads {
                let (var, read_schema) = built.get(&(read.clone(), *read_version)).cloned().ok_or_else(|| ScriptRefusal::MissingRead {
                    frame: block.name.clone(),
                    version: step.version,
                    read: read.clone(),
                    read_version: *read_version,
                })?;
                if read != &block.name {
                    inputs.push(SparkInput { name: read.clone(), schema: read_schema, variable: var });
                }
            }
            let prefix = format!("{}_v{}", identifier(&block.name), step.version);
            let mut taken = step.taken.clone();
            let translated = match translate_step(&step.code, &block.name, &inputs, &prefix, taken.as_ref()) {
                Err(refusal) if refusal.reads_data() && taken.is_none() => match taken_values(&block.name, step) {
                    Ok(Some(values)) => {
                        let again = translate_step(&step.code, &block.name, &inputs, &prefix, Some(&values));
                        taken = Some(values);
                        again
                    }
                    Ok(None) => Err(refusal),
                    Err(reason) => return Err(ScriptRefusal::TakenValues { frame: block.name.clone(), version: step.version, reason }),
                },
                other => other,
            }
            .map_err(|refusal| ScriptRefusal::Step { frame: block.name.clone(), version: step.version, refusal })?;
            body.push('\n');
            for comment in &step.comments {
                let _ = writeln!(body, "    # {}", one_line(comment));
            }
            for line in step.code.trim_end().lines() {
                let _ = writeln!(body, "    #   {}", one_line(line));
            }
            if let Some(taken) = taken.as_ref().filter(|taken| !taken.is_empty()) {
                let applied_to = step.applied_to;
                let _ = writeln!(
                    body,
                    "    # fitted literals: the Python values this step took from the data of `{}` version {applied_to} (the data it was applied to),",
                    one_line(&block.name)
                );
                let _ = writeln!(body, "    # in the order it took them; the script uses them as they were (as `%fe replay` does by default):");
                for (i, value) in taken.describe().iter().enumerate() {
                    let _ = writeln!(body, "    #   {}. {}", i + 1, one_line(value));
                }
            }
            for line in &translated.lines {
                let _ = writeln!(body, "    {line}");
            }
            current = translated.result;
            schema = translated.schema;
        }
        let var = format!("{}_v{}", identifier(&block.name), block.version);
        if var != current {
            let _ = writeln!(body, "    {var} = {current}");
        }
        built.insert((block.name.clone(), block.version), (var, schema));
    }
    let (result, schema) = built
        .get(&(plan.target.clone(), plan.version))
        .cloned()
        .ok_or_else(|| ScriptRefusal::NoSource { frame: plan.target.clone() })?;
    let columns: Vec<String> = schema.iter_names().map(|c| py_str(c)).collect();
    let _ = writeln!(body, "\n    return fe_result({result}, [{}])", columns.join(", "));
    let mut script = header(plan);
    script.push_str(RUNTIME_PY);
    script.push_str(&sources(plan)?);
    let others: Vec<String> = plan.sources.iter().filter(|s| s.name != plan.target).map(|s| format!("`{}`", s.name)).collect();
    let _ = write!(
        script,
        "\n\ndef build_features(df: DataFrame, **inputs: DataFrame) -> DataFrame:\n    \"\"\"`{}` version {} from `df`, its source as loaded{}.\"\"\"\n",
        one_line(&plan.target),
        plan.version,
        if others.is_empty() { String::new() } else { format!(", and inputs {} (their sources as loaded)", others.join(", ")) }
    );
    for s in plan.sources.iter().filter(|s| s.name != plan.target) {
        let _ = writeln!(script, "    if {} not in inputs:\n        raise TypeError({})", py_str(&s.name), py_str(&format!("build_features needs the input `{}`", s.name)));
    }
    script.push_str(&body);
    script.push_str(&main(plan));
    Ok(script)
}

fn header(plan: &ScriptPlan) -> String {
    let mut text = String::from("#!/usr/bin/env python3\n");
    for line in &plan.header {
        let _ = writeln!(text, "# {}", one_line(line));
    }
    text.push_str(
        "# Written for PySpark 4 (ANSI mode, the default). Run on a cluster:\n\
         #   spark-submit THIS_FILE OUT.parquet [--NAME PATH ...]\n\
         # or call build_features(df, **inputs) on DataFrames read as `read_source` reads them.\n\n\
         import argparse\nimport math\nimport re\nimport sys\n\n\
         from pyspark.sql import DataFrame, SparkSession, Window\n\
         from pyspark.sql import functions as F\n\
         from pyspark.sql import types as T\n\n",
    );
    text
}

fn sources(plan: &ScriptPlan) -> Result<String, ScriptRefusal> {
    let mut text = format!("\n\n# The frame built, and every source file with its format and the schema it is read with (the one the kernel loaded).\nTARGET = {}\nSOURCES = {{\n", py_str(&plan.target));
    for s in &plan.sources {
        let schema = spark_read_schema(&s.schema).map_err(|reason| ScriptRefusal::Source { frame: s.name.clone(), reason })?;
        let format = match s.format {
            SourceFormat::Csv { separator } => format!("(\"csv\", {})", py_str(&separator.to_string())),
            SourceFormat::Parquet => "(\"parquet\", None)".into(),
        };
        let _ = writeln!(text, "    {}: ({}, {format}, {schema}),", py_str(&s.name), py_str(&s.path));
    }
    text.push_str("}\n");
    text.push_str(
        r#"

def read_source(spark, name, path=None):
    """Reads source `name` (from `path`, default the file it was loaded from) as the kernel did."""
    default, (kind, separator), schema = SOURCES[name]
    path = path or default
    if kind == "csv":
        return spark.read.csv(path, schema=schema, header=True, sep=separator, quote='"', escape='"', mode="FAILFAST", multiLine=True)
    frame = spark.read.parquet(path)
    return frame.select(*[fe_col(f.name).cast(f.dataType) for f in schema.fields])
"#,
    );
    Ok(text)
}

fn main(plan: &ScriptPlan) -> String {
    let target = py_str(&plan.target);
    format!(
        r#"

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Builds `{name}` version {version} on Spark and writes it as Parquet.")
    parser.add_argument("output", help="the Parquet folder to write")
    for name, (path, _, _) in SOURCES.items():
        parser.add_argument("--" + name, dest=name, default=path, help=f"the file `{{name}}` is read from (default {{path}})")
    args = parser.parse_args()
    spark = SparkSession.builder.appName("fekernel {name}").getOrCreate()
    spark.conf.set("spark.sql.ansi.enabled", "true")
    frames = {{name: read_source(spark, name, getattr(args, name)) for name in SOURCES}}
    result = build_features(frames.pop({target}), **frames)
    result.write.mode("overwrite").parquet(args.output)
    print(f"wrote {{args.output}}")
"#,
        name = one_line(&plan.target).replace('"', "'").replace('{', "(").replace('}', ")"),
        version = plan.version,
    )
}

/// A Python identifier made from a frame name.
fn identifier(name: &str) -> String {
    let mut out: String = name.chars().map(|c| if c.is_alphanumeric() || c == '_' { c } else { '_' }).collect();
    if out.chars().next().is_none_or(|c| c.is_ascii_digit()) {
        out.insert(0, 'f');
    }
    out
}

fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}
