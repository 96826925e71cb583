//! Search results as text for a person at a terminal.

use std::io::{self, Write};

use super::snippet::snippet;
use super::{SNIPPET_BYTES, Style};
use crate::search::{ArticlePassage, Hit, SearchResults};

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Writes each hit as a header line (where, when, score), the title, the
/// snippet with highlights, and the entities and dates it mentions.
pub fn write_hits(out: &mut dyn Write, style: Style, results: &SearchResults) -> io::Result<()> {
    let (bold, dim, reset) = match style {
        Style::Ansi => (BOLD, DIM, RESET),
        Style::Plain => ("", "", ""),
    };
    for (rank, hit) in results.hits.iter().enumerate() {
        if rank > 0 {
            writeln!(out)?;
        }
        let published = hit
            .published
            .map_or_else(|| "undated".to_string(), |d| d.to_string());
        writeln!(
            out,
            "{dim}{}.{reset} {bold}{}:{}{reset} {dim}passage {} · {published} · score {:.2}{reset}",
            rank + 1,
            hit.path,
            hit.line,
            hit.passage,
            hit.score
        )?;
        // A headline-only story's passage is its title: show it once, as
        // the snippet, which carries the highlights.
        if let Some(title) = hit.title.as_ref().filter(|t| t.trim() != hit.text.trim()) {
            writeln!(out, "   {bold}{title}{reset}")?;
        }
        writeln!(out, "   {}", render_snippet(hit, style))?;
        let facts = facts(hit);
        if !facts.is_empty() {
            writeln!(out, "   {dim}{facts}{reset}")?;
        }
        if !hit.duplicates.is_empty() {
            let places: Vec<String> = hit
                .duplicates
                .iter()
                .take(3)
                .map(|d| format!("{}:{}", d.path, d.line))
                .collect();
            let more = hit.duplicates.len().saturating_sub(places.len());
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            writeln!(out, "   {dim}also at {}{more}{reset}", places.join(", "))?;
        }
        for neighbour in &hit.context {
            let text: String = neighbour
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            writeln!(out, "   {dim}[{}] {text}{reset}", neighbour.passage)?;
        }
    }
    if results.total > results.hits.len() {
        writeln!(
            out,
            "\n{dim}{} of {} matching passages shown{reset}",
            results.hits.len(),
            results.total
        )?;
    }
    Ok(())
}

/// Writes an article's passages in order, each with its entities and dates.
pub fn write_article(
    out: &mut dyn Write,
    style: Style,
    passages: &[ArticlePassage],
) -> io::Result<()> {
    let (bold, dim, reset) = match style {
        Style::Ansi => (BOLD, DIM, RESET),
        Style::Plain => ("", "", ""),
    };
    let mut current_article = None;
    for p in passages {
        let article = Some((&p.source, &p.article));
        if current_article != article {
            if current_article.is_some() {
                writeln!(out)?;
            }
            current_article = article;
            let published = p
                .published
                .map_or_else(|| "undated".to_string(), |d| d.to_string());
            writeln!(
                out,
                "{bold}{}{reset}",
                p.title.as_deref().unwrap_or("(untitled)")
            )?;
            writeln!(
                out,
                "{dim}{} · {published}{}{reset}",
                p.path,
                p.url
                    .as_deref()
                    .map(|u| format!(" · {u}"))
                    .unwrap_or_default()
            )?;
        }
        writeln!(out)?;
        writeln!(out, "{dim}[{}] line {}{reset}", p.passage, p.line)?;
        writeln!(out, "{}", p.text)?;
        let facts = facts(p);
        if !facts.is_empty() {
            writeln!(out, "{dim}{facts}{reset}")?;
        }
    }
    Ok(())
}

fn render_snippet(hit: &Hit, style: Style) -> String {
    let (open, close) = match style {
        Style::Ansi => (BOLD, RESET),
        Style::Plain => ("", ""),
    };
    let rendered = snippet(&hit.text, &hit.highlights, SNIPPET_BYTES).render(open, close);
    // One line per hit: passages of hard-wrapped text keep their newlines.
    rendered.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "PER Ilham Aliyev, Vladimir Putin · LOC Baku · dates 2024-12-25"
fn facts(hit: &Hit) -> String {
    let mut parts = Vec::new();
    for label in ["PER", "ORG", "LOC", "MISC"] {
        let names = hit.names(label);
        if !names.is_empty() {
            parts.push(format!("{label} {}", names.join(", ")));
        }
    }
    let mut dates: Vec<String> = hit
        .dates
        .iter()
        .filter(|d| d.kind == "DATE" || d.kind == "TIME")
        .map(|d| d.value.clone())
        .collect();
    dates.dedup();
    if !dates.is_empty() {
        parts.push(format!("dates {}", dates.join(", ")));
    }
    parts.join(" · ")
}
