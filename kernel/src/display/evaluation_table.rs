// `%fe evaluate`'s ranked feature table and model comparison, as HTML with a plain-text table
// beside it. Numbers come from the worker; this only lays them out and words the verdict.

use std::fmt::Write;

use fe_worker::evaluation::{Comparison, EvaluationReport, FeatureStats, MetricComparison, ModelComparison, TargetKind};

use super::{code_spans, escape_html, text_and_html};
use crate::server::interpreter::MimeBundle;

pub fn evaluation_table(report: &EvaluationReport) -> MimeBundle {
    let categorical = matches!(report.target_kind, TargetKind::Categorical { .. });
    let headline = headline(report);
    let mut text = format!("{headline}\n");
    let mut html = format!("<p><b>{}</b></p>", escape_html(&headline));

    let mut headers = vec!["rank", "feature", "dtype", "rows used", "null rate", "distinct"];
    if categorical {
        headers.push("AUC");
    } else {
        headers.extend(["Spearman", "Pearson"]);
    }
    headers.push("MI (bits)");
    let rows: Vec<Vec<String>> = report.features.iter().enumerate().map(|(i, f)| feature_row(i + 1, f, categorical)).collect();
    text.push_str(&text_grid(&headers, &rows));
    html.push_str(&html_grid(&headers, &rows, "fe-evaluation"));

    match &report.comparison {
        Comparison::Done(comparison) => {
            let (t, h) = comparison_views(comparison);
            text.push_str(&t);
            html.push_str(&h);
        }
        Comparison::Skipped { reason } => {
            let line = format!("model comparison skipped: {reason}");
            let _ = writeln!(text, "\n{line}");
            let _ = write!(html, "<p>{}</p>", escape_html(&line));
        }
    }
    text.push('\n');
    html.push_str("<ul class=\"fe-notes\">");
    for note in &report.method_notes {
        let _ = writeln!(text, "* {note}");
        let _ = write!(html, "<li>{}</li>", code_spans(note));
    }
    html.push_str("</ul>");
    text_and_html(text, html)
}

fn headline(report: &EvaluationReport) -> String {
    let target = match &report.target_kind {
        TargetKind::Categorical { classes, counts } => {
            let classes: Vec<String> = classes.iter().zip(counts).map(|(c, n)| format!("{c} {n}")).collect();
            format!("classes: {}", classes.join(", "))
        }
        TargetKind::Numeric => "numeric".to_string(),
    };
    format!(
        "features of `{}` (version {}, {} rows) against `{}` ({target}), ranked by mutual information",
        report.name, report.version, report.rows, report.target
    )
}

fn feature_row(rank: usize, f: &FeatureStats, categorical: bool) -> Vec<String> {
    let mut row = vec![
        rank.to_string(),
        f.name.clone(),
        f.dtype.clone(),
        f.rows_used.to_string(),
        format!("{:.1}%", f.null_rate * 100.0),
        f.cardinality.to_string(),
    ];
    if categorical {
        row.push(statistic(f.auc));
    } else {
        row.push(statistic(f.spearman));
        row.push(statistic(f.pearson));
    }
    row.push(statistic(f.mutual_information));
    row
}

fn statistic(value: Option<f64>) -> String {
    value.map(|v| format!("{v:.3}")).unwrap_or_else(|| "—".into())
}

fn comparison_views(c: &ModelComparison) -> (String, String) {
    let title = format!(
        "model comparison: {}, {}-fold cross-validation (seed {}), {} rows",
        c.model, c.folds, c.seed, c.rows
    );
    let headers = ["metric", "baseline", "baseline + features", "difference", "folds better"];
    let rows: Vec<Vec<String>> = c
        .metrics
        .iter()
        .map(|m| {
            vec![
                m.metric.clone(),
                format!("{:.4} ± {:.4}", m.baseline.mean, m.baseline.std),
                format!("{:.4} ± {:.4}", m.with_features.mean, m.with_features.std),
                format!("{:+.4} ± {:.4}", m.delta.mean, m.delta.std),
                format!("{} of {}", m.folds_improved, c.folds),
            ]
        })
        .collect();
    let columns = |names: &[String]| if names.is_empty() { "(none)".to_string() } else { names.join(", ") };
    let mut lines = vec![
        format!("baseline: {}", columns(&c.baseline_columns)),
        format!("features: {}", columns(&c.feature_columns)),
    ];
    for (column, reason) in &c.left_out {
        lines.push(format!("left out of both models: {column} ({reason})"));
    }
    if let Some(primary) = c.metrics.first() {
        lines.push(verdict(primary, c.folds));
    }
    let mut text = format!("\n{title}\n{}", text_grid(&headers, &rows));
    let mut html = format!("<p><b>{}</b></p>{}", escape_html(&title), html_grid(&headers, &rows, "fe-comparison"));
    for line in &lines {
        let _ = writeln!(text, "{line}");
        let _ = write!(html, "<p>{}</p>", escape_html(line));
    }
    (text, html)
}

/// What the primary metric says, in words, without overstating it: a difference counts only when
/// its corrected t (which allows for the overlap of training folds) passes the 5% level.
fn verdict(m: &MetricComparison, folds: usize) -> String {
    let t = if m.higher_is_better { m.corrected_t } else { -m.corrected_t };
    let numbers = format!(
        "{:+.4} ± {:.4} {}, better in {} of {folds} folds, corrected t {}",
        m.delta.mean,
        m.delta.std,
        m.metric,
        m.folds_improved,
        if m.corrected_t.is_finite() { format!("{:.2}", m.corrected_t) } else { "±∞".to_string() }
    );
    if t >= m.t_critical {
        format!("verdict: the features help ({numbers})")
    } else if t <= -m.t_critical {
        format!("verdict: the features make the model worse ({numbers})")
    } else if t <= 0.0 {
        format!("verdict: the features do not help ({numbers})")
    } else {
        format!("verdict: no clear gain; the difference is within what fold-to-fold variation gives ({numbers})")
    }
}

fn text_grid(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let padded: Vec<String> = cells.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}", w = *w)).collect();
        padded.join("  ").trim_end().to_string() + "\n"
    };
    let mut out = line(headers.to_vec());
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}

fn html_grid(headers: &[&str], rows: &[Vec<String>], class: &str) -> String {
    let mut html = format!("<table class=\"{class}\"><thead><tr>");
    for h in headers {
        let _ = write!(html, "<th>{}</th>", escape_html(h));
    }
    html.push_str("</tr></thead><tbody>");
    for row in rows {
        html.push_str("<tr>");
        for cell in row {
            let _ = write!(html, "<td>{}</td>", escape_html(cell));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    html
}

#[cfg(test)]
mod tests {
    use fe_worker::evaluation::FoldScores;

    use super::*;

    fn metric(mean: f64, corrected_t: f64) -> MetricComparison {
        let scores = FoldScores::from_folds(vec![0.8; 5]);
        MetricComparison {
            metric: "ROC AUC".into(),
            higher_is_better: true,
            folds_improved: 3,
            baseline: scores.clone(),
            with_features: scores,
            delta: FoldScores { per_fold: vec![mean; 5], mean, std: 0.01 },
            corrected_t,
            t_critical: 2.776,
        }
    }

    #[test]
    fn the_verdict_follows_the_corrected_t() {
        let says = |mean, t| verdict(&metric(mean, t), 5);
        assert!(says(0.1, 3.0).starts_with("verdict: the features help (+0.1000 ± 0.0100 ROC AUC, better in 3 of 5 folds, corrected t 3.00)"), "{}", says(0.1, 3.0));
        assert!(says(0.01, 2.0).starts_with("verdict: no clear gain"));
        assert!(says(-0.01, -1.0).starts_with("verdict: the features do not help"));
        assert!(says(0.0, 0.0).starts_with("verdict: the features do not help"));
        assert!(says(-0.1, f64::NEG_INFINITY).starts_with("verdict: the features make the model worse"));
        assert!(says(-0.1, f64::NEG_INFINITY).contains("corrected t ±∞"));
        let mut rmse = metric(-10.0, -4.0);
        rmse.higher_is_better = false;
        assert!(verdict(&rmse, 5).starts_with("verdict: the features help"));
    }

    #[test]
    fn grids_align_columns() {
        let grid = text_grid(&["a", "bb"], &[vec!["long".into(), "x".into()]]);
        assert_eq!(grid, "a     bb\nlong  x\n");
    }
}
