//! `newsdex eval-dates`: scores time-expression extraction as TempEval-3 Task A.
//!
//! The gold file has one JSON document per line: `file` (the plain text,
//! relative to the gold file's folder or its parent), `dct` and `timex3`
//! annotations with Unicode char offsets. Scores: strict (exact extent) and
//! relaxed (overlapping extent) precision, recall and F1; type and value F1
//! as TempEval-3 defines them, relaxed F1 times the share of relaxed
//! matches whose attribute is right.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use chrono::NaiveDate;
use serde::Deserialize;

use super::{TimeExpression, tag};

// Arguments of `newsdex eval-dates`.
// Not a doc comment: clap would show it as the subcommand's description,
// in place of the one `cli::Command` gives.
#[derive(Debug, Clone, clap::Args)]
pub struct EvalDatesArgs {
    /// A `*.gold.jsonl` file of TempEval-3 gold TIMEX3 annotations.
    pub gold: PathBuf,
    /// Also print every missed, spurious and mis-valued expression.
    #[arg(long)]
    pub errors: bool,
    /// Score only the first N lines of each text: MEANTIME annotates just
    /// the title, the date line and the first four sentences (`--max-lines 6`).
    #[arg(long)]
    pub max_lines: Option<usize>,
}

#[derive(Debug, Deserialize)]
struct GoldDoc {
    file: String,
    #[serde(default)]
    dct: Option<String>,
    #[serde(default)]
    timex3: Vec<GoldTimex>,
}

#[derive(Debug, Deserialize)]
struct GoldTimex {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    value: Option<String>,
    start: Option<usize>,
    end: Option<usize>,
}

/// One gold expression in byte offsets.
#[derive(Debug, Clone)]
struct Span {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

/// Match counts summed over documents.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub type_ok: usize,
    pub value_ok: usize,
}

/// Precision, recall and F1 of `hits` among `system` and `gold` items.
pub fn prf(hits: usize, system: usize, gold: usize) -> (f64, f64, f64) {
    let p = if system == 0 {
        0.0
    } else {
        hits as f64 / system as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        hits as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

impl Counts {
    /// The TempEval-3 attribute F1: relaxed F1 times attribute accuracy.
    pub fn attribute_f1(&self, correct: usize) -> f64 {
        if self.relaxed == 0 {
            return 0.0;
        }
        prf(self.relaxed, self.system, self.gold).2 * correct as f64 / self.relaxed as f64
    }
}

pub fn run(args: &EvalDatesArgs) -> anyhow::Result<()> {
    let gold_text = std::fs::read_to_string(&args.gold)
        .with_context(|| format!("reading {}", args.gold.display()))?;
    let base = args.gold.parent().unwrap_or(Path::new("."));
    let mut total = Counts::default();
    let mut report = String::new();
    for (line_no, line) in gold_text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: GoldDoc = serde_json::from_str(line)
            .with_context(|| format!("{}:{}", args.gold.display(), line_no + 1))?;
        let text = read_doc_text(base, &doc.file)?;
        let dct = doc.dct.as_deref().and_then(parse_dct);
        let limit = args.max_lines.map_or(text.len(), |n| end_of_line(&text, n));
        let mut gold = gold_spans(&text, &doc.timex3);
        gold.retain(|g| g.start < limit);
        let mut system = tag(&text, dct);
        system.retain(|e| e.start < limit);
        let counts = score(&gold, &system);
        if args.errors {
            let label = match dct {
                Some(d) => format!("{} {d}", doc.file),
                None => doc.file.clone(),
            };
            describe_errors(&mut report, &label, &text, &gold, &system);
        }
        total = add(total, counts);
    }
    if args.errors {
        print!("{report}");
    }
    print_scores(&args.gold, &total);
    Ok(())
}

fn read_doc_text(base: &Path, file: &str) -> anyhow::Result<String> {
    let candidates = [base.join(file), base.parent().unwrap_or(base).join(file)];
    for path in &candidates {
        if path.is_file() {
            return std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()));
        }
    }
    anyhow::bail!("text {file} not found next to the gold file")
}

/// The byte offset where line `n` (counted from 1) ends.
fn end_of_line(text: &str, n: usize) -> usize {
    text.match_indices('\n')
        .nth(n.saturating_sub(1))
        .map_or(text.len(), |(i, _)| i)
}

/// DCTs come as `1998-08-07`, `1998-02-27T08:17:00` or `03-02-2009`.
fn parse_dct(dct: &str) -> Option<NaiveDate> {
    let head = dct.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(head, "%d-%m-%Y"))
        .ok()
}

/// Gold annotations with their char offsets turned into byte offsets.
fn gold_spans(text: &str, timex: &[GoldTimex]) -> Vec<Span> {
    let mut byte_of_char: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_of_char.push(text.len());
    timex
        .iter()
        .filter_map(|t| {
            let (start, end) = (t.start?, t.end?);
            Some(Span {
                start: *byte_of_char.get(start)?,
                end: *byte_of_char.get(end)?,
                kind: t.kind.clone(),
                value: t.value.clone().unwrap_or_default(),
            })
        })
        .filter(|s| s.start < s.end)
        .collect()
}

fn overlaps(a: &Span, b: &TimeExpression) -> bool {
    a.start < b.end && b.start < a.end
}

/// Pairs each gold expression with the first unused overlapping system one.
fn pair(gold: &[Span], system: &[TimeExpression]) -> Vec<(usize, usize)> {
    let mut used = vec![false; system.len()];
    let mut pairs = Vec::new();
    for (g, span) in gold.iter().enumerate() {
        // Prefer an exact match, then any overlap.
        let exact = system
            .iter()
            .enumerate()
            .position(|(s, e)| !used[s] && e.start == span.start && e.end == span.end);
        let any = exact.or_else(|| {
            system
                .iter()
                .enumerate()
                .position(|(s, e)| !used[s] && overlaps(span, e))
        });
        if let Some(s) = any {
            used[s] = true;
            pairs.push((g, s));
        }
    }
    pairs
}

fn score(gold: &[Span], system: &[TimeExpression]) -> Counts {
    let pairs = pair(gold, system);
    let mut c = Counts {
        gold: gold.len(),
        system: system.len(),
        relaxed: pairs.len(),
        ..Counts::default()
    };
    for &(g, s) in &pairs {
        let (gold, sys) = (&gold[g], &system[s]);
        if gold.start == sys.start && gold.end == sys.end {
            c.strict += 1;
        }
        if gold.kind == sys.kind.as_str() {
            c.type_ok += 1;
        }
        if gold.value == sys.value {
            c.value_ok += 1;
        }
    }
    c
}

fn add(a: Counts, b: Counts) -> Counts {
    Counts {
        gold: a.gold + b.gold,
        system: a.system + b.system,
        strict: a.strict + b.strict,
        relaxed: a.relaxed + b.relaxed,
        type_ok: a.type_ok + b.type_ok,
        value_ok: a.value_ok + b.value_ok,
    }
}

fn describe_errors(
    out: &mut String,
    file: &str,
    text: &str,
    gold: &[Span],
    system: &[TimeExpression],
) {
    let pairs = pair(gold, system);
    let mut gold_matched = vec![false; gold.len()];
    let mut sys_matched = vec![false; system.len()];
    for &(g, s) in &pairs {
        gold_matched[g] = true;
        sys_matched[s] = true;
        let (gs, ss) = (&gold[g], &system[s]);
        let strict = gs.start == ss.start && gs.end == ss.end;
        if !strict || gs.value != ss.value || gs.kind != ss.kind.as_str() {
            let ctx_start = text.floor_char_boundary(gs.start.saturating_sub(60));
            let ctx_end = text.ceil_char_boundary((gs.end + 60).min(text.len()));
            let _ = writeln!(
                out,
                "DIFF\t{file}\t{:?} {} {}\t=> {:?} {} {}\t| {:?}",
                &text[gs.start..gs.end],
                gs.kind,
                gs.value,
                ss.text,
                ss.kind.as_str(),
                ss.value,
                &text[ctx_start..ctx_end]
            );
        }
    }
    for (g, gs) in gold.iter().enumerate().filter(|(g, _)| !gold_matched[*g]) {
        let _ = g;
        let ctx_start = text.floor_char_boundary(gs.start.saturating_sub(30));
        let ctx_end = text.ceil_char_boundary((gs.end + 30).min(text.len()));
        let _ = writeln!(
            out,
            "MISS\t{file}\t{:?} {} {}\t| {:?}",
            &text[gs.start..gs.end],
            gs.kind,
            gs.value,
            &text[ctx_start..ctx_end]
        );
    }
    for (_, ss) in system.iter().enumerate().filter(|(s, _)| !sys_matched[*s]) {
        let ctx_start = text.floor_char_boundary(ss.start.saturating_sub(30));
        let ctx_end = text.ceil_char_boundary((ss.end + 30).min(text.len()));
        let _ = writeln!(
            out,
            "SPUR\t{file}\t{:?} {} {}\t| {:?}",
            ss.text,
            ss.kind.as_str(),
            ss.value,
            &text[ctx_start..ctx_end]
        );
    }
}

fn print_scores(gold: &Path, c: &Counts) {
    let (sp, sr, sf) = prf(c.strict, c.system, c.gold);
    let (rp, rr, rf) = prf(c.relaxed, c.system, c.gold);
    println!("{}", gold.display());
    println!(
        "  gold {}  system {}  strict {}  relaxed {}",
        c.gold, c.system, c.strict, c.relaxed
    );
    println!("  strict   P {sp:.3}  R {sr:.3}  F1 {sf:.3}");
    println!("  relaxed  P {rp:.3}  R {rr:.3}  F1 {rf:.3}");
    println!("  type  F1 {:.3}", c.attribute_f1(c.type_ok));
    println!("  value F1 {:.3}", c.attribute_f1(c.value_ok));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::TimexType;

    fn sys(start: usize, end: usize, value: &str) -> TimeExpression {
        TimeExpression {
            text: String::new(),
            kind: TimexType::Date,
            value: value.into(),
            start,
            end,
        }
    }

    fn gold(start: usize, end: usize, value: &str) -> Span {
        Span {
            start,
            end,
            kind: "DATE".into(),
            value: value.into(),
        }
    }

    #[test]
    fn scores_strict_relaxed_and_attributes() {
        let g = [
            gold(0, 5, "2024"),
            gold(10, 20, "2024-12"),
            gold(30, 35, "P1Y"),
        ];
        let s = [sys(0, 5, "2024"), sys(12, 20, "2023-12"), sys(40, 45, "X")];
        let c = score(&g, &s);
        assert_eq!((c.strict, c.relaxed, c.value_ok, c.type_ok), (1, 2, 1, 2));
        let (_, _, f) = prf(2, 3, 3);
        assert!((c.attribute_f1(c.value_ok) - f / 2.0).abs() < 1e-9);
    }

    #[test]
    fn char_offsets_become_byte_offsets() {
        let text = "caf\u{e9} 1998";
        let t = [GoldTimex {
            kind: "DATE".into(),
            value: Some("1998".into()),
            start: Some(5),
            end: Some(9),
        }];
        let spans = gold_spans(text, &t);
        assert_eq!(&text[spans[0].start..spans[0].end], "1998");
    }

    #[test]
    fn dct_formats() {
        assert_eq!(
            parse_dct("1998-02-27T08:17:00"),
            NaiveDate::from_ymd_opt(1998, 2, 27)
        );
        assert_eq!(parse_dct("03-02-2009"), NaiveDate::from_ymd_opt(2009, 2, 3));
        assert_eq!(parse_dct("junk"), None);
    }
}
