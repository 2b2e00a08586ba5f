// Histogram bins of one feature, split by target class: equal-width ranges for numbers, the most
// frequent values for categories. Only counts; the kernel draws them.

use std::collections::HashMap;

use super::report::{Histogram, HistogramBin};

/// Most bins of a numeric histogram.
pub const MAX_NUMERIC_BINS: usize = 20;
/// Most categories shown; the rest are counted together as "other".
pub const MAX_CATEGORIES: usize = 10;

/// `values[i]` falls in series `series_of[i]` (a target class, or 0 for one series).
pub fn numeric(values: &[f64], series_of: &[usize], series: Vec<String>) -> Histogram {
    let mut bins = Vec::new();
    if let (Some(min), Some(max)) = (
        values.iter().copied().reduce(f64::min),
        values.iter().copied().reduce(f64::max),
    ) {
        let mut distinct: Vec<f64> = values.to_vec();
        distinct.sort_by(f64::total_cmp);
        distinct.dedup();
        let count = distinct.len().clamp(1, MAX_NUMERIC_BINS);
        let width = (max - min) / count as f64;
        for b in 0..count {
            let lower = min + width * b as f64;
            let upper = if b + 1 == count { max } else { min + width * (b + 1) as f64 };
            let closing = if b + 1 == count { "]" } else { ")" };
            bins.push(HistogramBin {
                label: format!("[{}, {}{closing}", short_number(lower), short_number(upper)),
                lower: Some(lower),
                upper: Some(upper),
                counts: vec![0; series.len()],
            });
        }
        for (&v, &s) in values.iter().zip(series_of) {
            let b = if width > 0.0 { (((v - min) / width) as usize).min(count - 1) } else { 0 };
            bins[b].counts[s] += 1;
        }
    }
    Histogram { series, bins, numeric: true }
}

/// The `MAX_CATEGORIES - 1` most frequent values (ties by name) and "other" for the rest.
pub fn categorical(values: &[&str], series_of: &[usize], series: Vec<String>) -> Histogram {
    let mut frequency: HashMap<&str, usize> = HashMap::new();
    for v in values {
        *frequency.entry(v).or_insert(0) += 1;
    }
    let mut ordered: Vec<(&str, usize)> = frequency.into_iter().collect();
    ordered.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let shown = if ordered.len() > MAX_CATEGORIES { MAX_CATEGORIES - 1 } else { ordered.len() };
    let index: HashMap<&str, usize> = ordered.iter().take(shown).enumerate().map(|(i, (v, _))| (*v, i)).collect();
    let mut bins: Vec<HistogramBin> = ordered
        .iter()
        .take(shown)
        .map(|(v, _)| HistogramBin { label: v.to_string(), lower: None, upper: None, counts: vec![0; series.len()] })
        .collect();
    if ordered.len() > shown {
        let others = ordered.len() - shown;
        bins.push(HistogramBin { label: format!("other ({others})"), lower: None, upper: None, counts: vec![0; series.len()] });
    }
    for (v, &s) in values.iter().zip(series_of) {
        let b = index.get(v).copied().unwrap_or(shown);
        bins[b].counts[s] += 1;
    }
    Histogram { series, bins, numeric: false }
}

/// At most four significant digits, without trailing zeros: `0.1235`, `1235`, `1.5e7`.
pub fn short_number(value: f64) -> String {
    if value == 0.0 || !value.is_finite() {
        return format!("{value}");
    }
    let magnitude = value.abs().log10().floor() as i32;
    if !(-4..6).contains(&magnitude) {
        return format!("{value:.1e}");
    }
    let decimals = (3 - magnitude).max(0) as usize;
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_bins_cover_the_range_and_count_per_series() {
        let values = [0.0, 1.0, 2.0, 3.0, 4.0, 10.0];
        let series_of = [0, 0, 1, 1, 1, 0];
        let h = numeric(&values, &series_of, vec!["a".into(), "b".into()]);
        assert_eq!(h.bins.len(), 6);
        assert_eq!(h.bins[0].label, "[0, 1.667)");
        assert_eq!(h.bins[5].label, "[8.333, 10]");
        let totals: Vec<u64> = h.bins.iter().map(|b| b.counts.iter().sum()).collect();
        assert_eq!(totals, vec![2, 2, 1, 0, 0, 1]);
        assert_eq!(h.bins[0].counts, vec![2, 0]);
        assert_eq!(h.bins[5].counts, vec![1, 0]);
        let constant = numeric(&[5.0, 5.0], &[0, 0], vec!["rows".into()]);
        assert_eq!((constant.bins.len(), constant.bins[0].counts[0]), (1, 2));
    }

    #[test]
    fn rare_categories_are_counted_as_other() {
        let values: Vec<String> = (0..12).flat_map(|i| vec![format!("v{i:02}"); 12 - i]).collect();
        let refs: Vec<&str> = values.iter().map(String::as_str).collect();
        let h = categorical(&refs, &vec![0; refs.len()], vec!["rows".into()]);
        assert_eq!(h.bins.len(), MAX_CATEGORIES);
        assert_eq!((h.bins[0].label.as_str(), h.bins[0].counts[0]), ("v00", 12));
        assert_eq!(h.bins[9].label, "other (3)");
        assert_eq!(h.bins[9].counts[0], 3 + 2 + 1);
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(short_number(0.123456), "0.1235");
        assert_eq!(short_number(1234.6), "1235");
        assert_eq!(short_number(2.0), "2");
        assert_eq!(short_number(-0.5), "-0.5");
        assert_eq!(short_number(1.5e7), "1.5e7");
    }
}
