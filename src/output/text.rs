//! Search results as text for a person at a terminal.

use std::borrow::Cow;
use std::io::{self, Write};

use super::snippet::snippet;
use super::{SNIPPET_BYTES, Style};
use crate::schema::article_identity;
use crate::search::{ArticlePassage, ContextPassage, Hit, SearchResults};

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
            "{dim}{}.{reset} {bold}{}:{}{reset} {dim}passage {}{} · {published}{} · score {:.2}{reset}",
            results.offset + rank + 1,
            printable(&hit.path),
            hit.line,
            hit.passage,
            one_of_many(hit),
            in_section(hit.section.as_deref()),
            hit.score
        )?;
        // A headline-only story's passage is its title: show it once, as
        // the snippet, which carries the highlights.
        if let Some(title) = hit.title.as_ref().filter(|t| t.trim() != hit.text.trim()) {
            writeln!(out, "   {bold}{}{reset}", printable(title))?;
        }
        // Neighbours stand where they are in the article: those before the
        // hit above its snippet, those after it below.
        let (before, after): (Vec<_>, Vec<_>) =
            hit.context.iter().partition(|c| c.passage < hit.passage);
        let neighbour_line = |neighbour: &ContextPassage| {
            let text: String = printable(&neighbour.text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            format!("   {dim}[{}] {text}{reset}", neighbour.passage)
        };
        for neighbour in before {
            writeln!(out, "{}", neighbour_line(neighbour))?;
        }
        writeln!(out, "   {}", render_snippet(hit, style))?;
        let facts = facts(hit);
        if !facts.is_empty() {
            writeln!(out, "   {dim}{}{reset}", printable(&facts))?;
        }
        if !hit.duplicates.is_empty() {
            let places: Vec<String> = hit
                .duplicates
                .iter()
                .take(3)
                .map(|d| format!("{}:{}", printable(&d.path), d.line))
                .collect();
            let more = hit.duplicates.len().saturating_sub(places.len());
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            writeln!(out, "   {dim}also at {}{more}{reset}", places.join(", "))?;
        }
        for neighbour in after {
            writeln!(out, "{}", neighbour_line(neighbour))?;
        }
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
                printable(p.title.as_deref().unwrap_or("(untitled)"))
            )?;
            writeln!(
                out,
                "{dim}{} · {published}{}{}{reset}",
                printable(&p.path),
                in_section(p.section.as_deref()),
                p.url
                    .as_deref()
                    .map(|u| format!(" · {}", printable(u)))
                    .unwrap_or_default()
            )?;
        }
        writeln!(out)?;
        writeln!(out, "{dim}[{}] line {}{reset}", p.passage, p.line)?;
        writeln!(out, "{}", printable(&p.text))?;
        let facts = facts(p);
        if !facts.is_empty() {
            writeln!(out, "{dim}{}{reset}", printable(&facts))?;
        }
    }
    Ok(())
}

/// ` · in SECTION` after the date, for an article whose metadata names
/// the section it ran in.
fn in_section(section: Option<&str>) -> String {
    section.map_or_else(String::new, |s| format!(" · in {}", printable(s)))
}

/// ` · article ID` for a hit in a file of many articles (JSON records):
/// what `newsdex show` takes to open that article, which `PATH:LINE` alone
/// cannot tell from the others when they share a line.
fn one_of_many(hit: &Hit) -> String {
    let identity = article_identity(&hit.source, &hit.article);
    if identity == hit.source {
        String::new()
    } else {
        format!(" · article {}", printable(&identity))
    }
}

fn render_snippet(hit: &Hit, style: Style) -> String {
    let (open, close) = match style {
        Style::Ansi => (BOLD, RESET),
        Style::Plain => ("", ""),
    };
    // Same length as the text, so the highlights' offsets still hold.
    let text = printable(&hit.text);
    let rendered = snippet(&text, &hit.highlights, SNIPPET_BYTES).render(open, close);
    // One line per hit: passages of hard-wrapped text keep their newlines.
    rendered.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` with the characters a terminal would obey made spaces, as many
/// bytes as they took, so that offsets into the text still hold: control
/// characters (an escape sequence in a scraped page: colours, a window
/// title, a cleared screen; a carriage return that overwrites the line),
/// line and paragraph separators, and the direction overrides and isolates
/// that make a title or path read other than it is. Tabs and line feeds
/// stay.
pub(super) fn printable(text: &str) -> Cow<'_, str> {
    let is_control = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n'))
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_control(c) {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A TIMEX3 value as a reader writes it: a decade (`199`) as `1990s`, a
/// century (`18`, the 1800s) as `19th century`, `PRESENT_REF` as `now`;
/// other values are readable as they are.
fn readable_date(value: &str) -> String {
    let digits = value.bytes().all(|b| b.is_ascii_digit());
    match value.len() {
        3 if digits => format!("{value}0s"),
        2 if digits => {
            let century = value.parse::<u32>().unwrap_or(0) + 1;
            let suffix = match (century % 10, century % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{century}{suffix} century")
        }
        _ => match value {
            "PRESENT_REF" => "now".to_string(),
            "PAST_REF" => "the past".to_string(),
            "FUTURE_REF" => "the future".to_string(),
            _ => value.to_string(),
        },
    }
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
    let mut dates: Vec<String> = Vec::new();
    for date in hit
        .dates
        .iter()
        .filter(|d| d.kind == "DATE" || d.kind == "TIME")
    {
        // A day the tagger could not place (`XXXX-XX-XX`) tells nothing.
        if date.value.contains('X') {
            continue;
        }
        let shown = readable_date(&date.value);
        if !dates.contains(&shown) {
            dates.push(shown);
        }
    }
    if !dates.is_empty() {
        parts.push(format!("dates {}", dates.join(", ")));
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::readable_date;

    #[test]
    fn dates_read_as_written() {
        let cases = [
            ("2024-12-25", "2024-12-25"),
            ("199", "1990s"),
            ("18", "19th century"),
            ("20", "21st century"),
            ("10", "11th century"),
            ("21", "22nd century"),
            ("PRESENT_REF", "now"),
        ];
        for (value, want) in cases {
            assert_eq!(readable_date(value), want, "{value}");
        }
    }
}
