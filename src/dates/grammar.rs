//! The grammar: rules over tokens that recognise time expressions and
//! compute their TIMEX3 type and value.
//!
//! Each rule looks at a bounded number of tokens from a start position and
//! returns where it ends; the tagger keeps the longest match at each
//! position and continues after it, so the whole scan is linear. Extents
//! follow the TimeML guidelines as drawn in the TempEval-3 gold data:
//! determiners and temporal modifiers ("the", "early", "about", "ago") are
//! inside, prepositions ("on", "in", "since") are outside.

use chrono::{Datelike, NaiveDate, Weekday};

use super::TimexType;
use super::lexicon::{DayPart, Lex, Season, Unit, W};
use super::resolve::{self as r, Direction, Tense};
use super::scan::{Kind, Token};
use super::tense::{ends_sentence, past_verb_before, tense_around, weekday_tense};

mod day_range;
mod four_digits;
mod games;
mod holidays;
mod month_reported;
mod year_compared;
mod year_reported;

use day_range::OpenRange;
use month_reported::ReportedMonth;

/// How far (in tokens) a named quarter keeps "a year earlier" a quarter.
const QUARTER_CONTEXT_TOKENS: usize = 120;

/// One recognised expression: tokens `start..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub kind: TimexType,
    pub value: String,
}

/// The rules' view of one document.
pub struct Grammar<'a> {
    text: &'a str,
    lower: &'a str,
    toks: &'a [Token],
    dct: Option<NaiveDate>,
    /// The last quarter the document named, so that "a year earlier" and
    /// "the year-ago quarter" in earnings reports refer to its counterpart.
    last_quarter: Option<(i32, u32)>,
    /// The token where `last_quarter` was named.
    last_quarter_at: usize,
    /// The last day the document named ("October 10, 2008", "Monday"):
    /// "the day" of a narrative refers to it.
    reference_day: Option<NaiveDate>,
    /// The token after the expression that set `reference_day`.
    reference_day_end: usize,
    /// The last month the document named ("sales rose in February"):
    /// "the same period last year" compares with its counterpart.
    last_month: Option<(i32, u32)>,
    /// The token after the expression that set `last_month`: a month
    /// listed right after it ("in May, June and July") follows it.
    last_month_end: usize,
    /// The day just tagged, if a range may follow: "March 3" in "March 3-5".
    open_range: Option<OpenRange>,
    /// The last year named as such (not derived with "ago" or
    /// "earlier"): "in 1986 from 20,430 a year earlier" is 1985.
    last_dated: Option<Dated>,
    /// The last year the story wrote out, alone or in a date ("in 1986",
    /// "June 1998", "May 22, 1995"): "the following year" and "that year"
    /// refer back to it.
    told_year: Option<Dated>,
    /// The last year written alone in figures ("1986 net earnings"), not
    /// "last year": a period "year-ago" figures may compare with.
    figures_year: Option<Dated>,
    /// The last year in figures that is the DCT's, or the one before in
    /// the first four months:
    /// the year a results story reports on, which a comparison with an
    /// older one ("a 1986 net loss ... against a profit in 1985") leaves
    /// standing.
    reported_year: Option<Dated>,
    /// The latest month a statistics story has named: "the previous
    /// month" of a later sentence counts back from it.
    reported_month: Option<ReportedMonth>,
}

/// A year the text named, which "a year earlier" in its sentence counts
/// back from.
#[derive(Debug, Clone, Copy)]
struct Dated {
    year: i32,
    /// The token after the date.
    end: usize,
}

/// How far (in tokens) a date named keeps "a year earlier" its
/// counterpart: within the sentence, which this bounds.
const DATED_CONTEXT_TOKENS: usize = 40;

/// How far before the end of a day's expression "week ended" may stand:
/// "the week ended Wednesday, March 25" has five tokens from "ended".
const WEEK_ENDED_TOKENS: usize = 7;

/// How far after a day the name of the political camp it names may end:
/// "the March 14 anti-Syrian alliance" has three tokens between.
const CAMP_MODIFIERS: usize = 5;

/// Words that open or join phrases: no modifier of a noun between a day
/// and the word after them.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "is", "its", "of", "on", "or",
    "that", "the", "their", "to", "was", "were", "when", "which", "who", "with",
];

/// How far (in tokens) a year or day the story named keeps "the
/// following year" and "that day" its own: a few sentences of narrative
/// ("... in 2002. The following year Bournemouth hosted it").
const TOLD_TOKENS: usize = 80;

/// What a rule found: its end token, type and value.
type Found = Option<(usize, TimexType, String)>;

fn date(end: usize, value: String) -> Found {
    Some((end, TimexType::Date, value))
}

/// A clock time inside a day.
#[derive(Debug, Clone, Copy)]
struct Clock {
    hour: u32,
    minute: u32,
}

impl<'a> Grammar<'a> {
    pub fn new(text: &'a str, lower: &'a str, toks: &'a [Token], dct: Option<NaiveDate>) -> Self {
        Grammar {
            text,
            lower,
            toks,
            dct,
            last_quarter: None,
            last_quarter_at: 0,
            reference_day: None,
            reference_day_end: 0,
            last_month: None,
            last_month_end: 0,
            open_range: None,
            last_dated: None,
            told_year: None,
            figures_year: None,
            reported_year: None,
            reported_month: None,
        }
    }

    /// The longest expression starting at token `i` and ending before
    /// token `end`, if any.
    pub fn match_before(&mut self, i: usize, end: usize) -> Option<Match> {
        let all = self.toks;
        self.toks = &all[..end.min(all.len())];
        let found = self.match_at(i);
        self.toks = all;
        found
    }

    /// The longest expression starting at token `i`, if any.
    pub fn match_at(&mut self, i: usize) -> Option<Match> {
        if !self.may_start(i) {
            return None;
        }
        let mut found = self.longest_with_prefix(i);
        if let Some(range) = self.range_day(i)
            && found.as_ref().is_none_or(|f| range.0 > f.0)
        {
            found = Some(range);
        }
        let (end, kind, value) = found?;
        if self.names_a_round(end) || self.names_a_camp(i, end) {
            return None;
        }
        // "the year-ago figure", "a year-earlier loss": neither this year
        // nor a span of one, but the one word "year-ago", read from "year".
        if end > i + 1 && self.year_ago_at(end - 1) {
            return None;
        }
        // "year-on-year", "month-over-month": a comparison, not a time.
        if self.glued(end)
            && self.punct(end, b'-')
            && matches!(self.word(end + 1), "on" | "over")
            && self.punct(end + 2, b'-')
            && self.unit(end + 3).is_some()
        {
            return None;
        }
        // Only a quarter named as such anchors later "a year earlier"s;
        // "the year-ago quarter" is itself derived from one.
        // "The previous month" is derived from the month named before it,
        // which stays the one a sentence compares ("up 0.6 pct from the
        // previous month and 7.8 pct from the same month last year").
        let previous_one = self.is(i, W::The)
            && self.is(i + 1, W::Previous)
            && matches!(self.unit(i + 2), Some((Unit::Month | Unit::Quarter, false)));
        let derived =
            (i..end).any(|k| self.is(k, W::Ago) || self.is(k, W::Earlier)) || previous_one;
        // "the 1985 quarter", "the same 1986 month" are counterparts of the
        // period reported on, so they anchor nothing either.
        let counterpart = (i..end).any(|k| {
            matches!(self.number(k), Some((_, 4)))
                && matches!(self.unit(k + 1), Some((Unit::Quarter | Unit::Month, _)))
        });
        if let Some(q) = parse_quarter_value(&value)
            && !derived
            && !counterpart
        {
            self.last_quarter = Some(q);
            self.last_quarter_at = i;
        }
        // An index's base year ("(base 1985)", "1980=100") dates no
        // figure of the sentence, and the second year of a split one
        // ("1987/88") leaves the first as the year counted back from.
        let base = i > 0 && self.word(i - 1) == "base"
            || self.word(end) == "base"
            || self.punct(end, b'=');
        let split = self.second_of_split_year(i).is_some();
        if kind == TimexType::Date && !derived && !base && !split {
            self.last_dated = dated(&value, end).or(self.last_dated);
            self.told_year = self.year_written(i, end, &value).or(self.told_year);
            if let Some(d) = dated(&value, end)
                && (i..end).any(
                    |k| matches!(self.number(k), Some((n, 4)) if i32::try_from(n) == Ok(d.year)),
                )
            {
                self.figures_year = Some(d);
                // Last year's results come out in the first months.
                if self.dct.is_some_and(|dct| {
                    d.year == dct.year() || d.year == dct.year() - 1 && dct.month() <= 4
                }) {
                    self.reported_year = Some(d);
                }
            }
        }
        if kind == TimexType::Date
            && let Some(day) = Self::day_of(&value)
        {
            self.reference_day = Some(day);
            self.reference_day_end = end;
        }
        self.open_range = match kind {
            TimexType::Date => self.range_opened_by(end, &value),
            _ => None,
        };
        if kind == TimexType::Date
            && value.len() == 7
            && !counterpart
            && !derived
            && let (Ok(y), Ok(m)) = (value[..4].parse::<i32>(), value[5..].parse::<u32>())
        {
            self.last_month = Some((y, m));
            self.last_month_end = end;
            self.note_month_named((y, m), end);
        }
        Some(Match {
            start: i,
            end,
            kind,
            value,
        })
    }

    /// The year of a date value whose tokens `i..end` write it out: "1986",
    /// "June 1998", "May 22, 1995", but not "June" or "Monday", which take
    /// their year from the DCT.
    fn year_written(&self, i: usize, end: usize, value: &str) -> Option<Dated> {
        let year = value.get(..4)?.parse::<i32>().ok()?;
        let written = value.len() == 4
            || (i..end)
                .any(|k| matches!(self.number(k), Some((n, 4)) if i32::try_from(n) == Ok(year)));
        written.then_some(Dated { year, end })
    }

    /// The day a day-granular date value names.
    fn day_of(value: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
    }

    /// A cheap filter: most tokens cannot start an expression.
    fn may_start(&self, i: usize) -> bool {
        match self.toks[i].kind {
            // Most holiday names start with a word of no date sense:
            // "Good Friday", "Memorial Day".
            Kind::Word(Lex::Unknown) => {
                self.capitalized(i) && holidays::may_start_name(self.word(i))
            }
            Kind::Word(_) | Kind::Number { .. } => true,
            Kind::Punct(b'\'') => {
                matches!(self.kind(i + 1), Some(Kind::Number { digits: 2, .. }))
                    || matches!(self.lex(i + 1), Lex::Decades(_))
            }
            _ => false,
        }
    }

    // ---- token helpers -------------------------------------------------

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn lex(&self, i: usize) -> Lex {
        match self.kind(i) {
            Some(Kind::Word(l)) => l,
            _ => Lex::Unknown,
        }
    }

    fn is(&self, i: usize, w: W) -> bool {
        self.lex(i) == Lex::Word(w)
    }

    fn punct(&self, i: usize, b: u8) -> bool {
        self.kind(i) == Some(Kind::Punct(b))
    }

    fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.lower[t.start..t.end])
    }

    fn number(&self, i: usize) -> Option<(u32, u8)> {
        match self.kind(i) {
            Some(Kind::Number { value, digits }) => Some((value, digits)),
            _ => None,
        }
    }

    /// Whether a number comes just before token `i`.
    fn after_number(&self, i: usize) -> bool {
        i > 0 && self.number(i - 1).is_some()
    }

    /// Whether token `i` is glued to the previous one (no space).
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| self.text.as_bytes()[t.start].is_ascii_uppercase())
    }

    /// Skips a hyphen glued between two words ("six-month").
    fn hyphen(&self, i: usize) -> usize {
        if self.punct(i, b'-') { i + 1 } else { i }
    }

    /// Skips an optional period after an abbreviation ("Dec.").
    fn period(&self, i: usize) -> usize {
        if self.punct(i, b'.') && self.glued(i) {
            i + 1
        } else {
            i
        }
    }

    fn tense(&self, start: usize, end: usize) -> Tense {
        tense_around(self.lower, self.toks, start, end)
    }

    // ---- prefixes --------------------------------------------------------

    /// Applies the modifiers that may precede any core expression, then the
    /// core rules, keeping the longest result.
    fn longest_with_prefix(&self, i: usize) -> Found {
        let mut best = self.core(i);
        let mut consider = |found: Found| {
            if let Some(f) = found
                && best.as_ref().is_none_or(|b| f.0 > b.0)
            {
                best = Some(f);
            }
        };
        // Approximators before durations and "ago" dates: "nearly two
        // years", "more than four hours", "at least 72 hours".
        if let Some(j) = self.approximator(i) {
            let core = self.core(j).filter(|(_, kind, value)| {
                *kind == TimexType::Duration
                    || (*kind == TimexType::Date && !value.starts_with('P')) && !self.is(j, W::The)
            });
            consider(core);
        }
        // "early", "late", "mid-", "the early", "earlier", "later".
        if let Some(j) = self.position_modifier(i) {
            let core = self
                .core(j)
                .filter(|(_, kind, _)| *kind != TimexType::Duration);
            consider(core);
        }
        best
    }

    fn approximator(&self, i: usize) -> Option<usize> {
        match self.lex(i) {
            // The gold data leaves "about", "around", "only", "just",
            // "over" and "within" outside but keeps these inside.
            Lex::Word(W::About) if matches!(self.word(i), "nearly" | "almost") => Some(i + 1),
            Lex::Word(W::More | W::Less) if self.is(i + 1, W::Than) => Some(i + 2),
            Lex::Word(W::At) if self.is(i + 1, W::Least) => Some(i + 2),
            Lex::Word(W::Up) if self.is(i + 1, W::To) => Some(i + 2),
            _ => None,
        }
    }

    fn position_modifier(&self, i: usize) -> Option<usize> {
        let j = if self.is(i, W::The) { i + 1 } else { i };
        match self.lex(j) {
            Lex::Word(W::Early | W::Late | W::Mid) => Some(self.hyphen(j + 1)),
            Lex::Word(W::Earlier | W::Later) if j == i => Some(j + 1),
            // "end-1986", "by end-March": the end of what follows.
            Lex::Word(W::End)
                if j == i && self.punct(j + 1, b'-') && self.glued(j + 1) && self.glued(j + 2) =>
            {
                Some(j + 2)
            }
            Lex::Word(W::Beginning | W::End | W::Middle | W::Start)
                if j > i && self.is(j + 1, W::Of) =>
            {
                Some(j + 2)
            }
            _ => None,
        }
    }

    // ---- core rules ------------------------------------------------------

    fn core(&self, i: usize) -> Found {
        // Words that only open a prefix ("more than", "up to", "at least",
        // "about") or follow a start ("the end of") begin no rule: a
        // quarter of the calls, answered without trying the 14 rules.
        // Debug builds (every test) check that claim on each such call.
        if matches!(
            self.lex(i),
            Lex::Word(W::To | W::Of | W::At | W::About | W::Up | W::More | W::Less | W::Than)
        ) {
            debug_assert!(
                self.longest_rule(i).is_none(),
                "a rule starts at {:?}",
                self.word(i)
            );
            return None;
        }
        self.longest_rule(i)
    }

    /// The longest match of any core rule at `i`.
    fn longest_rule(&self, i: usize) -> Found {
        // The rules are called directly, in this order, not through a list
        // of closures: called through pointers, none could be inlined, and
        // the rules at each start took a quarter more instructions.
        let mut best: Found = None;
        let mut keep = |found: Found| {
            if let Some(found) = found
                && best.as_ref().is_none_or(|b| found.0 > b.0)
            {
                best = Some(found);
            }
        };
        keep(self.deictic(i));
        keep(self.weekday(i));
        keep(self.month_date(i));
        keep(self.day_month(i));
        keep(self.numeric_date(i));
        keep(self.year(i));
        keep(self.relative(i));
        keep(self.quarter(i));
        // Sets before durations: "a year" after an amount is a rate.
        keep(self.set(i));
        keep(self.duration(i));
        keep(self.ago(i));
        keep(self.clock_time(i));
        keep(self.holiday(i));
        keep(self.same_period(i));
        best
    }

    /// Words that point at the DCT: "now", "today", "yesterday morning",
    /// "tonight", "recently", "the past", "the future".
    fn deictic(&self, i: usize) -> Found {
        let dct = self.dct;
        let day = |offset: i64| dct.and_then(|d| r::add_days(d, offset));
        match self.lex(i) {
            // "the now-cancelled deal": an adjective prefix, not a time.
            Lex::Word(W::Now) if self.punct(i + 1, b'-') && self.glued(i + 1) => None,
            Lex::Word(W::Now) => date(i + 1, "PRESENT_REF".into()),
            Lex::Word(W::Right) if self.is(i + 1, W::Now) => date(i + 2, "PRESENT_REF".into()),
            Lex::Word(W::Currently | W::Nowadays) => date(i + 1, "PRESENT_REF".into()),
            Lex::Word(W::These) if self.unit(i + 1) == Some((Unit::Day, true)) => {
                date(i + 2, "PRESENT_REF".into())
            }
            // "previously" and "soon" are left out: the gold data tags
            // them too rarely (3 of 24, 6 of 20) for them to pay.
            Lex::Word(W::Recently | W::Lately | W::Recent) => date(i + 1, "PAST_REF".into()),
            // "the current account", "current assets": names of balances
            // in economic news, not the present.
            Lex::Word(W::Current)
                if matches!(
                    self.word(i + 1),
                    "account" | "accounts" | "assets" | "liabilities" | "ratio"
                ) =>
            {
                None
            }
            Lex::Word(W::Current) => date(i + 1, "PRESENT_REF".into()),
            // "year-end", "year end", "year's end".
            Lex::Unit {
                unit: Unit::Year,
                plural: false,
            } => {
                let k = if self.punct(i + 1, b'-') {
                    i + 2
                } else if self.punct(i + 1, b'\'') && self.word(i + 2) == "s" {
                    i + 3
                } else {
                    i + 1
                };
                if !self.is(k, W::End) {
                    return None;
                }
                // "At year-end 1986": the end of the year written.
                if let Some((year, end)) = self.year_number(k + 1) {
                    return date(end, r::year_value(year));
                }
                date(k + 1, self.reported_year_value(i, k + 1))
            }
            Lex::Word(W::Today) if self.names_a_title(i) => None,
            Lex::Word(W::Today) => self.day_with_part(i + 1, day(0)),
            Lex::Word(W::Yesterday) => self.day_with_part(i + 1, day(-1)),
            // "wished Hong Kong a better tomorrow": the future, no day.
            Lex::Word(W::Tomorrow) if self.names_the_future(i) => date(i + 1, "FUTURE_REF".into()),
            Lex::Word(W::Tomorrow) => self.day_with_part(i + 1, day(1)),
            Lex::Word(W::Tonight) => {
                Some((i + 1, TimexType::Time, format!("{}TNI", day_or_x(day(0)))))
            }
            Lex::Word(W::Last) if self.lex(i + 1) == Lex::DayPart(DayPart::Night) => {
                Some((i + 2, TimexType::Time, format!("{}TNI", day_or_x(day(-1)))))
            }
            Lex::Word(W::This) => match self.lex(i + 1) {
                Lex::DayPart(part) => Some((
                    i + 2,
                    TimexType::Time,
                    format!("{}T{}", day_or_x(day(0)), part.code()),
                )),
                _ => None,
            },
            Lex::Word(W::The) => match self.lex(i + 1) {
                // "the year", "the week", "the day": the DCT's, except for a
                // span: "during the year", "the year ended March 31".
                Lex::Unit {
                    unit: unit @ (Unit::Year | Unit::Week | Unit::Day | Unit::Month),
                    plural: false,
                } => {
                    if unit == Unit::Year && self.year_span(i, i + 2) {
                        return Some((i + 2, TimexType::Duration, "P1Y".into()));
                    }
                    if matches!(unit, Unit::Week | Unit::Month) {
                        // "the week ended March 14", "the month to
                        // January": seven days or a month up to a day the
                        // text writes, as "the year ended" is twelve
                        // months; not the DCT's.
                        if self.closes_a_span(i + 2) {
                            let value = if unit == Unit::Week { "P1W" } else { "P1M" };
                            return Some((i + 2, TimexType::Duration, value.into()));
                        }
                        // "the week of March 16" is that day's week.
                        if unit == Unit::Week
                            && self.is(i + 2, W::Of)
                            && let Some((end, _, value)) = self.month_date(i + 3)
                            && let Some(day) = Self::day_of(&value)
                        {
                            return date(end, r::week_value(day));
                        }
                        // "the month of February" is February, which is
                        // read alone.
                        if unit == Unit::Month
                            && self.is(i + 2, W::Of)
                            && matches!(self.lex(i + 3), Lex::Month { .. })
                        {
                            return None;
                        }
                    }
                    // "the day" in a story is that of the last day named,
                    // and "the week" of a weekly report ("loadings in the
                    // week ended February 21 ... Grain loadings in the
                    // week") the week it reports on.
                    let anchor = match unit {
                        Unit::Day => self.reference_day.or(dct),
                        Unit::Week => self.week_ended_named(i).or(dct),
                        _ => dct,
                    };
                    let value = match anchor {
                        Some(_)
                            if unit == Unit::Year
                                && let Some(year) = self.year_reported(i, i + 2) =>
                        {
                            r::year_value(year)
                        }
                        Some(d) => relative_unit_value(d, unit, 0)?,
                        None => x_value(unit)?,
                    };
                    date(i + 2, value)
                }
                // "the fiscal year", "the full year", "the latest fiscal year".
                Lex::Word(W::Fiscal | W::Latest | W::Current) | Lex::Unknown
                    if self.fiscal_year_end(i + 1).is_some() =>
                {
                    let end = self.fiscal_year_end(i + 1)?;
                    if self.closes_a_span(end) {
                        return Some((end, TimexType::Duration, "P1Y".into()));
                    }
                    // "The current year" is the DCT's, whatever the story reports.
                    let value = if self.is(i + 1, W::Current) {
                        dct.map_or_else(|| "XXXX".into(), |d| r::year_value(d.year()))
                    } else {
                        self.reported_year_value(i, end)
                    };
                    date(end, value)
                }
                Lex::Word(W::Past) => date(i + 2, "PAST_REF".into()),
                Lex::Word(W::Future) => date(i + 2, "FUTURE_REF".into()),
                Lex::Word(W::Present) => date(i + 2, "PRESENT_REF".into()),
                Lex::Word(W::Near) if self.is(i + 2, W::Future) => date(i + 3, "FUTURE_REF".into()),
                Lex::Word(W::Long | W::Near) if self.is(i + 2, W::Term) => {
                    date(i + 3, "FUTURE_REF".into())
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether "the year" at tokens `i..end` is a span of a year: after
    /// "during"/"over"/"throughout", or closed by a day ("the fiscal year
    /// ended Jan. 31"). "For the year" reports on the year itself.
    fn year_span(&self, i: usize, end: usize) -> bool {
        let before = i > 0 && matches!(self.word(i - 1), "during" | "over" | "throughout");
        before || self.closes_a_span(end)
    }

    /// Whether the words from `k` close a year into a span of twelve
    /// months: "ended March 31", "ending June", and, before a month or an
    /// end ("the year to January", "the year to end-February", "the year
    /// starting April 1"), "to", "through", "starting", "beginning". "The
    /// year to date" is the year so far, the DCT's.
    fn closes_a_span(&self, k: usize) -> bool {
        match self.word(k) {
            "ended" | "ending" => true,
            "to" | "through" | "starting" | "beginning" => {
                matches!(self.lex(k + 1), Lex::Month { .. }) || self.is(k + 1, W::End)
            }
            _ => false,
        }
    }

    /// The end of "[latest|current|full] [fiscal] year" at `j`, when at
    /// least one of the qualifiers is there.
    fn fiscal_year_end(&self, j: usize) -> Option<usize> {
        let mut k = j;
        if matches!(self.lex(k), Lex::Word(W::Latest | W::Current)) || self.word(k) == "full" {
            k += 1;
        }
        if self.is(k, W::Fiscal) {
            k += 1;
        }
        (k > j && self.unit(k) == Some((Unit::Year, false))).then_some(k + 1)
    }

    /// A day word optionally followed by a part of the day: "yesterday
    /// morning" is a TIME, "yesterday" a DATE.
    fn day_with_part(&self, j: usize, day: Option<NaiveDate>) -> Found {
        if let Lex::DayPart(part) = self.lex(j) {
            return Some((
                j + 1,
                TimexType::Time,
                format!("{}T{}", day_or_x(day), part.code()),
            ));
        }
        if let Some(time) = self.hour_word(j) {
            return Some((j + 1, TimexType::Time, format!("{}T{time}", day_or_x(day))));
        }
        date(j, day_or_x(day))
    }

    /// Whether the day word at `i` is a noun for the time to come: "a
    /// better tomorrow", "a brighter tomorrow", "a tomorrow". Only such an
    /// adjective may stand between: "a meeting tomorrow", "a tender
    /// tomorrow" are events on the day.
    fn names_the_future(&self, i: usize) -> bool {
        let article = |k: usize| matches!(self.word(k), "a" | "an");
        let hopeful = |k: usize| {
            matches!(
                self.word(k),
                "better" | "brighter" | "happier" | "safer" | "greener" | "bright" | "new"
            )
        };
        i > 0 && article(i - 1) || i > 1 && article(i - 2) && hopeful(i - 1)
    }

    /// The clock reading a word at `j` names after a day: "noon" and
    /// "midday" 12:00, "midnight" the day's end, 24:00.
    fn hour_word(&self, j: usize) -> Option<&'static str> {
        match self.lex(j) {
            Lex::Word(W::Noon | W::Midday) => Some("12:00"),
            Lex::Word(W::Midnight) => Some("24:00"),
            _ => None,
        }
    }

    /// "Friday", "last Friday", "next Tuesday", "Friday morning".
    fn weekday(&self, i: usize) -> Found {
        let (direction, j) = match self.lex(i) {
            Lex::Word(W::Last | W::Past | W::Previous) => (Some(Direction::Before), i + 1),
            Lex::Word(W::Next | W::Coming) => (Some(Direction::After), i + 1),
            Lex::Word(W::This) if self.is(i + 1, W::Coming) => (Some(Direction::OnOrAfter), i + 2),
            Lex::Word(W::This) => (None, i + 1),
            _ => (None, i),
        };
        let Lex::Weekday { day, abbr } = self.lex(j) else {
            return None;
        };
        if j == i && self.names_a_title(j) {
            return None;
        }
        let mut end = j + 1;
        if abbr {
            if !self.capitalized(j) || !self.punct(end, b'.') {
                return None;
            }
            end += 1;
        }
        let resolved = match (self.week_named_after(end), direction) {
            // "Monday this week", "Wednesday last week", "Friday of last
            // week": the week is written, so no tense has to guess it.
            (Some(weeks), None) => self
                .dct
                .and_then(|d| r::add_days(d, 7 * weeks))
                .map(|d| r::weekday_in_week(d, day)),
            _ => {
                let direction = direction.unwrap_or_else(|| {
                    r::direction_for(weekday_tense(self.lower, self.toks, i, end))
                });
                self.dct.map(|d| r::weekday_near(d, day, direction))
            }
        };
        if let Lex::DayPart(part) = self.lex(end) {
            // "Wednesday night": the TempEval-3 news gold types a weekday
            // with a part of the day as a DATE more often than as a TIME.
            return date(end + 1, format!("{}T{}", day_or_x(resolved), part.code()));
        }
        if let Some(time) = self.hour_word(end) {
            // "Monday noon" is a reading of the clock, as "noon Monday" is.
            return Some((
                end + 1,
                TimexType::Time,
                format!("{}T{time}", day_or_x(resolved)),
            ));
        }
        date(end, day_or_x(resolved))
    }

    /// The week, in weeks from the DCT's, that a weekday ending at `end`
    /// is placed in by the words after it: "this week" (0), "next week"
    /// (1), "last week" (-1), also after "of" or a comma.
    fn week_named_after(&self, end: usize) -> Option<i64> {
        let mut k = end;
        if self.punct(k, b',') || self.is(k, W::Of) {
            k += 1;
        }
        if self.unit(k + 1) != Some((Unit::Week, false)) {
            return None;
        }
        match self.lex(k) {
            Lex::Word(W::This) => Some(0),
            Lex::Word(W::Next) => Some(1),
            Lex::Word(W::Last) => Some(-1),
            _ => None,
        }
    }

    /// Whether the day at tokens `i..end` names the political camp that
    /// rallied on it: "the March 14 Forces", "the March 8 alliance", "the
    /// June 4 movement". A year written makes it a date again.
    fn names_a_camp(&self, i: usize, end: usize) -> bool {
        let camp = |k: usize| {
            matches!(
                self.word(k),
                "forces" | "alliance" | "coalition" | "movement" | "bloc" | "camp" | "majority"
            )
        };
        // "the March 14 anti-Syrian alliance", "the March 14 parliamentary
        // majority": the camp's name may come a word or two after the day
        // when a determiner before the day makes them one noun phrase ("on
        // March 14 rebel forces attacked" is a day).
        let determined = i > 0 && matches!(self.word(i - 1), "the" | "its" | "their")
            || i > 1 && self.word(i - 1) == "s" && self.punct(i - 2, b'\'');
        let modifier = |k: usize| {
            matches!(self.kind(k), Some(Kind::Word(Lex::Unknown)))
                && !FUNCTION_WORDS.contains(&self.word(k))
                || self.punct(k, b'-') && self.glued(k)
        };
        let named_after = camp(end)
            || determined
                && (end + 1..end + CAMP_MODIFIERS).any(|c| camp(c) && (end..c).all(modifier));
        named_after
            && (i..end).any(|k| matches!(self.lex(k), Lex::Month { .. }))
            && (i..end).any(|k| matches!(self.number(k), Some((_, 1 | 2))))
            && (i..end).all(|k| !matches!(self.number(k), Some((_, 4))))
    }

    /// Whether the capitalised day word at `i` begins the name of a
    /// newspaper or a programme: "the Sunday Times", "the Today programme".
    fn names_a_title(&self, i: usize) -> bool {
        if !self.capitalized(i) {
            return false;
        }
        let next = self.word(i + 1);
        matches!(next, "programme" | "program" | "show" | "newspaper")
            || self.capitalized(i + 1)
                && matches!(
                    next,
                    "times"
                        | "telegraph"
                        | "express"
                        | "mirror"
                        | "mail"
                        | "independent"
                        | "herald"
                        | "post"
                        | "tribune"
                        | "observer"
                        | "business"
                        | "sport"
                        | "live"
                )
    }

    /// A month name at `i` (abbreviations need a period or a number after
    /// them; "May" and "March" need a capital), returning the month and the
    /// token after it.
    fn month_name(&self, i: usize) -> Option<(u32, usize)> {
        let Lex::Month { month, abbr } = self.lex(i) else {
            return None;
        };
        if !self.capitalized(i) {
            return None;
        }
        // Only abbreviations own the period after them ("Dec."): after a
        // full name it ends the sentence.
        let after = if abbr { self.period(i + 1) } else { i + 1 };
        if abbr && after == i + 1 && self.number(i + 1).is_none() {
            return None;
        }
        Some((u32::from(month), after))
    }

    /// A day of the month: "25", "25th", "1st".
    fn day_number(&self, i: usize) -> Option<(u32, usize)> {
        match self.kind(i) {
            Some(Kind::Number { value, digits }) if digits <= 2 && (1..=31).contains(&value) => {
                // "Dec. 25 1/2" or "June 3:30" are not days.
                let clock = self.punct(i + 1, b':')
                    && self.glued(i + 1)
                    && matches!(self.number(i + 2), Some((_, 2)));
                // "Jan 4.95 billion", "March 13.2": the month's figure in a
                // table, not a day.
                let decimal = self.punct(i + 1, b'.')
                    && self.glued(i + 1)
                    && self.number(i + 2).is_some()
                    && self.glued(i + 2);
                if clock || decimal || self.punct(i + 1, b'/') {
                    return None;
                }
                Some((value, i + 1))
            }
            Some(Kind::Word(Lex::Ordinal(n))) if (1..=31).contains(&n) => Some((n, i + 1)),
            _ => None,
        }
    }

    /// A four-digit year (or "'98"), returning it and the token after.
    fn year_number(&self, i: usize) -> Option<(i32, usize)> {
        match self.kind(i) {
            Some(Kind::Number { value, digits: 4 }) if r::YEARS.contains(&(value as i32)) => {
                if self.punct(i + 1, b'-') && self.number(i + 2).is_some() {
                    return None;
                }
                Some((value as i32, i + 1))
            }
            Some(Kind::Punct(b'\'')) => match self.kind(i + 1) {
                Some(Kind::Number { value, digits: 2 }) => {
                    Some((self.century_for(value) + value as i32, i + 2))
                }
                _ => None,
            },
            Some(Kind::Word(Lex::Num(_))) => self.spelled_year(i),
            _ => None,
        }
    }

    /// A year read out in words, as broadcast transcripts write them:
    /// "nineteen ninety-six", "eighteen twelve", "two thousand and eight".
    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        let Lex::Num(first) = self.lex(i) else {
            return None;
        };
        let (year, end) = match first {
            18 | 19 => {
                // "nineteen oh five" is not handled; "nineteen five" is no year.
                let (rest, end) = self.spelled_two_digits(i + 1).filter(|(r, _)| *r >= 10)?;
                ((first * 100 + rest) as i32, end)
            }
            2 if self.is(i + 1, W::Thousand) => {
                let k = if self.word(i + 2) == "and" {
                    i + 3
                } else {
                    i + 2
                };
                let (rest, end) = self.spelled_two_digits(k)?;
                if rest >= 30 {
                    return None;
                }
                ((2000 + rest) as i32, end)
            }
            _ => return None,
        };
        // "nineteen ninety-six years" would be a count, not a year.
        if self.unit(end).is_some() {
            return None;
        }
        Some((year, end))
    }

    /// "ninety-six", "twelve", "eight": a number below a hundred in words.
    fn spelled_two_digits(&self, i: usize) -> Option<(u32, usize)> {
        let Lex::Num(n) = self.lex(i) else {
            return None;
        };
        if self.word(i) == "dozen" {
            return None;
        }
        if (20..=90).contains(&n) && n % 10 == 0 {
            let k = self.hyphen(i + 1);
            if let Lex::Num(units) = self.lex(k)
                && (1..=9).contains(&units)
            {
                return Some((n + units, k + 1));
            }
            return Some((n, i + 1));
        }
        (1..=19).contains(&n).then_some((n, i + 1))
    }

    /// The century of a two-digit year: the one that puts it nearest the DCT.
    fn century_for(&self, two_digits: u32) -> i32 {
        let anchor = self.dct.map_or(1999, |d| d.year());
        let base = anchor - anchor.rem_euclid(100);
        if two_digits as i32 > anchor.rem_euclid(100) + 10 {
            base - 100
        } else {
            base
        }
    }

    /// "Dec. 25, 2024", "December 25", "December 2024", "December",
    /// "Friday, Dec. 25", "June last year".
    fn month_date(&self, i: usize) -> Found {
        // Optional weekday in front: "Friday, Oct. 13".
        let mut j = i;
        if let Lex::Weekday { abbr, .. } = self.lex(i) {
            j = if abbr { self.period(i + 1) } else { i + 1 };
            if self.punct(j, b',') {
                j += 1;
            }
            self.month_name(j)?;
        }
        let (month, after_month) = self.month_name(j)?;
        if let Some((day, mut end)) = self.day_number(after_month) {
            // Optional year: "Dec. 25, 2024", "March 12 2009".
            let mut k = end;
            if self.punct(k, b',') {
                k += 1;
            }
            if let Some((year, after_year)) = self.year_number(k) {
                let d = NaiveDate::from_ymd_opt(year, month, day)?;
                // A headline's last word over the dateline ("... closed
                // until Friday\nSeptember 18, 2008") is another day.
                if let Lex::Weekday { day: w, .. } = self.lex(i)
                    && j != i
                    && d.weekday().number_from_monday() != u32::from(w)
                    && self.text[self.toks[i].end..self.toks[j].start].contains('\n')
                {
                    return None;
                }
                return date(after_year, r::day_value(d));
            }
            // "March 3-5, 2024": the range's year is its first day's too.
            if let Some(year) = self.year_after_range(end) {
                let d = NaiveDate::from_ymd_opt(year, month, day)?;
                return date(end, r::day_value(d));
            }
            // "November 20 to November 21, 1991": so is the year of a
            // range whose end names its own month.
            if let Some(year) = self.year_of_month_range(end, month, false) {
                let d = NaiveDate::from_ymd_opt(year, month, day)?;
                return date(end, r::day_value(d));
            }
            if self.punct(end, b',') && self.number(end + 1).is_some() {
                // "Dec. 25, 12 people": the comma belongs to the sentence.
            }
            NaiveDate::from_ymd_opt(2000, month, day)?;
            let weekday = match self.lex(i) {
                Lex::Weekday { day, .. } if j != i => Some(day),
                _ => None,
            };
            if self.names_the_attacks((month, day), end) {
                return date(end, "2001-09-11".into());
            }
            let value = match self.dct {
                Some(dct) => {
                    let tense = self.tense(i, end);
                    // A weekday written with the date picks the year.
                    let year = weekday
                        .and_then(|w| r::year_with_weekday(dct, month, day, w))
                        .or_else(|| self.year_of_day((i, end), dct, (month, day), tense))?;
                    r::day_value(NaiveDate::from_ymd_opt(year, month, day)?)
                }
                None => format!("XXXX-{month:02}-{day:02}"),
            };
            if end < self.toks.len() && self.is(end, W::Of) && self.year_number(end + 1).is_some() {
                end += 2;
            }
            return date(end, value);
        }
        // "December 2024", "December of 2024", "March, 1986" (wire copy
        // sets the year off with a comma; a year in figures only, so that
        // "in May, 1,000 tonnes" keeps the comma in the sentence).
        let k = if self.is(after_month, W::Of)
            || self.punct(after_month, b',') && matches!(self.number(after_month + 1), Some((_, 4)))
        {
            after_month + 1
        } else {
            after_month
        };
        if let Some((year, after_year)) = self.year_number(k) {
            return date(after_year, r::month_value(year, month));
        }
        // "April-May 1988", "January/November 1986", "April and July,
        // 1986": the first month of a span or list is in the year written
        // after the last.
        if j == i
            && let Some(year) = self.year_of_month_range(after_month, month, true)
        {
            return date(after_month, r::month_value(year, month));
        }
        // "June last year", "January this year", "October of next year".
        let rel = if self.is(after_month, W::Of) && self.capitalized(j) {
            after_month + 1
        } else {
            after_month
        };
        if self.lex(rel + 1)
            == (Lex::Unit {
                unit: Unit::Year,
                plural: false,
            })
        {
            let shift = match self.lex(rel) {
                Lex::Word(W::Last) => Some(-1),
                Lex::Word(W::This) => Some(0),
                Lex::Word(W::Next) => Some(1),
                _ => None,
            };
            if let Some(shift) = shift {
                let value = match self.dct {
                    Some(d) => r::month_value(d.year() + shift, month),
                    None => format!("XXXX-{month:02}"),
                };
                // With "of", TimeML tags the month and the year apart.
                let end = if rel == after_month {
                    rel + 2
                } else {
                    after_month
                };
                return date(end, value);
            }
        }
        if j != i {
            return None;
        }
        // A bare month name; "may" and "march" need more context than a capital.
        // ... which a month listed just before gives: "April, May and June".
        if matches!(month, 3 | 5)
            && !self.month_context_before(i)
            && self.year_of_listed_month(i, month).is_none()
        {
            return None;
        }
        let value = match self.dct {
            Some(dct) => {
                let year = self
                    .year_of_listed_month(i, month)
                    .or_else(|| {
                        self.names_a_traded_month(after_month)
                            .then(|| r::year_of_coming_month(dct, month))
                    })
                    .unwrap_or_else(|| r::year_of_month(dct, month, self.tense(i, after_month)));
                r::month_value(year, month)
            }
            None => format!("XXXX-{month:02}"),
        };
        date(after_month, value)
    }

    /// Whether the month ending before `j` names when goods are shipped or a
    /// futures contract falls due: "for July/September shipment", "the key
    /// July delivery", "the June contract", "for late June/early July
    /// shipment". Trade quotes such months ahead of the day they are
    /// quoted; plurals ("January shipments rose") report statistics and
    /// are left to the tense.
    fn names_a_traded_month(&self, j: usize) -> bool {
        let mut k = j;
        // Over the rest of a span of months: "/September", "-June", "1/10".
        while k < j + 6
            && (matches!(self.kind(k), Some(Kind::Punct(b'/' | b'-')))
                || self.number(k).is_some()
                || matches!(self.lex(k), Lex::Month { .. })
                || matches!(
                    self.word(k),
                    "early" | "late" | "mid" | "first" | "last" | "second" | "half"
                ))
        {
            k += 1;
        }
        matches!(
            self.word(k),
            "shipment" | "delivery" | "loading" | "arrival" | "contract" | "futures"
        )
    }

    /// The year of a bare month listed right after another month ("in
    /// May, June, July and August", "between December and February",
    /// "Aug/Oct"): the first such month after the one before it, so a
    /// list runs forward instead of each month picking its own year.
    fn year_of_listed_month(&self, i: usize, month: u32) -> Option<i32> {
        let (year, previous) = self.last_month?;
        let gap = i.checked_sub(self.last_month_end)?;
        let joined = match gap {
            1 => matches!(
                self.word(i - 1),
                "," | "and" | "or" | "-" | "/" | "to" | "through" | "until" | "till"
            ),
            2 => self.word(i - 2) == "," && matches!(self.word(i - 1), "and" | "or"),
            _ => false,
        };
        joined.then_some(if month > previous { year } else { year + 1 })
    }

    /// Whether the word before `i` makes a following "May"/"March" a month.
    pub(super) fn month_context_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        matches!(
            self.word(i - 1),
            "in" | "since"
                | "until"
                | "by"
                | "of"
                | "during"
                | "from"
                | "through"
                | "before"
                | "after"
                | "early"
                | "late"
                | "mid"
                | "last"
                | "next"
                | "this"
                | "-"
                | "and"
                | "or"
                | "till"
                | "between"
        )
    }

    /// The year of a year-less day written from token `i` to `end`: the
    /// year a relative year right after it names ("October 1 this year",
    /// "1 February of next year", "March 31, next year"); a day a period "ended" on ("the year
    /// ended June 30", "ended on 30 June") is past; any other the nearest
    /// (`r::year_of_month_day`).
    fn year_of_day(
        &self,
        (i, end): (usize, usize),
        dct: NaiveDate,
        (month, day): (u32, u32),
        tense: Tense,
    ) -> Option<i32> {
        // The nearest October 1 of a March story is last year's, which
        // "by October 1 this year" is not. The relative year stays an
        // expression of its own, as in "October of next year".
        let k = if self.is(end, W::Of) || self.punct(end, b',') {
            end + 1
        } else {
            end
        };
        // Not "last year's profit", the noun's year.
        if self.word(k + 1) == "year" && !matches!(self.word(k + 2), "'" | "’") {
            let shift = match self.word(k) {
                "this" => Some(0),
                "last" => Some(-1),
                "next" => Some(1),
                _ => None,
            };
            if let Some(shift) = shift {
                return Some(dct.year() + shift);
            }
        }
        // Any verb in the past right before the day has it behind as
        // "ended" does: "took effect on Jan. 1" in November is this year's.
        let ended = i > 0
            && (self.word(i - 1) == "ended"
                || i > 1 && self.word(i - 1) == "on" && self.word(i - 2) == "ended")
            || past_verb_before(self.lower, self.toks, i);
        if ended {
            r::year_ended(dct, month, day)
        } else {
            r::year_of_month_day(dct, month, day, tense)
        }
    }

    /// Whether a year-less day ending before `end` is the September 11 of
    /// the attacks of 2001 ("the September 11 attacks", "Sept. 11 terror
    /// attacks", "the 11 September hijackers"), which stories of later
    /// years (and undated ones) name without their year.
    fn names_the_attacks(&self, (month, day): (u32, u32), end: usize) -> bool {
        (month, day) == (9, 11)
            && matches!(
                self.word(end),
                "attack"
                    | "attacks"
                    | "terror"
                    | "terrorist"
                    | "terrorists"
                    | "hijackings"
                    | "hijackers"
                    | "hijacker"
                    | "bombers"
                    | "commission"
                    | "strikes"
                    | "atrocities"
                    | "atrocity"
            )
    }

    /// "25 December", "25 December 2024", "the 25th of December".
    fn day_month(&self, i: usize) -> Found {
        let j = if self.is(i, W::The) { i + 1 } else { i };
        let (day, mut k) = self.day_number(j)?;
        if j > i && !matches!(self.lex(j), Lex::Ordinal(_)) {
            return None;
        }
        if self.is(k, W::Of) {
            k += 1;
        }
        let (month, after_month) = self.month_name(k)?;
        NaiveDate::from_ymd_opt(2000, month, day)?;
        let mut y = after_month;
        if self.punct(y, b',') {
            y += 1;
        }
        if let Some((year, end)) = self.year_number(y) {
            let d = NaiveDate::from_ymd_opt(year, month, day)?;
            return date(end, r::day_value(d));
        }
        if self.names_the_attacks((month, day), after_month) {
            return date(after_month, "2001-09-11".into());
        }
        let value = match self.dct {
            Some(dct) => {
                let tense = self.tense(i, after_month);
                let year = self.year_of_day((i, after_month), dct, (month, day), tense)?;
                r::day_value(NaiveDate::from_ymd_opt(year, month, day)?)
            }
            None => format!("XXXX-{month:02}-{day:02}"),
        };
        date(after_month, value)
    }

    /// "2024-12-25", "12/25/2024", "7/8/07".
    fn numeric_date(&self, i: usize) -> Found {
        let (a, a_digits) = self.number(i)?;
        let sep = match self.kind(i + 1) {
            Some(Kind::Punct(b @ (b'-' | b'/'))) if self.glued(i + 1) => b,
            _ => return None,
        };
        let (b, b_digits) = self.number(i + 2).filter(|_| self.glued(i + 2))?;
        if !self.punct(i + 3, sep) || !self.glued(i + 3) || !self.glued(i + 4) {
            return None;
        }
        let (c, c_digits) = self.number(i + 4)?;
        // A further glued separator means a phone number or an ID.
        if matches!(self.kind(i + 5), Some(Kind::Punct(b'-' | b'/'))) && self.glued(i + 5) {
            return None;
        }
        let (year, month, day) = match (sep, a_digits, b_digits, c_digits) {
            (b'-', 4, 1..=2, 1..=2) => (a as i32, b, c),
            (b'/', 1..=2, 1..=2, 4) if a <= 12 => (c as i32, a, b),
            (b'/', 1..=2, 1..=2, 4) => (c as i32, b, a),
            (b'/', 1..=2, 1..=2, 2) if a <= 12 => (self.century_for(c) + c as i32, a, b),
            _ => return None,
        };
        if !r::YEARS.contains(&year) {
            return None;
        }
        let d = NaiveDate::from_ymd_opt(year, month, day)?;
        date(i + 5, r::day_value(d))
    }

    /// Whether a two-digit plural at token `j` ("60s") counts something
    /// other than years: a temperature in a weather table ("Highs 60s-70s",
    /// "lows in the 30s", "in the 40s F"), an age ("in his 30s", "their
    /// 30s, 40s and 50s", "the over-70s"), a model ("DC-10s", "DC 10-30s")
    /// or a rough count ("10s of thousands"). The look-back is bounded, so
    /// the rule stays linear in the text.
    fn decade_is_quantity(&self, j: usize) -> bool {
        if matches!(
            self.word(j + 1),
            "degrees" | "f" | "c" | "fahrenheit" | "celsius"
        ) || self.word(j + 1) == "of"
            && matches!(
                self.word(j + 2),
                "hundreds" | "thousands" | "millions" | "billions"
            )
        {
            return true;
        }
        // Glued behind a hyphen or a point to a word or number: "DC-10s",
        // "10-30s", "the over-70s", "7.70s"; not "mid-80s" or "1950s-60s".
        if j >= 2
            && self.glued(j)
            && (self.punct(j - 1, b'-') || self.punct(j - 1, b'.'))
            && self.glued(j - 1)
            && (self.number(j - 2).is_some()
                || matches!(self.kind(j - 2), Some(Kind::Word(_)))
                    && !matches!(self.lex(j - 2), Lex::Decades(_))
                    && !matches!(
                        self.word(j - 2),
                        "mid" | "early" | "late" | "pre" | "post" | "the"
                    ))
        {
            return true;
        }
        if self.level_of_a_quantity(j) {
            return true;
        }
        // A temperature word earlier in the sentence: weather tables list
        // several readings after one ("Lows near 50 north, 60s extreme
        // south, 50s elsewhere", "Highs warming by Sat to upper 40s-50s
        // mountains, 60s-70s elsewhere"). A singular "high" or "low" counts
        // after an article only ("with a high in the 60s"): "inflation was
        // high in the 70s" names a decade.
        let mut age_list = true;
        for k in (j.saturating_sub(16)..j).rev() {
            if self.punct(k, b'.') {
                break;
            }
            match self.word(k) {
                "highs" | "lows" | "temperature" | "temperatures" | "temps" | "readings" => {
                    return true;
                }
                "high" | "low" if k > 0 && matches!(self.lex(k - 1), Lex::Word(W::A | W::The)) => {
                    return true;
                }
                // An age: a possessive before a list of decades and their
                // modifiers ("his or her late 20s").
                "his" | "her" | "their" | "my" | "your" | "our" if age_list => return true,
                "," | "and" | "or" | "early" | "mid" | "late" | "upper" | "lower" | "middle" => {}
                _ if matches!(self.lex(k), Lex::Decades(n) if n < 100) => {}
                _ => age_list = false,
            }
        }
        false
    }

    /// Whether a two-digit plural at `j` reads as the level of a price, a
    /// rate or a reading rather than a decade: a modifier decades never
    /// take ("the low 20s", "the upper 80s", "the middle 30s"), an amount
    /// right after it ("the upper 80s to 100 dlrs"), a movement towards
    /// or from it ("rise to the mid 20s", "fell from the mid 30s"), or a
    /// market word shortly before it ("the stock can go to the mid 30s",
    /// "worth in the mid 30s", "life expectancy around the mid-70s").
    /// "The mid-80s" alone stays a decade, as history writes it.
    fn level_of_a_quantity(&self, j: usize) -> bool {
        // Back over "the mid-", "the upper", "low-mid".
        let mut k = j;
        while k > 0
            && (self.punct(k - 1, b'-')
                || matches!(
                    self.word(k - 1),
                    "mid" | "low" | "lower" | "upper" | "high" | "higher" | "middle"
                ))
        {
            if matches!(
                self.word(k - 1),
                "low" | "lower" | "upper" | "high" | "higher" | "middle"
            ) {
                return true;
            }
            k -= 1;
        }
        if k > 0 && self.is(k - 1, W::The) {
            k -= 1;
        }
        let amount_after = (j + 1..j + 5).any(|a| {
            matches!(
                self.word(a),
                "dlrs" | "dollars" | "cents" | "pct" | "percent" | "pence" | "points"
            )
        });
        if amount_after {
            return true;
        }
        let moved = k > 1
            && matches!(self.word(k - 1), "to" | "from")
            && matches!(
                self.word(k - 2),
                "rise"
                    | "rose"
                    | "risen"
                    | "rising"
                    | "fall"
                    | "fell"
                    | "fallen"
                    | "falling"
                    | "go"
                    | "goes"
                    | "going"
                    | "went"
                    | "climb"
                    | "climbed"
                    | "climbing"
                    | "drop"
                    | "dropped"
                    | "dropping"
                    | "jump"
                    | "jumped"
                    | "slip"
                    | "slipped"
                    | "recover"
                    | "recovered"
            );
        if moved {
            return true;
        }
        (k.saturating_sub(12)..k)
            .rev()
            .take_while(|&m| !self.punct(m, b'.'))
            .any(|m| {
                matches!(
                    self.word(m),
                    "stock"
                        | "stocks"
                        | "shares"
                        | "worth"
                        | "valued"
                        | "trading"
                        | "traded"
                        | "priced"
                        | "bonds"
                        | "notes"
                        | "futures"
                        | "ratio"
                        | "expectancy"
                )
            })
    }

    /// Years, decades and centuries: "1995", "fiscal 1989", "the 1990s",
    /// "the '80s", "the nineties", "the 20th century".
    fn year(&self, i: usize) -> Found {
        let the = self.is(i, W::The);
        let j = if the { i + 1 } else { i };
        // "the full year 1986", "full fiscal year 1987": the year written,
        // not "the full year" (the DCT's) and a year beside it.
        let full = self.word(j) == "full";
        let j = if full { j + 1 } else { j };
        if full && !self.is(j, W::Fiscal) && self.unit(j) != Some((Unit::Year, false)) {
            return None;
        }
        if self.is(j, W::Fiscal) {
            // "fiscal 1989", "fiscal year 1990".
            let mut k = j + 1;
            if self.unit(k) == Some((Unit::Year, false)) {
                k += 1;
            }
            let (year, end) = self.year_number(k)?;
            return date(end, r::year_value(year));
        }
        // "the year 2050": one date, "the" and "year" with it, as TimeML
        // tags "the year two thousand"; not "the year" (the DCT's) and a
        // year beside it.
        if (the || full)
            && self.unit(j) == Some((Unit::Year, false))
            && let Some((year, end)) = self.year_after_the_year(j + 1)
        {
            return date(end, r::year_value(year));
        }
        if full {
            return None;
        }
        match self.lex(j) {
            Lex::Decades(n) if n >= 1000 => {
                return date(j + 1, format!("{:03}", n / 10));
            }
            Lex::Decades(_) if self.decade_is_quantity(j) => return None,
            Lex::Decades(n) => {
                let century = self.century_for(n) / 100;
                return date(j + 1, format!("{century:02}{}", n / 10));
            }
            Lex::DecadeWord(n) if the => {
                let century = self.century_for(n * 10) / 100;
                return date(j + 1, format!("{century:02}{n}"));
            }
            // "the 20th century", and written with digits also without
            // "the" ("a 20th century democrat"); "its first century" is
            // its own hundred years.
            Lex::Ordinal(n)
                if (1..=21).contains(&n)
                    && (the || self.word(j).as_bytes()[0].is_ascii_digit()) =>
            {
                if self.unit(j + 1) == Some((Unit::Century, false)) && !self.before_christ(j + 2) {
                    return date(j + 2, format!("{:02}", n - 1));
                }
                if the {
                    return None;
                }
            }
            _ => {}
        }
        if self.punct(j, b'\'')
            && let Lex::Decades(n) = self.lex(j + 1)
            && n < 100
            && !self.decade_is_quantity(j + 1)
        {
            let century = self.century_for(n) / 100;
            return date(j + 2, format!("{century:02}{}", n / 10));
        }
        if let Some(found) = self.year_with_unit(j) {
            return Some(found);
        }
        if the {
            return None;
        }
        if let Some(year) = self.second_of_split_year(i) {
            return date(i + 1, r::year_value(year));
        }
        let (year, end) = self.year_number(i)?;
        if self.punct(i, b'\'') && !self.month_context_before(i) {
            return None;
        }
        if !self.plausible_year_at(i, end) {
            return None;
        }
        date(end, r::year_value(year))
    }

    /// Whether "BC", "BCE" or "B.C." starts at `k`: a year or century
    /// before Christ, which the values of this tagger cannot write.
    fn before_christ(&self, k: usize) -> bool {
        matches!(self.word(k), "bc" | "bce")
            || self.word(k) == "b" && self.punct(k + 1, b'.') && self.word(k + 2) == "c"
    }

    /// The second year of a crop or fiscal year written "1986/87": the
    /// two digits at `i` after the first year and a slash, one year on.
    /// "2002/2003" names two years as well.
    fn second_of_split_year(&self, i: usize) -> Option<i32> {
        let (value, 2) = self.number(i)? else {
            return None;
        };
        if i < 2 || !self.punct(i - 1, b'/') || !self.glued(i - 1) || !self.glued(i) {
            return None;
        }
        let (first, 4) = self.number(i - 2)? else {
            return None;
        };
        let next = first as i32 + 1;
        (next % 100 == value as i32 && r::YEARS.contains(&next)).then_some(next)
    }

    /// The year a four-digit number at `j` can name before a unit ("1986
    /// year", "the 1985 quarter"): one of 1900-2100, the years such
    /// tables report.
    fn year_of_a_unit(&self, j: usize) -> Option<i32> {
        match self.number(j) {
            Some((value, 4)) if (1900..=2100).contains(&value) => Some(value as i32),
            _ => None,
        }
    }

    /// "1986 year", "1986 yr" (earnings tables: "NOTE: 1986 year includes
    /// 53 weeks") are the year; "the same 1986 month" is the month the
    /// document reports on, in that year.
    fn year_with_unit(&self, j: usize) -> Found {
        let year = self.year_of_a_unit(j)?;
        match self.unit(j + 1)? {
            (Unit::Year, false) => date(j + 2, r::year_value(year)),
            (Unit::Month, false) => {
                let value = match self.last_month {
                    Some((_, m)) => r::month_value(year, m),
                    None => r::year_value(year),
                };
                date(j + 2, value)
            }
            _ => None,
        }
    }

    /// The year that "the year" names at `k`: a year as `year_number`
    /// reads one, any number of three or four digits ("the year 800"), or
    /// "two thousand" alone.
    fn year_after_the_year(&self, k: usize) -> Option<(i32, usize)> {
        if let Some(found) = self.year_number(k) {
            return Some(found);
        }
        match self.kind(k) {
            Some(Kind::Number {
                value,
                digits: 3 | 4,
            }) if value >= 100 => {
                // "the year 2000-01" is a span of years, not one.
                if self.punct(k + 1, b'-') && self.number(k + 2).is_some() {
                    return None;
                }
                Some((value as i32, k + 1))
            }
            Some(Kind::Word(Lex::Num(2))) if self.is(k + 1, W::Thousand) => Some((2000, k + 2)),
            _ => None,
        }
    }

    /// A calendar unit at `i` and whether it is plural.
    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i) {
            Lex::Unit { unit, plural } => Some((unit, plural)),
            Lex::Ordinal(2) if self.word(i) == "second" => Some((Unit::Second, false)),
            _ => None,
        }
    }

    /// "this week", "last year", "the past month", "next quarter",
    /// "last December", "this summer", "the weekend", "this century".
    fn relative(&self, i: usize) -> Found {
        // "the last day of 1986", "the last week of April": the end of
        // what follows, not the day or week before the DCT's.
        if self.is(i, W::The)
            && self.is(i + 1, W::Last)
            && self.is(i + 3, W::Of)
            && let Some((unit @ (Unit::Day | Unit::Week | Unit::Month), false)) = self.unit(i + 2)
        {
            return self.last_unit_of(i, unit, i + 4);
        }
        // ... nor is its "last year" the year before the DCT's.
        if i > 0
            && self.is(i - 1, W::The)
            && self.is(i, W::Last)
            && self.is(i + 2, W::Of)
            && matches!(
                self.unit(i + 1),
                Some((Unit::Day | Unit::Week | Unit::Month, false))
            )
        {
            return None;
        }
        if let Some(found) = self.of_story(i) {
            return Some(found);
        }
        let shift: i32 = match self.lex(i) {
            Lex::Word(W::This | W::Current | W::That) => 0,
            Lex::Word(W::The) => match self.lex(i + 1) {
                Lex::Word(W::Past | W::Previous | W::Last) => -1,
                Lex::Word(W::Coming | W::Next | W::Following) => 1,
                Lex::Word(W::Current) => 0,
                _ => return self.the_season(i),
            },
            Lex::Word(W::Last | W::Past | W::Previous) => -1,
            Lex::Word(W::Next | W::Coming) => 1,
            _ => return None,
        };
        let j = if self.is(i, W::The) { i + 2 } else { i + 1 };
        let dct = self.dct;
        match self.lex(j) {
            Lex::Unit {
                unit,
                plural: false,
            } => {
                if self.is(i, W::The)
                    && self.is(i + 1, W::Previous)
                    && let Some(value) = self.before_the_one_named(i, unit)
                {
                    return date(j + 1, value);
                }
                let value = match dct {
                    Some(d) => relative_unit_value(d, unit, shift)?,
                    None => x_value(unit)?,
                };
                // "that year" refers back to the narrative, not the DCT.
                if self.is(i, W::That) {
                    return None;
                }
                date(j + 1, value)
            }
            Lex::Word(W::Weekend) if self.word(j) == "weekend" => {
                let value = match dct {
                    Some(d) => {
                        let days_to_sunday = 6 - i64::from(d.weekday().num_days_from_monday());
                        let this_sunday = r::add_days(d, days_to_sunday)?;
                        let sunday = match shift {
                            -1 if d.weekday() == Weekday::Sun => r::add_days(this_sunday, -7)?,
                            -1 if d.weekday() == Weekday::Sat => r::add_days(this_sunday, -7)?,
                            -1 => r::add_days(this_sunday, -7)?,
                            1 => r::add_days(this_sunday, 7)?,
                            _ => this_sunday,
                        };
                        format!("{}-WE", r::week_value(sunday))
                    }
                    None => "XXXX-WXX-WE".into(),
                };
                date(j + 1, value)
            }
            Lex::Month { month, abbr: false } if self.capitalized(j) => {
                let month = u32::from(month);
                let value = match dct {
                    Some(d) => {
                        let current = d.month();
                        let year = match shift {
                            -1 if month < current => d.year(),
                            -1 => d.year() - 1,
                            1 if month > current => d.year(),
                            1 => d.year() + 1,
                            _ => d.year(),
                        };
                        r::month_value(year, month)
                    }
                    None => format!("XXXX-{month:02}"),
                };
                date(j + 1, value)
            }
            Lex::Season(season) => {
                let value = match dct {
                    Some(d) => season_value(d, season, Some(shift)),
                    None => format!("XXXX-{}", season.code()),
                };
                date(j + 1, value)
            }
            _ => None,
        }
    }

    /// "the year before", "the year earlier": the year before the one
    /// reported on ("from 2.10 billion the year before"), as "a year
    /// earlier" is, not the year of publication. It counts back from the
    /// year its sentence wrote, else from this year's (or early in the
    /// year, last year's) figures named nearby, else from the quarter
    /// reported on, else from the DCT.
    fn the_year_before(&self, i: usize) -> Found {
        if !self.is(i, W::The)
            || self.unit(i + 1) != Some((Unit::Year, false))
            || !matches!(self.word(i + 2), "before" | "earlier")
        {
            return None;
        }
        let end = i + 3;
        // "the year before taxes", "the year before the massacre", "well
        // into the year before we offered it": "before" starts a phrase.
        if self.word(i + 2) == "before"
            && matches!(self.kind(end), Some(Kind::Word(_)))
            && !matches!(self.word(end), "and" | "but" | "while")
        {
            return None;
        }
        if let Some(anchor) = self
            .in_sentence(self.told_year, i)
            .or_else(|| self.recent_year(i))
        {
            return date(end, r::year_value(anchor.year - 1));
        }
        if let Some((y, q)) = self.last_quarter
            && i.saturating_sub(self.last_quarter_at) < QUARTER_CONTEXT_TOKENS
        {
            return date(end, r::quarter_value(y - 1, q));
        }
        let value = match self.dct {
            Some(d) => r::year_value(d.year() - 1),
            None => "XXXX".into(),
        };
        date(end, value)
    }

    /// "the previous year", "the following year", "that year", "the same
    /// year", and so of days (also "the next day"): the years and days of
    /// the story's narrative, counted from the year it wrote or the day
    /// it named last, not from the DCT ("in 1986 from 52.2 mln the
    /// previous year" is 1985; "killed on Oct. 23. Earlier that day" is
    /// Oct. 23). "The previous year" looks for that year in its own
    /// sentence, as "a year earlier" does: alone it is the year before
    /// the DCT's ("up 5% from the previous year"), and "the next year"
    /// is mostly the coming one ("over the next year"). The others refer
    /// back a few sentences; without a year or day named they are left
    /// to the other rules ("the next day" from the DCT, "that day" none).
    fn of_story(&self, i: usize) -> Found {
        if let Some(found) = self.the_year_before(i) {
            return Some(found);
        }
        let same = |k: usize| self.word(k) == "same";
        let (shift, j) = match (self.lex(i), self.lex(i + 1)) {
            (Lex::Word(W::The), Lex::Word(W::Previous)) => (-1, i + 2),
            (Lex::Word(W::The), Lex::Word(W::Following | W::Next)) => (1, i + 2),
            (Lex::Word(W::The | W::That), _) if same(i + 1) => (0, i + 2),
            (Lex::Word(W::That), _) => (0, i + 1),
            _ => return None,
        };
        // Only years and days, tested first: "that" is a common word.
        let unit = match self.unit(j) {
            Some((unit @ (Unit::Year | Unit::Day), false)) => unit,
            _ => return None,
        };
        // "said that day traders sold": a conjunction, not "that day".
        if j == i + 1
            && i > 0
            && matches!(
                self.word(i - 1),
                "said" | "says" | "say" | "added" | "announced" | "reported" | "so"
            )
        {
            return None;
        }
        // "that year-end", "that day-to-day work": another expression.
        if self.punct(j + 1, b'-') {
            return None;
        }
        // "the same year that England won", "the same day as the vote":
        // the year or day of what follows, not the one told before.
        if same(j - 1) && matches!(self.word(j + 1), "that" | "as" | "when" | "in") {
            return None;
        }
        // "matures on that day in 1992": a day of the year that follows.
        if matches!(self.word(j + 1), "in" | "of") && self.year_number(j + 2).is_some() {
            return None;
        }
        // "pays annual interest on the same day": a day that recurs each
        // year ("monthly pay for working that day" is paid once).
        if (i.saturating_sub(4)..i).any(|k| {
            matches!(
                self.word(k),
                "annual" | "annually" | "yearly" | "every" | "each"
            )
        }) {
            return None;
        }
        let near = |end: usize| end <= i && i - end < TOLD_TOKENS;
        match unit {
            Unit::Year if !self.is(i + 1, W::Next) => {
                let anchor = if shift < 0 {
                    self.in_sentence(self.told_year, i)
                } else {
                    self.told_year.filter(|a| near(a.end))
                }?;
                date(j + 1, r::year_value(anchor.year + shift))
            }
            Unit::Day => {
                let day = self
                    .reference_day
                    .filter(|_| near(self.reference_day_end))?;
                date(j + 1, r::day_value(r::add_days(day, i64::from(shift))?))
            }
            _ => None,
        }
    }

    /// "the last day of 1986", "the last week of April": the last day
    /// or week of the year or month at `k`. Of anything else ("the last
    /// day of the summit") it is no date this rule can place.
    fn last_unit_of(&self, i: usize, unit: Unit, k: usize) -> Found {
        let (last_day, end) = if let Some((year, end)) = self.year_number(k)
            && self.plausible_year_at(k, end)
        {
            (NaiveDate::from_ymd_opt(year, 12, 31)?, end)
        } else {
            let (month, after_month) = self.month_name(k)?;
            let y = if self.punct(after_month, b',') {
                after_month + 1
            } else {
                after_month
            };
            let (year, end) = match self.year_number(y) {
                Some(found) => found,
                None => (
                    r::year_of_month(self.dct?, month, self.tense(i, after_month)),
                    after_month,
                ),
            };
            let (next_year, next_month) = r::shift_month(year, month, 1);
            let first_of_next = NaiveDate::from_ymd_opt(next_year, next_month, 1)?;
            (r::add_days(first_of_next, -1)?, end)
        };
        let value = match unit {
            Unit::Day => r::day_value(last_day),
            // The week a month counts as its last holds its last
            // Thursday, as ISO weeks belong to the month of their Thursday.
            Unit::Week => {
                let past_thursday =
                    (i64::from(last_day.weekday().num_days_from_monday()) - 3).rem_euclid(7);
                r::week_value(r::add_days(last_day, -past_thursday)?)
            }
            Unit::Month if end > k + 1 || self.year_number(k).is_some() => {
                r::month_value(last_day.year(), last_day.month())
            }
            _ => return None,
        };
        date(end, value)
    }

    /// The calendar quarter of three months that end on the day (or in
    /// the month) written after "ended", "ending" or "to" at `k`: "the
    /// quarter ended Jan 31" is 1986-Q4, most of it November and December,
    /// though a company may call it its first or third (the quarter named
    /// before is then no guide).
    fn quarter_ending(&self, k: usize) -> Option<String> {
        let looking_back = match self.word(k) {
            "ended" | "to" => true,
            "ending" => false,
            _ => return None,
        };
        let k = if self.word(k + 1) == "on" {
            k + 2
        } else {
            k + 1
        };
        let (end, _, value) = self.month_date(k).or_else(|| self.day_month(k))?;
        let mut last = match NaiveDate::parse_from_str(&value, "%Y-%m-%d") {
            Ok(day) => day,
            Err(_) => {
                let year = value.get(..4)?.parse::<i32>().ok()?;
                let month = value.get(5..7)?.parse::<u32>().ok()?;
                let (y, m) = r::shift_month(year, month, 1);
                NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()?
            }
        };
        // "the quarter to September" reports figures, as "ended" does: a
        // year-less month well ahead of publication is last year's.
        let year_written = (k..end).any(|t| matches!(self.number(t), Some((_, 4))));
        if looking_back
            && !year_written
            && let Some(dct) = self.dct
            && last > r::add_days(dct, r::ENDED_LEAD_DAYS)?
        {
            last = r::add_months(last, -12)?;
        }
        // Its middle day decides: a quarter ended March 8 is mostly
        // January and February.
        let middle = r::add_days(last, -45)?;
        Some(r::quarter_value(
            middle.year(),
            r::quarter_of_month(middle.month()),
        ))
    }

    /// Whether "year-ago" or "year-earlier" starts at `j`.
    fn year_ago_at(&self, j: usize) -> bool {
        self.unit(j) == Some((Unit::Year, false))
            && self.punct(j + 1, b'-')
            && self.glued(j + 1)
            && (self.is(j + 2, W::Ago) || self.is(j + 2, W::Earlier))
    }

    /// The month named last before token `i`, if nothing else was named
    /// after it (`year_ago_value`) and it is near enough to be the period a
    /// sentence compares. A month more than a year before publication
    /// ("1.78 billion in January 1986") is itself a counterpart.
    fn recent_month(&self, i: usize) -> Option<(i32, u32)> {
        let (y, m) = self.last_month?;
        let near = i.saturating_sub(self.last_month_end) <= QUARTER_CONTEXT_TOKENS;
        let after_quarter =
            self.last_quarter.is_none() || self.last_month_end > self.last_quarter_at;
        let current = self
            .dct
            .is_none_or(|d| y * 12 + m as i32 >= d.year() * 12 + d.month() as i32 - 13);
        let after_year = self
            .recent_year(i)
            .is_none_or(|year| year.end <= self.last_month_end);
        (near && after_quarter && current && after_year).then_some((y, m))
    }

    /// The year written alone in figures last before token `i` ("reported
    /// 1986 net earnings"), near enough to be the period a sentence
    /// compares; not "last year", which is often the counterpart itself.
    fn recent_year(&self, i: usize) -> Option<Dated> {
        let dated = self.figures_year?;
        let near = i.saturating_sub(dated.end) <= QUARTER_CONTEXT_TOKENS;
        let after_quarter = self.last_quarter.is_none() || dated.end > self.last_quarter_at;
        // This year's, or last year's in the first months, when annual
        // results come out; later a year before publication is itself
        // the counterpart of this year's figures.
        let current = self
            .dct
            .is_none_or(|d| dated.year == d.year() || dated.year == d.year() - 1 && d.month() <= 4);
        (near && after_quarter && current).then_some(dated)
    }

    /// "the summer", "summer 1990", "the spring of 1990", "the weekend".
    fn the_season(&self, i: usize) -> Found {
        let j = if self.is(i, W::The) { i + 1 } else { i };
        if self.is(j, W::Weekend) && self.word(j) == "weekend" {
            let value = match self.dct {
                Some(d) => {
                    let past = self.tense(i, j + 1) != Tense::Future;
                    let sunday =
                        if past && d.weekday() != Weekday::Sat && d.weekday() != Weekday::Sun {
                            r::weekday_near(d, 7, Direction::Before)
                        } else {
                            r::weekday_near(d, 7, Direction::OnOrAfter)
                        };
                    format!("{}-WE", r::week_value(sunday))
                }
                None => "XXXX-WXX-WE".into(),
            };
            return date(j + 1, value);
        }
        let Lex::Season(season) = self.lex(j) else {
            return None;
        };
        let mut k = j + 1;
        if self.is(k, W::Of) {
            k += 1;
        }
        if let Some((year, end)) = self.year_number(k) {
            return date(end, format!("{year:04}-{}", season.code()));
        }
        if j == i || self.fall_is_a_decline(i, j) {
            return None;
        }
        let value = match self.dct {
            Some(d) => {
                let shift = (self.tense(i, j + 1) == Tense::Future).then_some(1);
                season_value(
                    d,
                    season,
                    shift
                        .or(Some(-1))
                        .filter(|_| !in_season(d, season))
                        .or(Some(0)),
                )
            }
            None => format!("XXXX-{}", season.code()),
        };
        date(j + 1, value)
    }

    /// Whether "the fall" at `i..=j` is a decline ("the fall in oil
    /// prices", "to stem the fall", "the fall of the dollar"), as it mostly
    /// is in economic news, rather than the season. The season needs a
    /// preposition of time before it ("in the fall", "by the fall"; not
    /// "for", as in "blamed for the fall") and no "in"/"of" after it.
    fn fall_is_a_decline(&self, i: usize, j: usize) -> bool {
        if self.word(j) != "fall" {
            return false;
        }
        // "the fall season", "the fall and winter" name the season.
        if self.word(j + 1) == "season"
            || self.word(j + 1) == "and" && matches!(self.lex(j + 2), Lex::Season(_))
        {
            return false;
        }
        let timed = i > 0
            && matches!(
                self.word(i - 1),
                "in" | "during"
                    | "by"
                    | "until"
                    | "till"
                    | "since"
                    | "before"
                    | "through"
                    | "throughout"
                    | "early"
                    | "late"
                    | "mid"
            );
        !timed || matches!(self.word(j + 1), "in" | "of" | "-")
    }

    /// "the third quarter", "third-quarter", "the 1988 third quarter",
    /// "the fourth quarter of 2005", "the latest quarter", "the first half",
    /// "the year-ago quarter".
    fn quarter(&self, i: usize) -> Found {
        let mut j = i;
        let the = self.is(j, W::The);
        if the {
            j += 1;
        }
        if let Some(found) = self.period_code(i, j) {
            return Some(found);
        }
        // "year-ago quarter", "year-earlier period".
        if self.year_ago_at(j) {
            let mut end = j + 3;
            // "the year-ago week", "the year-earlier month": that unit a
            // year before the one reported on (a week's figures are of the
            // week of publication, a month's of the month named or else of
            // the last one).
            match (self.unit(end), self.dct) {
                (Some((Unit::Week, false)), Some(d)) => {
                    let day = r::add_days(d, -364)?;
                    return date(end + 1, r::week_value(day));
                }
                (Some((Unit::Month, false)), Some(d)) => {
                    let (y, m) = self
                        .recent_month(i)
                        .unwrap_or_else(|| r::shift_month(d.year(), d.month(), -1));
                    return date(end + 1, r::month_value(y - 1, m));
                }
                _ => {}
            }
            if self.is(end, W::Fiscal) {
                end += 1;
            }
            if let Lex::Ordinal(n) = self.lex(end)
                && (1..=4).contains(&n)
            {
                end = self.hyphen(end + 1);
            }
            let quarter = matches!(self.unit(end), Some((Unit::Quarter, false)));
            if quarter || self.is(end, W::Period) {
                end += 1;
            } else if the {
                // "the year-ago figure": TimeML leaves "the" outside, and
                // the word is read from "year" on (`year_ago_at`).
                return None;
            }
            // A month named since the last quarter ("February's sales
            // were above the year-ago level") is the period compared.
            if !quarter {
                // "Full-year earnings ... against a year-earlier loss".
                if let Some(year) = self.year_compared(i) {
                    return date(end, r::year_value(year));
                }
                if let Some((y, m)) = self.recent_month(i) {
                    return date(end, r::month_value(y - 1, m));
                }
                // ... and so is a year ("1986 net earnings ... compared
                // with a year-ago loss").
                if let Some(year) = self.recent_year(i) {
                    return date(end, r::year_value(year.year - 1));
                }
            }
            let value = match self.last_quarter.or_else(|| self.dct.map(previous_quarter)) {
                Some((y, q)) => r::quarter_value(y - 1, q),
                None => "XXXX-QX".into(),
            };
            return date(end, value);
        }
        let mut explicit_year = None;
        // "the 1988 third quarter"; without "the" only right before
        // "quarter" ("1986 quarter net includes ...") or its ordinal
        // ("1986 4th qtr", "1985's fourth qtr").
        let possessive = |after: usize| {
            if self.punct(after, b'\'') && self.word(after + 1) == "s" {
                after + 2
            } else {
                after
            }
        };
        if let Some((year, after)) = self
            .year_number(j)
            .map(|(year, after)| (year, possessive(after)))
            .filter(|&(_, after)| {
                the || self.unit(after) == Some((Unit::Quarter, false))
                    || self.ordinal_quarter_at(after)
            })
        {
            explicit_year = Some(year);
            j = after;
        } else if self.is(j, W::Fiscal)
            && let Some((year, after)) = self.year_number(j + 1)
            && self.ordinal_quarter_at(after)
        {
            // "fiscal 1987 fourth quarter", "the fiscal 1988 first half".
            explicit_year = Some(year);
            j = after;
        }
        // "this year's third quarter", "next year's first quarter".
        let mut possessed = false;
        if !the
            && let Lex::Word(w @ (W::Last | W::This | W::Next)) = self.lex(j)
            && self.unit(j + 1) == Some((Unit::Year, false))
            && self.punct(j + 2, b'\'')
            && self.word(j + 3) == "s"
            && let Some(dct) = self.dct
        {
            let shift = match w {
                W::Last => -1,
                W::Next => 1,
                _ => 0,
            };
            explicit_year = Some(dct.year() + shift);
            possessed = true;
            j += 4;
        }
        if self.is(j, W::Fiscal) {
            j += 1;
        }
        enum Which {
            Nth(u32),
            Half(u32),
            Latest,
            Current,
        }
        let which = match self.lex(j) {
            Lex::Ordinal(n) if (1..=4).contains(&n) => Which::Nth(n),
            Lex::Word(W::Final) => Which::Nth(4),
            Lex::Word(W::Latest) if the => Which::Latest,
            Lex::Word(W::Current) if the => Which::Current,
            // "last year's quarter": the reported quarter, in that year.
            Lex::Unit {
                unit: Unit::Quarter,
                plural: false,
            } if possessed => {
                let q = self.last_quarter.or_else(|| self.dct.map(previous_quarter));
                let value = match (explicit_year, q) {
                    (Some(y), Some((_, q))) => r::quarter_value(y, q),
                    _ => "XXXX-QX".into(),
                };
                return date(j + 1, value);
            }
            // "the 1985 quarter": the reported quarter, in that year.
            Lex::Unit {
                unit: Unit::Quarter,
                plural: false,
            } if explicit_year.is_some() => {
                let q = self.last_quarter.or_else(|| self.dct.map(previous_quarter));
                let value = match (explicit_year, q) {
                    (Some(y), Some((_, q))) => r::quarter_value(y, q),
                    (Some(y), None) => r::year_value(y),
                    _ => "XXXX-QX".into(),
                };
                return date(j + 1, value);
            }
            Lex::Unit {
                unit: Unit::Quarter,
                plural: false,
            } if the && explicit_year.is_none() => {
                // "the quarter": the one being reported, or the one ending
                // on the day written after it.
                if let Some(ending) = self.quarter_ending(j + 1) {
                    return date(j + 1, ending);
                }
                let value = match self.last_quarter.or_else(|| self.dct.map(previous_quarter)) {
                    Some((y, q)) => r::quarter_value(y, q),
                    None => "XXXX-QX".into(),
                };
                return date(j + 1, value);
            }
            _ => return None,
        };
        let mut k = self.hyphen(j + 1);
        if self.is(k, W::Fiscal) {
            k += 1;
        }
        // "the first 1987 quarter", "its final 1986 quarter".
        if explicit_year.is_none()
            && let Some((y, after)) = self.year_number(k)
            && self.unit(after) == Some((Unit::Quarter, false))
        {
            explicit_year = Some(y);
            k = after;
        }
        // "the latest period" of an earnings report is the quarter it
        // reports on, as "the latest quarter" is; without a quarter named
        // nearby it is any stretch of time ("the latest period of unrest").
        if matches!(which, Which::Latest) && self.is(k, W::Period) {
            let (y, q) = self
                .last_quarter
                .filter(|_| i.saturating_sub(self.last_quarter_at) < QUARTER_CONTEXT_TOKENS)?;
            return date(k + 1, r::quarter_value(y, q));
        }
        let half = match (self.unit(k), self.lex(k)) {
            (Some((Unit::Quarter, false)), _) => false,
            (_, Lex::Word(W::Half)) if matches!(which, Which::Nth(1 | 2)) => true,
            _ => return None,
        };
        let which = match which {
            Which::Nth(n) if half => Which::Half(n),
            other => other,
        };
        // Without "the" the hyphenated adjective counts ("third-quarter"),
        // and "fourth quarter" after a possessive or adjective ("its fourth
        // quarter", "the seasonally slow third quarter"), but not a
        // fraction ("a third quarter", "one fourth quarter").
        // "4TH QTR", "1st half": written with digits or abbreviated, an
        // ordinal is no fraction; nor is one that opens a sentence or a
        // line of a results table ("First quarter revenues fell", "First
        // half\n Shr 15 cts"), where a fraction would have its article.
        let abbreviated =
            self.word(j).as_bytes()[0].is_ascii_digit() || self.word(k).starts_with("qtr");
        let opens = !the && self.opens_sentence(i);
        // "for second half 1987", "in first half of 1988": a year after
        // it says a half is the calendar's, as an article does.
        let year_after = || match self.year_number(k + 1) {
            Some((_, after)) => self.plausible_year_at(k + 1, after),
            None => self.is(k + 1, W::Of) && self.year_number(k + 2).is_some(),
        };
        if !the
            && !possessed
            && k == j + 1
            && !abbreviated
            && !opens
            && ((!matches!(which, Which::Nth(_)) && !year_after()) || self.fraction_before(i))
        {
            return None;
        }
        let mut end = k + 1;
        let mut year = explicit_year;
        if self.is(end, W::Of) {
            if let Some((y, after)) = self.year_number(end + 1) {
                year = Some(y);
                end = after;
            } else if self.is(end + 1, W::Fiscal)
                && let Some((y, after)) = self.year_number(end + 2)
            {
                year = Some(y);
                end = after;
            } else if let (
                Lex::Word(w @ (W::Last | W::This | W::Next)),
                Some((Unit::Year, false)),
            ) = (self.lex(end + 1), self.unit(end + 2))
            {
                let shift = match w {
                    W::Last => -1,
                    W::Next => 1,
                    _ => 0,
                };
                year = self.dct.map(|d| d.year() + shift);
                end += 3;
            }
        } else if year.is_none()
            && let Some((y, after)) = self.year_number(end)
            && self.plausible_year_at(end, after)
        {
            // "the fourth quarter 1986", "4th qtr 1986", as notes write it.
            year = Some(y);
            end = after;
        }
        // "the first half of December", "the second half of a two-week
        // statement period": a half of something other than a year.
        if matches!(which, Which::Half(_))
            && end == k + 1
            && self.is(end, W::Of)
            && !self.year_after_of(end + 1)
            // "growth in the first half of 2.5-3.0 pct" is the year's.
            && self.number(end + 1).is_none()
        {
            return None;
        }
        // "the second quarter ended March 29, 1986": a period that ended
        // on a day whose year is written is that year's, as a company
        // numbers its fiscal quarters.
        if year.is_none() {
            year = self.year_ended_written(end);
        }
        if year.is_none() && !abbreviated && self.period_of_play(i, end) {
            return None;
        }
        let dct = self.dct;
        let value = match which {
            Which::Nth(q) => {
                // A quarter opening a sentence or a line reports results,
                // as shorthand does ("Fourth quarter loss 895,000 dlrs").
                let shorthand = abbreviated || opens;
                let y = year.or_else(|| dct.map(|d| self.year_of_quarter(d, q, i, end, shorthand)));
                match y {
                    Some(y) => r::quarter_value(y, q),
                    None => format!("XXXX-Q{q}"),
                }
            }
            Which::Half(h) => match year.or(dct.map(|d| d.year())) {
                Some(y) => format!("{y:04}-H{h}"),
                None => format!("XXXX-H{h}"),
            },
            Which::Latest => match self.last_quarter.or_else(|| dct.map(previous_quarter)) {
                Some((y, q)) => r::quarter_value(y, q),
                None => "XXXX-QX".into(),
            },
            Which::Current => match dct {
                Some(d) => r::quarter_value(d.year(), r::quarter_of_month(d.month())),
                None => "XXXX-QX".into(),
            },
        };
        date(end, value)
    }

    /// The year of a quarter named without one: the DCT's, or the year
    /// before when a quarter still ahead is talked of in the past ("the
    /// fourth quarter" in March reports on last year's).
    ///
    /// Shorthand ("Q4", "4TH QTR") is how results are reported, in tables
    /// and headlines without a verb: there a quarter still ahead is last
    /// year's unless the sentence looks ahead.
    fn year_of_quarter(
        &self,
        dct: NaiveDate,
        q: u32,
        start: usize,
        end: usize,
        shorthand: bool,
    ) -> i32 {
        let current = r::quarter_of_month(dct.month());
        let tense = self.tense(start, end);
        if q > current && (tense == Tense::Past || shorthand && tense != Tense::Future) {
            dct.year() - 1
        } else {
            dct.year()
        }
    }

    /// The written year of the day a period ended on, read from "ended" or
    /// "ending" at `k` (after a comma too): "ended March 29, 1986",
    /// "ending on June 30, 1987".
    fn year_ended_written(&self, k: usize) -> Option<i32> {
        let k = if self.punct(k, b',') { k + 1 } else { k };
        if !matches!(self.word(k), "ended" | "ending") {
            return None;
        }
        let day = if self.word(k + 1) == "on" {
            k + 2
        } else {
            k + 1
        };
        let (end, _, value) = self.month_date(day).or_else(|| self.day_month(day))?;
        let written = (day..end).any(|t| matches!(self.number(t), Some((_, 4))));
        written.then(|| value.get(..4)?.parse().ok())?
    }

    /// Whether the words from `k` on, after "of", name a year: "the year",
    /// "the current fiscal year", "its 1987/88 financial year".
    fn year_after_of(&self, mut k: usize) -> bool {
        while matches!(
            self.word(k),
            "the"
                | "this"
                | "its"
                | "their"
                | "our"
                | "next"
                | "last"
                | "current"
                | "coming"
                | "present"
                | "same"
                | "fiscal"
                | "financial"
                | "calendar"
                | "company"
                | "s"
                | "'"
                | "/"
        ) || matches!(self.number(k), Some((_, 2 | 4)))
        {
            k += 1;
        }
        self.unit(k) == Some((Unit::Year, false))
    }

    /// Whether "fourth quarter", "final quarter", "first half" or a quarter
    /// code starts at `i`: what a fiscal year before it may qualify.
    fn ordinal_quarter_at(&self, i: usize) -> bool {
        match self.lex(i) {
            Lex::PeriodCode { year: None, .. } => true,
            Lex::Ordinal(n) if (1..=4).contains(&n) => {
                let k = self.hyphen(i + 1);
                self.unit(k) == Some((Unit::Quarter, false)) || (n <= 2 && self.is(k, W::Half))
            }
            Lex::Word(W::Final) => self.unit(self.hyphen(i + 1)) == Some((Unit::Quarter, false)),
            _ => false,
        }
    }

    /// A quarter or half written as a code at `j` (after "the" at `i`):
    /// "Q4", "Q4 2004", "the Q2", "4Q86", "2Q 1987", "H1 96", "fiscal Q3",
    /// "fiscal 1987 Q4". Without a year it resolves as the written form
    /// does ("Q3" is "the third quarter").
    fn period_code(&self, i: usize, mut j: usize) -> Found {
        let mut year = None;
        let fiscal = self.is(j, W::Fiscal);
        if fiscal {
            j += 1;
            if let Some((y, after)) = self.year_number(j) {
                year = Some(y);
                j = after;
            }
        }
        let Lex::PeriodCode {
            half,
            n,
            year: glued,
        } = self.lex(j)
        else {
            return None;
        };
        if !self.code_written_as_one(j) {
            return None;
        }
        let n = u32::from(n);
        let mut end = j + 1;
        match glued {
            Some((y, 4)) => year = Some(i32::from(y)),
            Some((y, _)) => year = Some(self.century_for(u32::from(y)) + i32::from(y)),
            None if year.is_none() => {
                if let Some((y, after)) = self.year_after_code(end) {
                    year = Some(y);
                    end = after;
                } else if let Some(y) = self.year_of_code_range(end) {
                    // "Q1-Q3 2004": the year written after the range is both ends'.
                    year = Some(y);
                }
            }
            None => {}
        }
        if !r::YEARS.contains(&year.unwrap_or(2000)) {
            return None;
        }
        // Halves ("H2" is also hydrogen) and digit-first codes without a
        // year need a period's place in the sentence.
        let digit_first = self.word(j).as_bytes()[0].is_ascii_digit();
        if year.is_none() && (half || digit_first) && !fiscal && !self.code_in_period_place(i, j) {
            return None;
        }
        let dct = self.dct;
        let value = match (half, year) {
            (false, Some(y)) => r::quarter_value(y, n),
            (true, Some(y)) => format!("{y:04}-H{n}"),
            (false, None) => match dct {
                Some(d) => r::quarter_value(self.year_of_quarter(d, n, i, end, true), n),
                None => format!("XXXX-Q{n}"),
            },
            // As "the second half": the DCT's year.
            (true, None) => match dct {
                Some(d) => format!("{:04}-H{n}", d.year()),
                None => format!("XXXX-H{n}"),
            },
        };
        date(end, value)
    }

    /// Whether the code at `j` is written as one: in capitals ("Q4", "4Q",
    /// not "q4" in an address), not inside a figure ("1/2H", a price's
    /// high in a table), a longer code ("H1-B", "Q4-e") or a car's name
    /// ("Audi Q3").
    fn code_written_as_one(&self, j: usize) -> bool {
        let Some(tok) = self.toks.get(j) else {
            return false;
        };
        let letter = self.text.as_bytes()[tok.start..tok.end]
            .iter()
            .find(|b| b.is_ascii_alphabetic());
        if !letter.is_some_and(u8::is_ascii_uppercase) {
            return false;
        }
        let in_figure = self.glued(j)
            && j >= 2
            && matches!(self.kind(j - 1), Some(Kind::Punct(b'/' | b'.' | b',')))
            && self.number(j - 2).is_some();
        let longer = self.glued(j + 1)
            && matches!(self.kind(j + 1), Some(Kind::Punct(b'-' | b'.')))
            && self.glued(j + 2)
            && matches!(self.kind(j + 2), Some(Kind::Word(_)))
            && !matches!(self.lex(j + 2), Lex::PeriodCode { .. });
        let car = j > 0 && self.word(j - 1) == "audi";
        !in_figure && !longer && !car
    }

    /// A year after a code: "Q4 2004", "Q4 of 2004", "Q1 '96", "Q4/86",
    /// "H1 96" (two digits ending the phrase, not a figure).
    fn year_after_code(&self, end: usize) -> Option<(i32, usize)> {
        if let Some(found) = self
            .year_number(end)
            .filter(|&(_, after)| self.plausible_year_at(end, after))
        {
            return Some(found);
        }
        if self.is(end, W::Of) {
            return self.year_number(end + 1);
        }
        // "Q4/86", "Q4-2004".
        let k = if (self.punct(end, b'/') || self.punct(end, b'-'))
            && self.glued(end)
            && self.glued(end + 1)
        {
            end + 1
        } else {
            end
        };
        if k > end
            && let Some(found) = self.year_number(k)
        {
            return Some(found);
        }
        let (y, 2) = self.number(k)? else {
            return None;
        };
        let figure_follows = match self.kind(k + 1) {
            None => false,
            Some(Kind::Punct(b'.' | b',' | b':' | b'/')) => {
                self.glued(k + 1) && self.glued(k + 2) && self.number(k + 2).is_some()
            }
            Some(Kind::Punct(b'%' | b'-')) => true,
            Some(Kind::Punct(_)) => false,
            Some(Kind::Word(Lex::Unit { .. })) => true,
            _ => matches!(
                self.word(k + 1),
                "pct" | "percent" | "pc" | "mln" | "million" | "bln" | "billion" | "cts" | "dlrs"
            ),
        };
        if figure_follows {
            return None;
        }
        Some((self.century_for(y) + y as i32, k + 1))
    }

    /// The year after a range of codes that starts after the code ending
    /// at `end`: "2004" in "Q1-Q3 2004", "H1 and H2 2005".
    fn year_of_code_range(&self, end: usize) -> Option<i32> {
        let joint = self.punct(end, b'-')
            || self.punct(end, b'/')
            || matches!(self.word(end), "to" | "and" | "through");
        if !joint {
            return None;
        }
        let Lex::PeriodCode { year: None, .. } = self.lex(end + 1) else {
            return None;
        };
        self.year_number(end + 2).map(|(y, _)| y)
    }

    /// Whether a code at `j` (its phrase starting at `i`) stands where a
    /// period does: after a preposition ("in H2", "for the 2Q", "on 1H
    /// results"), or before the figures reported for it ("H1 net profit",
    /// "2Q results"); "the H2 fuel cell" is no half.
    fn code_in_period_place(&self, i: usize, j: usize) -> bool {
        let before = i > 0
            && matches!(
                self.word(i - 1),
                "in" | "on"
                    | "for"
                    | "during"
                    | "since"
                    | "from"
                    | "of"
                    | "to"
                    | "by"
                    | "over"
                    | "than"
                    | "its"
                    | "their"
                    | "until"
                    | "through"
                    | "before"
                    | "after"
                    | "vs"
                    | "versus"
            );
        let after = matches!(
            self.word(j + 1),
            "net"
                | "profit"
                | "profits"
                | "pretax"
                | "pre"
                | "loss"
                | "losses"
                | "result"
                | "results"
                | "sales"
                | "earnings"
                | "revenue"
                | "revenues"
                | "eps"
                | "operating"
                | "growth"
                | "turnover"
                | "income"
                | "output"
                | "gdp"
                | "shr"
                | "dividend"
                | "figures"
                | "margin"
                | "margins"
        );
        before || after
    }

    /// Whether the capitalised word at `i` opens a sentence or a line: it
    /// starts the text or a line, or follows a full stop, question or
    /// exclamation mark, colon or quotation mark.
    fn opens_sentence(&self, i: usize) -> bool {
        self.capitalized(i)
            && (i == 0
                || self.toks[i].newline_before
                || matches!(
                    self.kind(i - 1),
                    Some(Kind::Punct(b'.' | b'!' | b'?' | b':' | b'"'))
                ))
    }

    /// Whether the word before `i` would make an ordinal a fraction or a
    /// count ("a third", "one fourth", "every first") or leave it bare.
    fn fraction_before(&self, i: usize) -> bool {
        i == 0
            || matches!(
                self.kind(i - 1),
                Some(Kind::Number { .. }) | Some(Kind::Punct(_))
            )
            || matches!(
                self.word(i - 1),
                "a" | "an" | "one" | "two" | "three" | "every" | "each" | "per" | "and" | "or"
            )
    }

    /// Whether the words from `k` on make the quarter before them a
    /// fraction of something, not three months: "a quarter of its staff",
    /// "about a quarter, of its dealers", "three-quarters of its food", "a
    /// quarter percentage point", "a quarter stake".
    fn fraction_after(&self, k: usize) -> bool {
        let k = if self.punct(k, b',') { k + 1 } else { k };
        matches!(
            self.word(k),
            "of" | "percentage" | "percent" | "point" | "points" | "stake" | "share" | "shares"
        )
    }

    /// "the same period last year", "the corresponding quarter a year
    /// ago", "the same month a year earlier": the counterpart, a year
    /// back, of the quarter or month the document is reporting on.
    fn same_period(&self, i: usize) -> Found {
        if !self.is(i, W::The)
            || !matches!(self.word(i + 1), "same" | "corresponding" | "comparable")
        {
            return None;
        }
        let period = self.is(i + 2, W::Period);
        let unit = self
            .unit(i + 2)
            .filter(|(_, plural)| !plural)
            .map(|(u, _)| u);
        if !period && !matches!(unit, Some(Unit::Month | Unit::Quarter)) {
            return None;
        }
        let k = i + 3;
        let end = if self.is(k, W::Last) && self.unit(k + 1) == Some((Unit::Year, false)) {
            k + 2
        } else if self.is(k, W::A)
            && self.unit(k + 1) == Some((Unit::Year, false))
            && (self.is(k + 2, W::Ago) || self.is(k + 2, W::Earlier))
        {
            k + 3
        } else {
            return None;
        };
        let quarter_context = self
            .last_quarter
            .filter(|_| i.saturating_sub(self.last_quarter_at) < QUARTER_CONTEXT_TOKENS);
        let value = match (unit, quarter_context, self.last_month) {
            (Some(Unit::Quarter), Some((y, q)), _) | (None, Some((y, q)), _) => {
                r::quarter_value(y - 1, q)
            }
            (Some(Unit::Month) | None, _, Some((y, m))) => r::month_value(y - 1, m),
            _ => match self.dct {
                Some(d) => r::year_value(d.year() - 1),
                None => "XXXX".into(),
            },
        };
        date(end, value)
    }

    /// A count: "three", "24", "twenty-four", "a", "several", "a few".
    /// `None` as the count means an unspecified number (`PXY`).
    fn quantity(&self, i: usize) -> Option<(Option<u32>, usize)> {
        match self.kind(i)? {
            Kind::Number { value, digits } if digits <= 6 => {
                // "1,700": only the last group would be read; skip such numbers.
                if i > 0 && self.punct(i - 1, b',') && self.glued(i) {
                    return None;
                }
                // "13.9 years": the decimals of a number are no count.
                if i > 1
                    && self.punct(i - 1, b'.')
                    && self.glued(i)
                    && self.glued(i - 1)
                    && self.number(i - 2).is_some()
                {
                    return None;
                }
                // "5 1/2 hours" and "2.5 years": fractions are not counted.
                if self.punct(i + 1, b'/')
                    || (self.punct(i + 1, b'.') && self.number(i + 2).is_some())
                {
                    return None;
                }
                Some((Some(value), i + 1))
            }
            Kind::Word(Lex::Num(n)) => {
                let mut value = n;
                let mut end = i + 1;
                if (20..=90).contains(&n) && n % 10 == 0 {
                    let k = self.hyphen(end);
                    if let Lex::Num(units) = self.lex(k)
                        && (1..=9).contains(&units)
                    {
                        value += units;
                        end = k + 1;
                    }
                }
                if self.is(end, W::Hundred) {
                    value *= 100;
                    end += 1;
                }
                Some((Some(value), end))
            }
            Kind::Word(Lex::Word(W::A)) => match self.lex(i + 1) {
                Lex::Word(W::Few) => Some((None, i + 2)),
                // TimeBank reads "a couple of years" as two (P2Y).
                Lex::Word(W::Couple) if self.is(i + 2, W::Of) => Some((Some(2), i + 3)),
                Lex::Word(W::Hundred) => Some((Some(100), i + 2)),
                Lex::Num(12) if self.word(i + 1) == "dozen" => Some((Some(12), i + 2)),
                _ => Some((Some(1), i + 1)),
            },
            Kind::Word(Lex::Word(W::Several | W::Few | W::Many)) => Some((None, i + 1)),
            _ => None,
        }
    }

    /// Whether the four-digit number at `j` names a year before the unit
    /// that follows it ("1986 year", "1985 quarter", "same 1986 month")
    /// rather than counting units: a year's number with a singular unit
    /// counts nothing, and with a plural one only after another count
    /// ("the last six 1986 months"), since "2000 years" may be a span.
    fn year_before_unit(&self, j: usize, plural: bool) -> bool {
        if self.year_of_a_unit(j).is_none() {
            return false;
        }
        !plural
            || j > 0
                && (self.number(j - 1).is_some()
                    || matches!(self.lex(j - 1), Lex::Num(_) | Lex::Ordinal(_)))
    }

    /// Durations: "three years", "the past 24 hours", "a decade",
    /// "six-month", "the first nine months", "years", "recent weeks".
    fn duration(&self, i: usize) -> Found {
        let mut j = i;
        let mut the = false;
        if self.is(j, W::The) {
            the = true;
            j += 1;
        }
        let mut framed = false;
        match self.lex(j) {
            Lex::Word(
                W::Past
                | W::Last
                | W::Next
                | W::Coming
                | W::Previous
                | W::Final
                | W::Recent
                | W::Latest
                | W::Following,
            ) => {
                framed = true;
                j += 1;
            }
            Lex::Ordinal(1) if the => {
                framed = true;
                j += 1;
            }
            _ => {}
        }
        let (count, after_count) = match self.quantity(j) {
            Some((count, after)) => (count, after),
            // A number that is no count leaves no bare unit: "13.9 years".
            None if framed || (!the && j == i && !self.after_number(i)) => (None, j),
            None => return None,
        };
        // "a few" and "several" need a plural unit; "the" alone needs a count.
        if the && !framed && after_count == j {
            return None;
        }
        if the && !framed && self.is(j, W::A) {
            return None;
        }
        let mut k = after_count;
        // "2 1/2 years", "5 1/2 hours": a count and a half.
        let half = count.is_some()
            && matches!(self.kind(j), Some(Kind::Number { .. }))
            && matches!(self.number(k), Some((1, 1)))
            && self.punct(k + 1, b'/')
            && matches!(self.number(k + 2), Some((2, 1)));
        if half {
            k += 3;
        }
        // "20 more years", "two additional weeks".
        if count.is_some() && k > j && matches!(self.word(k), "more" | "additional" | "extra") {
            k += 1;
        }
        let hyphenated = self.punct(k, b'-') && after_count > j;
        k = self.hyphen(k);
        // "eight trading days", "six straight days", "two consecutive quarters".
        let run = matches!(
            self.lex(k),
            Lex::Word(W::Trading | W::Straight | W::Consecutive | W::Business)
        );
        if run {
            k += 1;
        }
        let (unit, plural) = self.unit(k)?;
        // "478   YEAR AGO" in a price table: the number is the column
        // before, as `ago` finds.
        if !plural && !hyphenated && count.is_some_and(|n| n > 1) && self.is(k + 1, W::Ago) {
            return None;
        }
        // "1986 year", "the 1985 quarter", "the first two 1987 months":
        // earnings tables name a year before its unit, not a count of them.
        if k == after_count && self.year_before_unit(j, plural) {
            return None;
        }
        // "2100 hrs", "1900 hours local": a clock reading, not a count.
        if matches!(self.number(j), Some((_, 4))) && self.four_digit_clock(j).is_some() {
            return None;
        }
        // Bare "years" or "the past years": a plural unit without a count.
        if after_count == j {
            if !plural || (the && !framed) {
                return None;
            }
            if j == i && matches!(unit, Unit::Second | Unit::Quarter) {
                return None;
            }
            // The tail of an age whose count was rejected: "52 years old".
            // ("a years-old slump" stays a duration, as the gold tags it.)
            if self.is(k + 1, W::Old) {
                return None;
            }
            // "in recent years" is annotated as a vague past date, unlike
            // "recent weeks" or "the past years".
            if framed && self.is(j - 1, W::Recent) && matches!(unit, Unit::Year | Unit::Decade) {
                return date(k + 1, "PAST_REF".into());
            }
            // "the past week", "last year" are dates; handled by `relative`.
            return Some((k + 1, TimexType::Duration, duration_value(None, unit)));
        }
        // "a second" is an ordinal; "the second quarter" a date.
        if count == Some(1) && unit == Unit::Second && self.word(k) == "second" && self.is(j, W::A)
        {
            return None;
        }
        if unit == Unit::Quarter && count.is_some() && !framed && the {
            return None;
        }
        // "a quarter of its staff", "three-quarters of its food": the
        // fractions of everyday speech; "two consecutive quarters of
        // contraction" is time.
        if unit == Unit::Quarter
            && matches!(count, Some(1 | 3))
            && !framed
            && !run
            && self.fraction_after(k + 1)
        {
            return None;
        }
        let end = k + 1;
        // Ages ("6-year-old", "44 years old", "16 to 20-year-olds") are
        // not annotated as times.
        if self.age_after(end) {
            return None;
        }
        // Counts of bare "one" are often pronouns: "one day he..." is a date.
        if !the
            && !framed
            && count == Some(1)
            && self.word(j) == "one"
            && unit == Unit::Day
            && !hyphenated
        {
            return None;
        }
        if half {
            let n = count.unwrap_or(0);
            let value = match unit {
                Unit::Year => format!("P{n}Y6M"),
                Unit::Day => format!("P{n}DT12H"),
                Unit::Hour => format!("PT{n}H30M"),
                Unit::Minute => format!("PT{n}M30S"),
                _ => return None,
            };
            return Some((end, TimexType::Duration, value));
        }
        Some((end, TimexType::Duration, duration_value(count, unit)))
    }

    /// "two years ago", "a year earlier", "10 days ago", "years ago".
    fn ago(&self, i: usize) -> Found {
        let (count, after) = match self.quantity(i) {
            Some(q) => q,
            None if self.unit(i).is_some_and(|(_, plural)| plural) && !self.after_number(i) => {
                (None, i)
            }
            None => return None,
        };
        let (unit, plural) = self.unit(after)?;
        // "478   YEAR AGO" in a price table: a count of more than one
        // before a singular unit belongs to the column before it.
        if count.is_some_and(|n| n > 1) && !plural {
            return None;
        }
        let end = after + 1;
        let sign: i64 = match self.lex(end) {
            Lex::Word(W::Ago | W::Earlier) => -1,
            Lex::Word(W::Later) => 1,
            _ => return None,
        };
        let Some(n) = count else {
            let value = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
            return date(end + 1, value.into());
        };
        // "in 1986 from 20,430 a year earlier": counted back from the date
        // its sentence named, when that came after any quarter named.
        if unit == Unit::Year
            && self.is(end, W::Earlier)
            && let Some(anchor) = self.dated_in_sentence(i)
            && self
                .last_quarter
                .is_none_or(|_| anchor.end > self.last_quarter_at)
        {
            return date(end + 1, r::year_value(anchor.year - n as i32));
        }
        // "For the fiscal year ended March 31 ... from a year earlier".
        if unit == Unit::Year
            && n == 1
            && sign < 0
            && let Some(year) = self.year_compared(i)
        {
            return date(end + 1, r::year_value(year));
        }
        // Earnings reports compare quarters: "a year earlier" is the same
        // quarter of the previous year when the sentence talks about quarters.
        if unit == Unit::Year
            && n == 1
            && let Some((y, q)) = self.last_quarter
            && i.saturating_sub(self.last_quarter_at) < QUARTER_CONTEXT_TOKENS
        {
            return date(end + 1, r::quarter_value(y - 1, q));
        }
        let Some(dct) = self.dct else {
            return date(
                end + 1,
                x_value(unit).unwrap_or_else(|| "XXXX-XX-XX".into()),
            );
        };
        let n = i64::from(n);
        let value = match unit {
            Unit::Second | Unit::Minute | Unit::Hour => {
                if sign < 0 {
                    "PAST_REF".into()
                } else {
                    "FUTURE_REF".into()
                }
            }
            Unit::Day => r::day_value(r::add_days(dct, sign * n)?),
            Unit::Week => r::day_value(r::add_days(dct, sign * n * 7)?),
            Unit::Month => {
                let d = r::add_months(dct, sign * n)?;
                r::month_value(d.year(), d.month())
            }
            Unit::Quarter => {
                let (y, q) = r::shift_quarter(
                    dct.year(),
                    r::quarter_of_month(dct.month()),
                    (sign * n) as i32,
                );
                r::quarter_value(y, q)
            }
            Unit::Year => r::year_value(dct.year() + (sign * n) as i32),
            Unit::Decade => {
                let y = dct.year() + (sign * n * 10) as i32;
                format!("{:03}", y / 10)
            }
            Unit::Century => {
                let y = dct.year() + (sign * n * 100) as i32;
                format!("{:02}", y / 100)
            }
        };
        // Absurd offsets ("5000 years ago") leave the plausible calendar.
        let year = value.get(..4).and_then(|y| y.parse::<i32>().ok());
        let plausible = year.is_none_or(|y| r::YEARS.contains(&y));
        plausible.then_some((end + 1, TimexType::Date, value))
    }

    /// The month or quarter before the one the sentence of token `i` named
    /// before it: "rose in February from the previous month" is January,
    /// "in the fourth quarter of 1986 against the previous quarter" the
    /// third. Without one named, "the previous month" counts from the month
    /// the story reports on, or from the DCT.
    fn before_the_one_named(&self, i: usize, unit: Unit) -> Option<String> {
        let in_sentence = |at: usize| {
            at <= i
                && i - at < DATED_CONTEXT_TOKENS
                && !(at..i).any(|k| ends_sentence(self.toks, k))
        };
        match unit {
            Unit::Month => {
                let (year, month) = match self.last_month {
                    Some(named) if in_sentence(self.last_month_end) => named,
                    _ => self.month_reported(i)?,
                };
                let (year, month) = r::shift_month(year, month, -1);
                Some(r::month_value(year, month))
            }
            Unit::Quarter => {
                let (year, quarter) = self.last_quarter?;
                in_sentence(self.last_quarter_at).then_some(())?;
                let (year, quarter) = r::shift_quarter(year, quarter, -1);
                Some(r::quarter_value(year, quarter))
            }
            // "in the week ended Feb 21 from 368,400 in the prior week":
            // weekly figures compare with the week before the one that
            // ended on the day named, in that sentence or the next ("That
            // was up from 2,997,800 the previous week").
            Unit::Week => Some(r::week_value(r::add_days(self.week_ended_named(i)?, -7)?)),
            _ => None,
        }
    }

    /// The day that ends the week a weekly report named shortly before
    /// token `i` ("in the week ended Feb 21"), if no other day was named
    /// since.
    fn week_ended_named(&self, i: usize) -> Option<NaiveDate> {
        let day = self.reference_day?;
        let end = self.reference_day_end;
        let near = end <= i && i - end < DATED_CONTEXT_TOKENS;
        let week_ended = (end.saturating_sub(WEEK_ENDED_TOKENS)..end).any(|k| {
            matches!(self.word(k), "ended" | "ending")
                && k > 0
                && self.unit(k - 1) == Some((Unit::Week, false))
        });
        (near && week_ended).then_some(day)
    }

    /// The date named last before token `i`, if it is in `i`'s sentence.
    fn dated_in_sentence(&self, i: usize) -> Option<Dated> {
        self.in_sentence(self.last_dated, i)
    }

    /// `anchor`, if it ends in token `i`'s sentence before `i`.
    fn in_sentence(&self, anchor: Option<Dated>, i: usize) -> Option<Dated> {
        let anchor = anchor?;
        let near = anchor.end <= i && i - anchor.end < DATED_CONTEXT_TOKENS;
        (near && !(anchor.end..i).any(|k| ends_sentence(self.toks, k))).then_some(anchor)
    }

    /// Whether a title-case "Daily" is part of a newspaper's name: "China
    /// Daily", "People's Daily", "Daily Telegraph", "New York Daily News".
    /// A frequency is written lower case inside a sentence, so a capital
    /// next to another capitalised word names a paper; "Daily average"
    /// opening a sentence and a line of capitals ("OMAHA DAILY GRAIN
    /// PRICES") stay frequencies.
    fn daily_in_name(&self, i: usize) -> bool {
        // A word in title case: a line of capitals ("LORD ABBETT TAX FREE
        // FUND" over "Daily div 6.7 cts") says nothing about the word
        // after it.
        let title_case = |k: usize| {
            matches!(self.kind(k), Some(Kind::Word(_)))
                && self.toks.get(k).is_some_and(|t| {
                    let b = self.text.as_bytes();
                    t.end > t.start + 1
                        && b[t.start].is_ascii_uppercase()
                        && b[t.start + 1].is_ascii_lowercase()
                })
        };
        if !title_case(i) {
            return false;
        }
        // "People's Daily": the capital is before the possessive.
        let before = i.checked_sub(1).is_some_and(title_case)
            || i >= 3 && self.word(i - 1) == "s" && self.punct(i - 2, b'\'') && title_case(i - 3);
        before || title_case(i + 1)
    }

    /// Sets: "every Monday", "each year", "annually", "daily", "every
    /// three years", "Tuesday nights".
    fn set(&self, i: usize) -> Found {
        let set = |end: usize, value: String| Some((end, TimexType::Set, value));
        match self.lex(i) {
            Lex::Word(W::Daily) if !self.daily_in_name(i) => set(i + 1, "P1D".into()),
            Lex::Word(W::Weekly) => set(i + 1, "P1W".into()),
            Lex::Word(W::Monthly) => set(i + 1, "P1M".into()),
            Lex::Word(W::Annually) => set(i + 1, "P1Y".into()),
            Lex::Word(W::Hourly) => set(i + 1, "PT1H".into()),
            Lex::Word(W::Every | W::Each) => {
                let mut j = i + 1;
                let mut step = 1;
                if self.is(j, W::Other) {
                    step = 2;
                    j += 1;
                }
                if let Some((Some(n), after)) = self.quantity(j)
                    && let Some((unit, true)) = self.unit(after)
                {
                    return set(after + 1, duration_value(Some(n * step), unit));
                }
                match self.lex(j) {
                    Lex::Unit {
                        unit,
                        plural: false,
                    } => set(j + 1, duration_value(Some(step), unit)),
                    Lex::Weekday { day, abbr: false } => {
                        if let Lex::DayPart(part) = self.lex(j + 1) {
                            return set(j + 2, format!("XXXX-WXX-{day}T{}", part.code()));
                        }
                        set(j + 1, format!("XXXX-WXX-{day}"))
                    }
                    Lex::Month { month, abbr: false } if self.capitalized(j) => {
                        set(j + 1, format!("XXXX-{month:02}"))
                    }
                    Lex::DayPart(part) => set(j + 1, format!("XXXX-XX-XXT{}", part.code())),
                    Lex::Season(season) => set(j + 1, format!("XXXX-{}", season.code())),
                    Lex::Word(W::Weekend) => set(j + 1, "XXXX-WXX-WE".into()),
                    _ => None,
                }
            }
            // "$5 a year", "twice a day", "15 per year".
            Lex::Word(W::A | W::Per) if i > 0 && self.rate_before(i) => match self.unit(i + 1) {
                Some((unit, false)) if unit != Unit::Second => {
                    set(i + 2, duration_value(Some(1), unit))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether the token before `i` is an amount that "a year" makes a rate.
    fn rate_before(&self, i: usize) -> bool {
        matches!(
            self.kind(i - 1),
            Some(Kind::Number { .. }) | Some(Kind::Punct(b'%'))
        ) || matches!(
            self.word(i - 1),
            "times" | "twice" | "once" | "million" | "billion" | "percent" | "dollars"
        )
    }

    /// Clock times: "3 p.m.", "10:35 a.m. Friday", "5 p.m. EST Nov. 9",
    /// "noon Saturday", "midnight", "18:00 UTC".
    fn clock_time(&self, i: usize) -> Found {
        let (clock, mut end) = self.clock(i)?;
        // Universal time is written with a "Z" in TIMEX3 values.
        let mut zulu = "";
        if self.is(end, W::TimeZone) {
            if matches!(self.word(end), "utc" | "gmt") {
                zulu = "Z";
            }
            end += 1;
        }
        // Optional day after the clock: "Friday", "today", "Nov. 9".
        let mut day_end = end;
        if self.punct(day_end, b',') {
            day_end += 1;
        }
        let day = self
            .month_date(day_end)
            .or_else(|| self.weekday(day_end))
            .or_else(|| self.deictic(day_end))
            .filter(|(_, kind, value)| *kind == TimexType::Date && value.len() == 10);
        let (end, day_value) = match day {
            Some((e, _, value)) => (e, value),
            None => (
                end,
                self.day_set_off_after_clock(end)
                    .unwrap_or_else(|| day_or_x(self.dct)),
            ),
        };
        let time = if clock.hour == 24 {
            "24:00".to_string()
        } else {
            format!("{:02}:{:02}", clock.hour, clock.minute)
        };
        Some((end, TimexType::Time, format!("{day_value}T{time}{zulu}")))
    }

    /// The day a clock reading ending before `end` is on when words stand
    /// between them: "11:45 a.m. on Nov. 5", "10:00 a.m. (0200 GMT)
    /// Saturday", "2:00 a.m. local time Tuesday". The day is tagged on its
    /// own, as TimeML draws it, but the time is on it, not on the DCT.
    fn day_set_off_after_clock(&self, end: usize) -> Option<String> {
        let mut k = end;
        if self.punct(k, b'(') {
            // Over the same time in another zone: "(0200 GMT)".
            k = (k + 1..(k + 6).min(self.toks.len())).find(|&c| self.punct(c, b')'))? + 1;
        } else if self.punct(k, b')') {
            k += 1;
        }
        if self.word(k + 1) == "time" && matches!(self.kind(k), Some(Kind::Word(_))) {
            k += 2;
        }
        if self.word(k) == "on" {
            k += 1;
        }
        if k == end {
            return None;
        }
        self.month_date(k)
            .or_else(|| self.weekday(k))
            .or_else(|| self.deictic(k))
            .filter(|(_, kind, value)| *kind == TimexType::Date && value.len() == 10)
            .map(|(_, _, value)| value)
    }

    /// A clock reading at `i` and the token after it.
    fn clock(&self, i: usize) -> Option<(Clock, usize)> {
        match self.lex(i) {
            Lex::Word(W::Noon | W::Midday) => {
                return Some((
                    Clock {
                        hour: 12,
                        minute: 0,
                    },
                    i + 1,
                ));
            }
            Lex::Word(W::Midnight) => {
                return Some((
                    Clock {
                        hour: 24,
                        minute: 0,
                    },
                    i + 1,
                ));
            }
            _ => {}
        }
        let (hour, digits) = self.number(i)?;
        if digits == 4 {
            return self.four_digit_clock(i);
        }
        if digits > 2 {
            return None;
        }
        let mut hour = hour;
        let mut minute = 0;
        let mut end = i + 1;
        let mut has_minutes = false;
        if self.punct(end, b':')
            && self.glued(end)
            && let Some((m, 2)) = self.number(end + 1)
        {
            // "2:00.44", "8:45.47": minutes, seconds and hundredths of a
            // race, no time of day.
            if self.punct(end + 2, b'.') && self.glued(end + 2) && self.glued(end + 3) {
                return None;
            }
            minute = m;
            end += 2;
            has_minutes = true;
        }
        let meridiem = self.meridiem(end);
        if let Some((pm, after)) = meridiem {
            if !(1..=12).contains(&hour) {
                return None;
            }
            if pm && hour < 12 {
                hour += 12;
            } else if !pm && hour == 12 {
                hour = 0;
            }
            end = after;
        } else if !has_minutes {
            return None;
        } else if !self.is(end, W::TimeZone) {
            // "3:30" alone: a time only with a plausible clock and not a score.
            if self.punct(end, b'-') {
                return None;
            }
        }
        if hour > 24 || minute > 59 {
            return None;
        }
        Some((Clock { hour, minute }, end))
    }

    /// "a.m." / "p.m." / "am" / "pm" at `i`: whether p.m., and the token after.
    fn meridiem(&self, i: usize) -> Option<(bool, usize)> {
        match self.lex(i) {
            Lex::Word(W::Am) => return Some((false, i + 1)),
            Lex::Word(W::Pm) => return Some((true, i + 1)),
            _ => {}
        }
        let first = self.word(i);
        if (first == "a" || first == "p")
            && self.punct(i + 1, b'.')
            && self.glued(i + 1)
            && self.word(i + 2) == "m"
            && self.glued(i + 2)
        {
            let mut end = i + 3;
            if self.punct(end, b'.') && self.glued(end) && !self.sentence_final_period(end) {
                end += 1;
            }
            return Some((first == "p", end));
        }
        None
    }

    /// Whether the period at `i` also ends the sentence; TimeML extents
    /// leave that period out.
    fn sentence_final_period(&self, i: usize) -> bool {
        match self.toks.get(i + 1) {
            None => true,
            Some(next) => {
                next.newline_before
                    || (next.space_before
                        && self.capitalized(i + 1)
                        && !matches!(
                            next.kind,
                            Kind::Word(Lex::Weekday { .. } | Lex::Month { .. })
                                | Kind::Word(Lex::Word(W::TimeZone))
                        ))
            }
        }
    }

    /// Whether the words at `k` make the unit before them an age: "old",
    /// "-old", "-olds" ("for 16 to 17-year-olds").
    fn age_after(&self, k: usize) -> bool {
        let k = if self.punct(k, b'-') { k + 1 } else { k };
        self.is(k, W::Old) || self.word(k) == "olds"
    }
}

/// The year a date value names when it names a year and nothing finer
/// ("1986", not "1987-02"), which ends before token `end`. A month or a
/// day is no anchor: "from 1.82 mln in January and 1.64 mln a year
/// earlier" compares with the February reported, and a December named in
/// January would put it two years back.
fn dated(value: &str, end: usize) -> Option<Dated> {
    if value.len() != 4 {
        return None;
    }
    let year = value.parse::<i32>().ok()?;
    Some(Dated { year, end })
}

fn day_or_x(day: Option<NaiveDate>) -> String {
    day.map_or_else(|| "XXXX-XX-XX".into(), r::day_value)
}

/// The quarter before the DCT's: earnings news reports the one just ended.
fn previous_quarter(dct: NaiveDate) -> (i32, u32) {
    r::shift_quarter(dct.year(), r::quarter_of_month(dct.month()), -1)
}

fn parse_quarter_value(value: &str) -> Option<(i32, u32)> {
    let (year, q) = value.split_once("-Q")?;
    Some((
        year.parse().ok()?,
        q.parse().ok().filter(|q| (1..=4).contains(q))?,
    ))
}

/// The value of "this/last/next UNIT" relative to the DCT.
fn relative_unit_value(dct: NaiveDate, unit: Unit, shift: i32) -> Option<String> {
    Some(match unit {
        Unit::Day => r::day_value(r::add_days(dct, i64::from(shift))?),
        Unit::Week => r::week_value(r::add_days(dct, i64::from(shift) * 7)?),
        Unit::Month => {
            let (y, m) = r::shift_month(dct.year(), dct.month(), shift);
            r::month_value(y, m)
        }
        Unit::Quarter => {
            let (y, q) = r::shift_quarter(dct.year(), r::quarter_of_month(dct.month()), shift);
            r::quarter_value(y, q)
        }
        Unit::Year => r::year_value(dct.year() + shift),
        Unit::Decade => format!("{:03}", dct.year() / 10 + shift),
        Unit::Century => format!("{:02}", dct.year() / 100 + shift),
        Unit::Second | Unit::Minute | Unit::Hour => return None,
    })
}

/// The unresolved value of a unit when there is no DCT.
fn x_value(unit: Unit) -> Option<String> {
    Some(
        match unit {
            Unit::Day => "XXXX-XX-XX",
            Unit::Week => "XXXX-WXX",
            Unit::Month => "XXXX-XX",
            Unit::Quarter => "XXXX-QX",
            Unit::Year => "XXXX",
            Unit::Decade => "XXX",
            Unit::Century => "XX",
            Unit::Second | Unit::Minute | Unit::Hour => return None,
        }
        .into(),
    )
}

fn duration_value(count: Option<u32>, unit: Unit) -> String {
    let (designator, multiplier) = unit.designator();
    let t = if unit.is_clock() { "T" } else { "" };
    match count {
        Some(n) => format!("P{t}{}{designator}", u64::from(n) * u64::from(multiplier)),
        None => match unit {
            Unit::Decade => "PXDE".into(),
            Unit::Century => "PXCE".into(),
            _ => format!("P{t}X{designator}"),
        },
    }
}

fn in_season(d: NaiveDate, season: Season) -> bool {
    let m = d.month();
    let first = season.first_month();
    (0..3).any(|k| (first + k - 1) % 12 + 1 == m)
}

/// The year of a season relative to the DCT: `shift` -1 for the latest one
/// that has ended or begun before the current season, +1 for the next,
/// 0 for the current year's.
fn season_value(d: NaiveDate, season: Season, shift: Option<i32>) -> String {
    let year = d.year();
    let first = season.first_month();
    let value_year = match shift.unwrap_or(0) {
        s if s < 0 => {
            if first < d.month() && !in_season(d, season) {
                year
            } else {
                year - 1
            }
        }
        s if s > 0 => {
            if first > d.month() {
                year
            } else {
                year + 1
            }
        }
        _ => year,
    };
    format!("{value_year:04}-{}", season.code())
}
