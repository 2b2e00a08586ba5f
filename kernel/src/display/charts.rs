// Small SVG histograms of evaluated features (bars stacked by target class), drawn with plotters'
// SVG backend, with a plain-text rendering of the same bins beside them.
//
// plotters is built without its font features: the SVG backend writes text as <text> elements
// that the browser lays out, so no font files or C libraries are needed to draw.

use std::fmt::Write;

use fe_worker::evaluation::{short_number, FeatureStats, Histogram};
use plotters::prelude::*;
use serde_json::Value;

use crate::server::interpreter::MimeBundle;

const SIZE: (u32, u32) = (360, 200);
/// Width of the legend column at the right (only when bars are split by class).
const LEGEND_WIDTH: u32 = 96;
/// Class colours (Tableau 10); more classes reuse them in order.
const PALETTE: [RGBColor; 10] = [
    RGBColor(78, 121, 167),
    RGBColor(242, 142, 43),
    RGBColor(225, 87, 89),
    RGBColor(118, 183, 178),
    RGBColor(89, 161, 79),
    RGBColor(237, 201, 72),
    RGBColor(176, 122, 161),
    RGBColor(255, 157, 167),
    RGBColor(156, 117, 95),
    RGBColor(186, 176, 172),
];

#[derive(Debug, thiserror::Error)]
#[error("cannot draw the histogram of `{feature}`: {message}")]
pub struct ChartError {
    feature: String,
    message: String,
}

/// `image/svg+xml` with `text/plain` beside it.
pub fn feature_histogram(feature: &FeatureStats) -> Result<MimeBundle, ChartError> {
    let svg = histogram_svg(&feature.name, &feature.histogram)
        .map_err(|message| ChartError { feature: feature.name.clone(), message })?;
    let mut bundle = MimeBundle::new();
    bundle.insert("image/svg+xml".into(), Value::String(svg));
    bundle.insert("text/plain".into(), Value::String(histogram_text(&feature.name, &feature.histogram)));
    Ok(bundle)
}

fn histogram_svg(name: &str, histogram: &Histogram) -> Result<String, String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let by_class = histogram.series.len() > 1;
        let (plot, legend) = root.split_horizontally(if by_class { SIZE.0 - LEGEND_WIDTH } else { SIZE.0 });
        let totals: Vec<u64> = histogram.bins.iter().map(|b| b.counts.iter().sum()).collect();
        let top = totals.iter().copied().max().unwrap_or(0).max(1);
        let (x_range, spans) = bar_spans(histogram);
        let mut chart = ChartBuilder::on(&plot)
            .caption(name, ("sans-serif", 14))
            .margin(6)
            .x_label_area_size(if histogram.numeric { 22 } else { 34 })
            .y_label_area_size(36)
            .build_cartesian_2d(x_range, 0u64..top + top / 10 + 1)
            .map_err(|e| e.to_string())?;
        let labels: Vec<String> = histogram.bins.iter().map(|b| b.label.clone()).collect();
        let numeric = histogram.numeric;
        let category_label = move |x: &f64| {
            let i = x.round();
            if numeric {
                short_number(*x)
            } else if (x - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < labels.len() {
                shorten(&labels[i as usize], 10)
            } else {
                String::new()
            }
        };
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(TRANSPARENT)
            .x_labels(if numeric { 6 } else { histogram.bins.len() })
            .x_label_formatter(&category_label)
            .y_labels(4)
            .label_style(("sans-serif", 10))
            .draw()
            .map_err(|e| e.to_string())?;
        for s in 0..histogram.series.len() {
            let colour = PALETTE[s % PALETTE.len()];
            let bars = histogram.bins.iter().zip(&spans).filter_map(|(bin, &(left, right))| {
                let below: u64 = bin.counts[..s].iter().sum();
                let count = bin.counts[s];
                (count > 0).then(|| Rectangle::new([(left, below), (right, below + count)], colour.filled()))
            });
            chart.draw_series(bars).map_err(|e| e.to_string())?;
        }
        if by_class {
            // Beside the plot, so it never hides a bar.
            for (s, series) in histogram.series.iter().enumerate() {
                let y = 30 + 16 * s as i32;
                let swatch = Rectangle::new([(4, y - 5), (14, y + 5)], PALETTE[s % PALETTE.len()].filled());
                legend.draw(&swatch).map_err(|e| e.to_string())?;
                let label = Text::new(shorten(series, 12), (18, y - 6), ("sans-serif", 10).into_font());
                legend.draw(&label).map_err(|e| e.to_string())?;
            }
        }
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

/// The x range and each bar's left and right edge: value ranges for numbers, slots for categories.
fn bar_spans(histogram: &Histogram) -> (std::ops::Range<f64>, Vec<(f64, f64)>) {
    if histogram.numeric {
        let spans: Vec<(f64, f64)> =
            histogram.bins.iter().map(|b| (b.lower.unwrap_or(0.0), b.upper.unwrap_or(0.0))).collect();
        let low = spans.first().map(|s| s.0).unwrap_or(0.0);
        let high = spans.last().map(|s| s.1).unwrap_or(1.0);
        // A constant feature has one bin of width 0: give it a visible width.
        let (low, high) = if high > low { (low, high) } else { (low - 0.5, low + 0.5) };
        let spans = spans.into_iter().map(|(l, r)| if r > l { (l, r) } else { (low, high) }).collect();
        (low..high, spans)
    } else {
        let spans = (0..histogram.bins.len()).map(|i| (i as f64 - 0.4, i as f64 + 0.4)).collect();
        (-0.5..histogram.bins.len() as f64 - 0.5, spans)
    }
}

fn shorten(text: &str, most: usize) -> String {
    if text.chars().count() <= most {
        text.to_string()
    } else {
        text.chars().take(most - 1).collect::<String>() + "…"
    }
}

/// `histogram of x by species (Adelie / Chinstrap / Gentoo):` then one line per bin.
fn histogram_text(name: &str, histogram: &Histogram) -> String {
    let by = if histogram.series.len() > 1 { format!(" by class ({})", histogram.series.join(" / ")) } else { String::new() };
    let mut text = format!("histogram of {name}{by}:\n");
    for bin in &histogram.bins {
        let counts: Vec<String> = bin.counts.iter().map(u64::to_string).collect();
        let _ = writeln!(text, "  {:<24} {}", bin.label, counts.join(" / "));
    }
    text
}

#[cfg(test)]
mod tests {
    use fe_worker::evaluation::HistogramBin;

    use super::*;

    fn bin(label: &str, lower: Option<f64>, upper: Option<f64>, counts: Vec<u64>) -> HistogramBin {
        HistogramBin { label: label.into(), lower, upper, counts }
    }

    fn stats(histogram: Histogram) -> FeatureStats {
        FeatureStats {
            name: "bill_ratio".into(),
            dtype: "Float64".into(),
            rows_used: 6,
            null_rate: 0.0,
            cardinality: 6,
            auc: Some(0.9),
            spearman: None,
            pearson: None,
            mutual_information: Some(0.5),
            histogram,
        }
    }

    #[test]
    fn a_numeric_histogram_is_an_svg_with_one_bar_per_class_and_bin_and_a_legend() {
        let histogram = Histogram {
            series: vec!["Adelie".into(), "Gentoo".into()],
            bins: vec![bin("[1, 2)", Some(1.0), Some(2.0), vec![3, 0]), bin("[2, 3]", Some(2.0), Some(3.0), vec![1, 2])],
            numeric: true,
        };
        let bundle = feature_histogram(&stats(histogram)).unwrap();
        let svg = bundle["image/svg+xml"].as_str().unwrap();
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("bill_ratio") && svg.contains("Gentoo"));
        // Three non-empty bars in the palette's first two colours (plus the two legend swatches).
        assert_eq!(svg.matches("fill=\"#4E79A7\"").count(), 2 + 1);
        assert_eq!(svg.matches("fill=\"#F28E2B\"").count(), 1 + 1);
        let text = bundle["text/plain"].as_str().unwrap();
        assert_eq!(text, "histogram of bill_ratio by class (Adelie / Gentoo):\n  [1, 2)                   3 / 0\n  [2, 3]                   1 / 2\n");
    }

    #[test]
    fn a_category_histogram_labels_its_bars() {
        let histogram = Histogram {
            series: vec!["rows".into()],
            bins: vec![bin("Biscoe", None, None, vec![5]), bin("a very long island name", None, None, vec![2])],
            numeric: false,
        };
        let svg = feature_histogram(&stats(histogram)).unwrap()["image/svg+xml"].as_str().unwrap().to_string();
        assert!(svg.contains("Biscoe") && svg.contains("a very lo…"), "{svg}");
        assert_eq!(svg.matches("fill=\"#4E79A7\"").count(), 2);
    }
}
