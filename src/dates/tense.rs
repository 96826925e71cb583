//! The tense of the sentence around an expression, from cue words.
//!
//! A full POS tagger is not needed to resolve "Friday": the nearest verb-like
//! cue in the same sentence ("will", "was", "said", any "-ed" form) decides
//! whether it is the coming or the past Friday. The search is bounded to a
//! window of tokens, so it costs O(1) per expression.

use super::lexicon::{Lex, W};
use super::resolve::Tense;
use super::scan::{Kind, Token};

/// How far (in tokens) the cue search reaches on either side.
const WINDOW: usize = 40;

/// The tense of the sentence containing tokens `start..end`, judged by the
/// cue closest to the expression (nearer cues usually govern it).
pub fn tense_around(lower: &str, toks: &[Token], start: usize, end: usize) -> Tense {
    if deadline_before(lower, toks, start, end) || awaited_in_present(lower, toks, start) {
        return Tense::Future;
    }
    let left = nearest_cue_left(lower, toks, start, false);
    let hi = (end + WINDOW).min(toks.len());
    for (j, tok) in toks.iter().enumerate().take(hi).skip(end) {
        // A quotation ends the speaker's words: the report after it tells
        // when they were said, not when their day falls ("... from June,"
        // the spokesman said).
        if tok.newline_before && j > end
            || ends_sentence(toks, j)
            || closes_quotation(lower, toks, j)
        {
            break;
        }
        if let Some(t) = cue(lower, toks, j) {
            let distance = j + 1 - end;
            if left.is_none_or(|(d, _)| distance < d) {
                return t;
            }
            break;
        }
    }
    left.map_or(Tense::Unknown, |(_, t)| t)
}

/// How far (in tokens) left of an expression the conjunction of a
/// clause that awaits it is looked for.
const AWAITING_CLAUSE: usize = 12;

/// Whether the expression at `start` sits in a clause of time whose verb
/// is in the present simple: "until the Danes take over in July", "once
/// the new board meets in May", "when the loan comes due in June". English
/// puts what is still to come in the present there, so such a clause
/// looks ahead whatever tense the sentence around it has ("now held by
/// the Belgians until ..."); a past verb in it ("until the Danes took
/// over") is a cue, and the clause is then the past's.
fn awaited_in_present(lower: &str, toks: &[Token], start: usize) -> bool {
    let lo = start.saturating_sub(AWAITING_CLAUSE);
    let mut verb = None;
    let mut i = start;
    while i > lo {
        i -= 1;
        if ends_sentence(toks, i)
            || matches!(toks[i].kind, Kind::Punct(b',' | b':' | b'"' | b'(' | b')'))
        {
            return false;
        }
        let w = word(lower, toks, i);
        if matches!(w, "until" | "till" | "once" | "when" | "before" | "after") {
            return verb.is_some_and(|v| subject_between(lower, toks, i + 1, v));
        }
        if cue(lower, toks, i).is_some() {
            return false;
        }
        if present_event_verb(w) {
            verb = Some(i);
        }
    }
    false
}

/// Whether tokens `from..verb` are the subject of the verb at `verb`:
/// one word ("until Denmark takes over", "once it opens"), or up to four
/// opened by a determiner ("until the Danes take over", "when a new
/// export pipeline comes on stream"). A determiner or preposition right before makes the verb a
/// noun ("after the close of trading", "after change in fiscal year end").
fn subject_between(lower: &str, toks: &[Token], from: usize, verb: usize) -> bool {
    let words = from..verb;
    let all_words = words
        .clone()
        .all(|k| matches!(toks[k].kind, Kind::Word(Lex::Unknown | Lex::Word(_))));
    let determiner = |k: usize| {
        matches!(
            word(lower, toks, k),
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "these" | "those"
        )
    };
    match words.len() {
        1 => all_words && !determiner(from),
        2..=4 => all_words && determiner(from) && !determiner(verb - 1),
        _ => false,
    }
}

/// Verbs of the events news schedules, in the present simple.
fn present_event_verb(w: &str) -> bool {
    let bare = w.strip_suffix("es").filter(|b| {
        b.ends_with("ss") || b.ends_with("sh") || b.ends_with('o') || b.ends_with("ch")
    });
    let bare = bare.or_else(|| w.strip_suffix('s')).unwrap_or(w);
    matches!(
        bare,
        "take"
            | "come"
            | "go"
            | "begin"
            | "start"
            | "end"
            | "meet"
            | "return"
            | "arrive"
            | "leave"
            | "open"
            | "close"
            | "vote"
            | "visit"
            | "resume"
            | "hand"
            | "join"
            | "expire"
            | "become"
            | "assume"
            | "reach"
            | "finish"
            | "complete"
            | "mature"
            | "convene"
    )
}

/// Whether a verb in the simple past governs the day starting at `start`
/// right before it: "took effect on Jan. 1", "was announced on March
/// 18", "fell on Monday". What such a verb reports on a day has
/// happened, so the day is not one still to come. A participle alone
/// is no such verb ("shares registered on May 6", "securities pledged
/// on April 22" name days ahead), nor a past after "if" ("if the
/// government fell on Dec. 8") or "before", which reported speech puts
/// in the past for what is still to come ("would be made shortly before
/// the price was announced on April 28").
pub fn past_verb_before(lower: &str, toks: &[Token], start: usize) -> bool {
    let mut k = start;
    if k > 0 && word(lower, toks, k - 1) == "on" {
        k -= 1;
        // "took effect on", "took place on", "took office on".
        if k > 1 && matches!(word(lower, toks, k - 1), "effect" | "place" | "office") {
            k -= 1;
        }
    }
    if k == 0 || k == start {
        return false;
    }
    let verb = k - 1;
    let simple_past = matches!(
        word(lower, toks, verb),
        "took"
            | "began"
            | "came"
            | "went"
            | "fell"
            | "rose"
            | "gave"
            | "saw"
            | "became"
            | "was"
            | "were"
    );
    let passive_past = verb > 0
        && matches!(word(lower, toks, verb - 1), "was" | "were")
        && matches!(toks[verb].kind, Kind::Word(Lex::Unknown | Lex::Word(_)))
        && {
            let w = word(lower, toks, verb);
            w.ends_with("ed")
                || matches!(
                    w,
                    "made"
                        | "held"
                        | "paid"
                        | "sold"
                        | "bought"
                        | "signed"
                        | "sent"
                        | "given"
                        | "taken"
                        | "won"
                        | "lost"
                        | "set"
                        | "put"
                        | "met"
                        | "seen"
                        | "found"
                )
        };
    let conditional = (verb.saturating_sub(6)..verb).any(|j| {
        matches!(
            word(lower, toks, j),
            "if" | "unless" | "whether" | "before" | "until" | "till"
        )
    });
    (simple_past || passive_past) && !conditional
}

/// Whether the token at `i` closes a quotation at the end of a clause:
/// a quotation mark, straight or curly, glued to what it closes, with a
/// comma before or after it ("from June,\" the spokesman said", "in
/// May\", he said"). One that opens a quotation ("earnings \"will
/// probably be off") or closes a phrase the sentence goes on after
/// ("results in the fourth quarter\" ended February 28") ends nothing.
fn closes_quotation(lower: &str, toks: &[Token], i: usize) -> bool {
    let quote = matches!(toks[i].kind, Kind::Punct(b'"'))
        || matches!(word(lower, toks, i), "\u{201c}" | "\u{201d}");
    let comma = |k: usize| matches!(toks.get(k).map(|t| t.kind), Some(Kind::Punct(b',')));
    quote && i > 0 && !toks[i].space_before && (comma(i - 1) || comma(i + 1))
}

/// The tense that picks the occurrence of a bare weekday at `start..end`.
///
/// A weekday hangs on the verb of its own clause ("arrived here on
/// Saturday and will have talks": "arrived"), so that verb outranks a
/// nearer cue in the next clause; only a weekday that opens its clause
/// ("On Tuesday, the two sides conferred") looks to the verb after it.
/// A possessive weekday ("after Monday's rate cut") names an event
/// already reported, and so does one after "since"; "after Friday" leans
/// to the past unless its clause looks forward. Without any cue the
/// caller takes the latest such day up to today: news reports the past.
pub fn weekday_tense(lower: &str, toks: &[Token], start: usize, end: usize) -> Tense {
    let before = if start > 0 {
        word(lower, toks, start - 1)
    } else {
        ""
    };
    let possessive = matches!(toks.get(end).map(|t| t.kind), Some(Kind::Punct(b'\'')))
        && word(lower, toks, end + 1) == "s";
    if possessive {
        // "by Thursday's earthquake" names the cause, not a deadline.
        let waits = matches!(before, "until" | "till")
            || before == "after"
                && start > 1
                && matches!(word(lower, toks, start - 2), "until" | "till");
        // "before Tuesday's trade data" is ahead only in a forward-looking
        // clause: "7% before Friday's purchases" was reported.
        let ahead = before == "before"
            || before == "of" && start > 1 && word(lower, toks, start - 2) == "ahead";
        // Reported speech looks forward from the past: "they would look for
        // ways around Wednesday's ruling" names a ruling already made.
        let clause = nearest_cue_left(lower, toks, start, true).map(|(distance, t)| {
            let reported = matches!(
                word(lower, toks, start - distance),
                "would" | "could" | "might" | "should"
            );
            if reported { Tense::Past } else { t }
        });
        // Otherwise the weekday follows its clause's verb ("will win
        // Sunday's election"), or the sentence's when it opens it
        // ("Monday's meeting will decide"); without a forward cue it
        // names an event already reported.
        // "after Monday's cut" names what came before, whatever comes next
        // ("rates look set to fall even after Monday's cut").
        // "the setback in Sunday's elections may force": an event placed
        // with "in" is reported unless its own clause looks forward, so a
        // cue after it does not decide.
        let forward = before != "after"
            && match clause {
                Some(tense) => tense == Tense::Future,
                None => {
                    !ahead
                        && before != "in"
                        && tense_around(lower, toks, start, end) == Tense::Future
                }
            };
        return if waits || forward {
            Tense::Future
        } else {
            Tense::Past
        };
    }
    if before == "by" && deadline_met(lower, toks, start - 1, end) {
        return Tense::Past;
    }
    if deadline_before(lower, toks, start, end) {
        return Tense::Future;
    }
    if before == "since" {
        return Tense::Past;
    }
    // A weekday listed after "tomorrow" or "yesterday" is on its side of
    // today: "in talks tomorrow and Friday".
    if matches!(before, "and" | "or") && start > 1 {
        match word(lower, toks, start - 2) {
            "tomorrow" => return Tense::Future,
            "yesterday" => return Tense::Past,
            _ => {}
        }
    }
    if scheduled_by_present_copula(lower, toks, start)
        || moved_to(lower, toks, start)
        || settles_on(lower, toks, start)
        || takes_effect(lower, toks, start)
    {
        return Tense::Future;
    }
    let clause = nearest_cue_left(lower, toks, start, true).map(|(_, t)| t);
    if before == "after" && clause != Some(Tense::Future) {
        return Tense::Past;
    }
    if let Some(tense) = clause {
        return tense;
    }
    // "... when they vote on the policy Wednesday, the council said": the
    // report that closes the sentence tells when it was said, not when
    // the day falls, so the sentence's own verb decides first.
    if let Some((_, tense)) = nearest_cue_left(lower, toks, start, false)
        && reported_after(lower, toks, end)
    {
        return tense;
    }
    match tense_around(lower, toks, start, end) {
        Tense::Unknown => headline_tense(lower, toks, start, end),
        tense => tense,
    }
}

/// How far (in tokens) past a headline the story is searched for the
/// weekday the headline names.
const STORY_LEAD: usize = 200;

/// The tense of a weekday in a headline, the text's first line, which
/// has no verb tense of its own ("U.S. TO SET ORANGE JUICE DUTIES
/// MONDAY", "Talks continue Friday"): the story's first mention of the same
/// day tells which one it is ("The Commerce Department on Monday will
/// set..."); without one, a headline's "to" before a verb announces a
/// plan ("REAGAN TO HOLD NEWS CONFERENCE THURSDAY"). Anything else stays
/// unknown.
fn headline_tense(lower: &str, toks: &[Token], start: usize, end: usize) -> Tense {
    let in_first_line = toks[..=start.min(toks.len() - 1)]
        .iter()
        .skip(1)
        .rev()
        .all(|t| !t.newline_before);
    if !in_first_line {
        return Tense::Unknown;
    }
    let Some(day) = toks[start..end].iter().find_map(|t| match t.kind {
        Kind::Word(Lex::Weekday { day, .. }) => Some(day),
        _ => None,
    }) else {
        return Tense::Unknown;
    };
    let Some(body) = toks[end..].iter().position(|t| t.newline_before) else {
        return Tense::Unknown;
    };
    let body = end + body;
    let lead = (body + STORY_LEAD).min(toks.len());
    let same_day = (body..lead).find(
        |&k| matches!(toks[k].kind, Kind::Word(Lex::Weekday { day: d, abbr: false }) if d == day),
    );
    if let Some(k) = same_day {
        // The story's own mention is past the first line, so this asks
        // no further headline.
        match weekday_tense(lower, toks, k, k + 1) {
            Tense::Unknown => {}
            tense => return tense,
        }
    }
    let plan = (0..start).any(|k| {
        word(lower, toks, k) == "to"
            && matches!(
                toks.get(k + 1).map(|t| t.kind),
                Some(Kind::Word(Lex::Unknown))
            )
    });
    if plan { Tense::Future } else { Tense::Unknown }
}

/// Whether the weekday ending at `end` closes its sentence's report and a
/// reporting clause follows: "on Monday, the Bank said", "Friday, he
/// said", "on Tuesday, the ministry official said".
fn reported_after(lower: &str, toks: &[Token], end: usize) -> bool {
    let mut j = end;
    // A part of the day or a clock reading may follow the day.
    while j < toks.len() && j < end + 4 && !matches!(toks[j].kind, Kind::Punct(b',')) {
        if ends_sentence(toks, j) {
            return false;
        }
        j += 1;
    }
    if !matches!(toks.get(j).map(|t| t.kind), Some(Kind::Punct(b','))) {
        return false;
    }
    let hi = (j + 9).min(toks.len());
    for k in j + 1..hi {
        if ends_sentence(toks, k) || ends_clause(lower, toks, k) {
            return false;
        }
        match word(lower, toks, k) {
            "said" | "says" | "told" | "added" | "reported" | "announced" | "stated" => {
                return true;
            }
            _ if cue(lower, toks, k).is_some() => return false,
            _ => {}
        }
    }
    false
}

/// Whether a verb of rescheduling puts the weekday at `start` ahead:
/// "talks have been rescheduled for Thursday", "the talks adjourned to
/// Tuesday", "the vote was put back to Monday". Moving an event means it
/// has not happened yet, whatever the tense of the move.
fn moved_to(lower: &str, toks: &[Token], start: usize) -> bool {
    let mut k = start;
    if k > 0 && matches!(word(lower, toks, k - 1), "next" | "on") {
        k -= 1;
    }
    if k < 2 || !matches!(word(lower, toks, k - 1), "for" | "to" | "until" | "till") {
        return false;
    }
    let mut verb = k - 2;
    if verb > 0 && matches!(word(lower, toks, verb), "back" | "forward" | "over") {
        verb -= 1;
    }
    matches!(
        word(lower, toks, verb),
        "rescheduled"
            | "reschedule"
            | "postponed"
            | "postpone"
            | "adjourned"
            | "adjourn"
            | "adjourns"
            | "deferred"
            | "defer"
            | "delayed"
            | "delay"
            | "put"
            | "pushed"
            | "brought"
            | "moved"
            | "carried"
    )
}

/// Whether the weekday at `start` is the date a deal settles on: "for
/// first dealings on Monday", "for payment Monday", "for delivery
/// Tuesday". Markets name the day trades settle before it comes.
fn settles_on(lower: &str, toks: &[Token], start: usize) -> bool {
    let mut k = start;
    if k > 0 && word(lower, toks, k - 1) == "on" {
        k -= 1;
    }
    if k == 0
        || !matches!(
            word(lower, toks, k - 1),
            "dealings" | "dealing" | "payment" | "delivery" | "settlement" | "value"
        )
    {
        return false;
    }
    k -= 1;
    if k > 0 && matches!(word(lower, toks, k - 1), "first" | "initial") {
        k -= 1;
    }
    k > 0 && word(lower, toks, k - 1) == "for"
}

/// Whether the weekday at `start` is the day a change takes effect:
/// "to strike the plant, effective Tuesday", "talks starting Monday", "the
/// fiscal year starting on Saturday". News announces such days ahead.
fn takes_effect(lower: &str, toks: &[Token], start: usize) -> bool {
    let mut k = start;
    if k > 0 && word(lower, toks, k - 1) == "on" {
        k -= 1;
    }
    k > 0
        && matches!(
            word(lower, toks, k - 1),
            "effective" | "starting" | "beginning"
        )
}

/// Whether "by" at `by` closes a deadline already met: "the deal was
/// signed by Friday", "failed to agree by Thursday noon", "But by
/// Wednesday, the dollar climbed". The verb of the clause decides: a past
/// one reports what was done by the day, unless a condition ("if the
/// dispute was not settled by Monday"), an infinitive ("asked them to
/// reply by Monday") or an -ing form ("prospects for reaching agreement
/// by Friday") looks ahead from it, or a present passive ("if service is
/// restored by Friday") states what is still to come.
fn deadline_met(lower: &str, toks: &[Token], by: usize, end: usize) -> bool {
    let lo = by.saturating_sub(WINDOW);
    let mut i = by;
    let mut past = false;
    while i > lo {
        i -= 1;
        if ends_sentence(toks, i) || ends_clause(lower, toks, i) {
            break;
        }
        let w = word(lower, toks, i);
        match w {
            "if" | "unless" | "whether" => return false,
            // "to" before a verb opens an infinitive, which looks ahead;
            // "failed to" reports the deadline missed. "to 13.7 pct" and
            // "to an agreement" are prepositions.
            "to" if !past => {
                let next = toks.get(i + 1).map(|t| t.kind);
                let infinitive = matches!(next, Some(Kind::Word(Lex::Unknown | Lex::Word(_))))
                    && !matches!(
                        word(lower, toks, i + 1),
                        "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our" | "this"
                    );
                if infinitive && !matches!(word(lower, toks, i.wrapping_sub(1)), "failed") {
                    return false;
                }
            }
            _ if !past && w.len() > 4 && w.ends_with("ing") => return false,
            _ if !past => match cue(lower, toks, i) {
                Some(Tense::Past) => {
                    // "is restored", "are completed": a present passive.
                    let present_passive = i > 0
                        && w.ends_with("ed")
                        && matches!(word(lower, toks, i - 1), "is" | "are" | "am");
                    if present_passive {
                        return false;
                    }
                    past = true;
                }
                Some(_) => return false,
                None => {}
            },
            _ => {}
        }
    }
    if past {
        return true;
    }
    // A "by" that opens its clause ("But by Wednesday, the dollar
    // climbed") takes the verb after the comma that closes the phrase.
    let opens = by == 0 || ends_sentence(toks, by - 1) || ends_clause(lower, toks, by - 1);
    if !opens || !matches!(toks.get(end).map(|t| t.kind), Some(Kind::Punct(b','))) {
        return false;
    }
    let hi = (end + 12).min(toks.len());
    for j in end + 1..hi {
        if ends_sentence(toks, j) || matches!(word(lower, toks, j), "if" | "unless") {
            return false;
        }
        // "By this Friday, sources estimated, a further 233,600 tonnes
        // will be shipped": the report's verb is not the deadline's.
        if matches!(
            word(lower, toks, j),
            "said" | "told" | "estimated" | "reported" | "added" | "predicted" | "forecast"
        ) {
            continue;
        }
        if let Some(t) = cue(lower, toks, j) {
            return t == Tense::Past;
        }
    }
    false
}

/// Whether a present-tense "is"/"are" right before the weekday at `start`
/// states a schedule: "the vote is on Thursday", "talks are set for
/// Monday", "the deadline is Friday", "the talks are on Thursday and
/// Friday". News reports a day gone by with "was"; a present copula that
/// names a day tells what is planned, so it looks forward. Only the words
/// that make the schedule may stand between the copula and the day, so no
/// other verb, past or not, can govern it.
fn scheduled_by_present_copula(lower: &str, toks: &[Token], start: usize) -> bool {
    let mut k = start;
    // Back over the other days of a list: "on Thursday and Friday".
    while k > 2
        && matches!(word(lower, toks, k - 1), "and" | "or" | ",")
        && matches!(toks[k - 2].kind, Kind::Word(Lex::Weekday { .. }))
    {
        k -= 2;
    }
    let mut skip = |words: &[&str]| {
        if k > 0 && words.contains(&word(lower, toks, k - 1)) {
            k -= 1;
        }
    };
    skip(&["on", "for"]);
    skip(&[
        "scheduled",
        "set",
        "due",
        "slated",
        "planned",
        "expected",
        "closed",
        "open",
    ]);
    skip(&["now", "still", "also", "tentatively"]);
    k > 0 && matches!(word(lower, toks, k - 1), "is" | "are")
}

/// The nearest cue left of `start` in its sentence (or, with
/// `clause_only`, in its clause) and its distance in tokens.
fn nearest_cue_left(
    lower: &str,
    toks: &[Token],
    start: usize,
    clause_only: bool,
) -> Option<(usize, Tense)> {
    let lo = start.saturating_sub(WINDOW);
    let mut i = start;
    while i > lo {
        i -= 1;
        if ends_sentence(toks, i) || clause_only && ends_clause(lower, toks, i) {
            return None;
        }
        if let Some(t) = cue(lower, toks, i) {
            return Some((start - i, t));
        }
    }
    None
}

/// Whether the token at `i` opens a new clause: a comma, colon or quote,
/// or a conjunction or relative word that introduces a verb of its own.
fn ends_clause(lower: &str, toks: &[Token], i: usize) -> bool {
    match toks[i].kind {
        Kind::Punct(b',' | b':' | b'"' | b'(' | b')') => true,
        // Any period before a space: `ends_sentence` keeps "post." and
        // "West." inside a sentence to spare "Dec. 25"; a clause is safer
        // cut short, since the sentence-wide search follows.
        // An initial's period ("U.S. District Court", "J. Smith") closes
        // no clause.
        Kind::Punct(b'.') => {
            let initial = i > 0
                && matches!(toks[i - 1].kind, Kind::Word(_))
                && toks[i - 1].end - toks[i - 1].start == 1;
            !initial && toks.get(i + 1).is_none_or(|n| n.space_before)
        }
        _ => matches!(
            word(lower, toks, i),
            "that"
                | "which"
                | "who"
                | "when"
                | "but"
                | "while"
                | "whereas"
                | "because"
                | "although"
        ),
    }
}

/// Whether a deadline preposition before `start` points forward whatever
/// the verb's tense: "until Friday", "by August", "as soon as Tuesday".
fn deadline_before(lower: &str, toks: &[Token], start: usize, end: usize) -> bool {
    let mut k = start;
    while k > 0 && matches!(word(lower, toks, k - 1), "early" | "mid" | "late" | "-") {
        k -= 1;
    }
    // A clock reading before a weekday belongs to it: "until 9 a.m.
    // Tuesday", "until about midday on Sunday".
    let mut clock = k;
    while clock > 0 && k - clock < 8 && clock_part(lower, toks, clock - 1) {
        clock -= 1;
    }
    let reading = |c: usize| {
        matches!(toks[c].kind, Kind::Number { .. })
            || matches!(word(lower, toks, c), "noon" | "midday" | "midnight")
    };
    // "on" joins a clock to its day only in a reading of the clock: "by
    // 5 on Tuesday" is an amount.
    let marked = (clock..k).any(|c| {
        matches!(toks[c].kind, Kind::Punct(b':'))
            || !matches!(toks[c].kind, Kind::Number { .. } | Kind::Punct(_))
                && word(lower, toks, c) != "on"
    });
    let joined_by_on = (clock..k).any(|c| word(lower, toks, c) == "on");
    if clock < k && reading(clock) && (marked || !joined_by_on) {
        k = clock;
        if k > 0 && matches!(word(lower, toks, k - 1), "about" | "around") {
            k -= 1;
        }
    }
    if k > 0 {
        let before = word(lower, toks, k - 1);
        let as_soon_as = before == "as" && k > 2 && word(lower, toks, k - 2) == "soon";
        // "until after Thursday's meeting" waits for it too.
        let until_after =
            before == "after" && k > 1 && matches!(word(lower, toks, k - 2), "until" | "till");
        if (matches!(before, "until" | "till" | "by") || as_soon_as || until_after)
            && !past_perfect_near(lower, toks, start, end)
        {
            return true;
        }
    }
    false
}

/// Whether the token at `i` can be part of a clock reading ("9", ":",
/// "30", "a.m.", "EST", "noon").
fn clock_part(lower: &str, toks: &[Token], i: usize) -> bool {
    match toks[i].kind {
        Kind::Number { .. } | Kind::Punct(b'.' | b':' | b',') => true,
        _ => matches!(
            word(lower, toks, i),
            "on" | "noon"
                | "midday"
                | "midnight"
                | "a"
                | "p"
                | "m"
                | "am"
                | "pm"
                | "est"
                | "edt"
                | "cst"
                | "cdt"
                | "pst"
                | "pdt"
                | "gmt"
                | "utc"
        ),
    }
}

/// A sentence ends at `.`, `!`, `?` followed by a space, or at a line break.
/// A period after a short word ends one only when the word is never
/// shortened ("ago.", "week."), since "Dec." and "U.S." are.
pub(super) fn ends_sentence(toks: &[Token], i: usize) -> bool {
    let tok = &toks[i];
    match tok.kind {
        Kind::Punct(b'!' | b'?' | b';') => true,
        Kind::Punct(b'.') => {
            // "Dec. 25" and "U.S." do not end sentences: a period right after
            // a short word followed by a number or lowercase word is an
            // abbreviation; that is approximated by requiring the previous
            // token to be longer than four bytes or a number.
            let next_is_break = toks.get(i + 1).is_none_or(|n| n.space_before);
            let prev_long = i > 0
                && matches!(toks[i - 1].kind, Kind::Word(_) | Kind::Number { .. })
                && (toks[i - 1].end - toks[i - 1].start > 4
                    || matches!(toks[i - 1].kind, Kind::Number { .. }));
            next_is_break && (prev_long || i > 0 && never_abbreviated(&toks[i - 1]))
        }
        _ => tok.newline_before && i > 0 && toks[i - 1].end + 1 < tok.start,
    }
}

/// Whether a short word is one no writer shortens, so a period after it
/// ends its sentence: "two years ago.", "from now." ("Dec." and "U.S."
/// are shortened forms).
fn never_abbreviated(tok: &Token) -> bool {
    matches!(tok.kind, Kind::Word(Lex::Word(W::Ago | W::Now)))
}

/// Whether a "had" in the same sentence near `start..end` puts the
/// deadline in the past ("had filed reports by Wednesday").
fn past_perfect_near(lower: &str, toks: &[Token], start: usize, end: usize) -> bool {
    let lo = start.saturating_sub(12);
    let mut i = start;
    while i > lo {
        i -= 1;
        if ends_sentence(toks, i) {
            break;
        }
        if word(lower, toks, i) == "had" {
            return true;
        }
    }
    let hi = (end + 12).min(toks.len());
    for j in end..hi {
        if ends_sentence(toks, j) {
            break;
        }
        if word(lower, toks, j) == "had" {
            return true;
        }
    }
    false
}

/// Whether the word at `i` follows "be"/"being": a passive participle.
fn after_be(lower: &str, toks: &[Token], i: usize) -> bool {
    i > 0 && matches!(word(lower, toks, i - 1), "be" | "being")
}

/// Whether the word at `i` follows a determiner: an adjective in -ed
/// ("a still unspecified date", "the proposed merger"), not a past verb.
fn after_determiner(lower: &str, toks: &[Token], i: usize) -> bool {
    let mut k = i;
    // An adverb between: "a still unspecified date", "a nationally
    // televised speech".
    if k > 0 && {
        let adverb = word(lower, toks, k - 1);
        matches!(adverb, "still" | "long") || adverb.len() > 3 && adverb.ends_with("ly")
    } {
        k -= 1;
    }
    k > 0
        && matches!(
            word(lower, toks, k - 1),
            "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our" | "this" | "these"
        )
}

/// Whether the word at `i` ends a noun phrase that a determiner opens,
/// with one or two words between and a singular one last: "the track
/// meet", "a swim meet", "the annual track meet". A plural before it is
/// the verb's subject ("the two leaders meet"), and so is a time word
/// ("this week meet Barcelona"), which the lexicon knows.
fn ends_noun_phrase(lower: &str, toks: &[Token], i: usize) -> bool {
    let modifier = |k: usize| matches!(toks[k].kind, Kind::Word(Lex::Unknown));
    let last = word(lower, toks, i.wrapping_sub(1));
    // "athletics", "gymnastics" are singular.
    let singular = !last.ends_with('s') || last.ends_with("ics") || last.ends_with("ss");
    singular
        && (1..=2)
            .any(|n| i > n && (i - n..i).all(modifier) && after_determiner(lower, toks, i - n))
}

/// Whether the word at `i` makes "due to" a schedule ("due to expire",
/// "due to slap tariffs on") rather than a cause ("due to the strike",
/// "due to lower prices"): a verb news schedules, or any word other than a
/// determiner followed by one (a verb with its object).
fn schedule_after_due_to(lower: &str, toks: &[Token], i: usize) -> bool {
    let determiner = |w: &str| {
        matches!(
            w,
            "a" | "an"
                | "the"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "this"
                | "these"
                | "those"
        )
    };
    let next = word(lower, toks, i);
    let verb_with_object = matches!(toks.get(i).map(|t| t.kind), Some(Kind::Word(_)))
        && !determiner(next)
        && (determiner(word(lower, toks, i + 1))
            || matches!(toks.get(i + 1).map(|t| t.kind), Some(Kind::Number { .. })));
    verb_with_object
        || matches!(
            next,
            "be" | "begin"
                | "attend"
                | "start"
                | "end"
                | "expire"
                | "mature"
                | "meet"
                | "take"
                | "receive"
                | "make"
                | "go"
                | "come"
                | "hold"
                | "have"
                | "enter"
                | "discuss"
                | "visit"
                | "return"
                | "resume"
                | "open"
                | "close"
                | "report"
                | "announce"
                | "arrive"
                | "leave"
                | "vote"
                | "sign"
                | "decide"
                | "finish"
                | "complete"
                | "publish"
                | "release"
                | "present"
                | "submit"
                | "appear"
                | "testify"
                | "rule"
                | "reopen"
                | "convene"
                | "reconvene"
                | "continue"
                | "pay"
                | "issue"
                | "sell"
                | "buy"
                | "hear"
                | "give"
                | "travel"
                | "fly"
        )
}

fn word<'a>(lower: &'a str, toks: &[Token], i: usize) -> &'a str {
    toks.get(i).map_or("", |t| &lower[t.start..t.end])
}

fn cue(lower: &str, toks: &[Token], i: usize) -> Option<Tense> {
    let tok = &toks[i];
    if !matches!(tok.kind, Kind::Word(Lex::Unknown | Lex::Word(_))) {
        return None;
    }
    let w = &lower[tok.start..tok.end];
    let apostrophe_before = i > 0 && matches!(toks[i - 1].kind, Kind::Punct(b'\''));
    match w {
        // "the plan in November", "his plan despite Sunday's defeat": a
        // plan named, no verb; its sentence's own verb tells the tense
        // ("South Korea unveiled the plan in November" is the November
        // past). "A plan to bolster security", "plans for him to meet" still
        // look forward.
        "plans" | "plan"
            if after_determiner(lower, toks, i)
                && !matches!(word(lower, toks, i + 1), "to" | "for") =>
        {
            None
        }
        "will" | "shall" | "wo" | "going" | "scheduled" | "slated" | "plans" | "plan"
        | "planned" | "expects" | "expect" | "intends" | "upcoming" => Some(Tense::Future),
        "ll" if apostrophe_before => Some(Tense::Future),
        // A wish or an aim in the present looks ahead: "hopes to return",
        // "wants to publish". "The hope to" is a noun.
        "hopes" | "hope" | "wants" | "want" | "aims" | "aim" | "seeks" | "seek" | "promises"
        | "promise" | "pledges" | "pledge" | "vows" | "vow"
            if word(lower, toks, i + 1) == "to" && !after_determiner(lower, toks, i) =>
        {
            Some(Tense::Future)
        }
        // "due to a leak", "due to remarks": a cause, no tense.
        "due" if word(lower, toks, i + 1) == "to" && !schedule_after_due_to(lower, toks, i + 2) => {
            None
        }
        // Scheduled events in the present tense look forward: "which
        // expires in October", "the offer ends Friday".
        "expires" | "ends" | "begins" | "starts" | "opens" | "closes" | "matures" => {
            Some(Tense::Future)
        }
        // Meetings in the present tense are scheduled: "EU leaders meet
        // Friday", "the council meets on Thursday", "negotiations resume
        // on Friday". After "to" the verb is an infinitive that the verb
        // before it governs ("agreed to meet on Monday").
        // A noun after a determiner is none ("the meet on Saturday was
        // cancelled").
        "meets" | "resumes" | "reconvenes" | "convenes" if !after_determiner(lower, toks, i) => {
            Some(Tense::Future)
        }
        // "the track meet", "a swim meet": a sports event, no verb.
        "meet" if ends_noun_phrase(lower, toks, i) => None,
        "meet" | "resume" | "reconvene" | "convene"
            if !after_determiner(lower, toks, i)
                && (i == 0 || !matches!(word(lower, toks, i - 1), "to" | "not" | "did")) =>
        {
            Some(Tense::Future)
        }
        // "is expected to", "is due to", "is set to", "are to resume".
        "expected" | "due" | "planning" => {
            let had = (i.saturating_sub(2)..i).any(|k| word(lower, toks, k) == "had");
            Some(if had { Tense::Past } else { Tense::Future })
        }
        "set" if word(lower, toks, i + 1) == "to" => Some(Tense::Future),
        // A modal before "have" looks back: "may have been boosted",
        // "would have closed".
        "must" | "would" | "should" | "might" | "may" | "could"
            if word(lower, toks, i + 1) == "have" =>
        {
            Some(Tense::Past)
        }
        // Modals and a bare "be" look forward from the reported moment.
        "be" | "must" | "would" | "should" | "might" | "may" => Some(Tense::Future),
        // "10:00 am" is a clock reading, not the verb.
        "am" if i > 0 && matches!(toks[i - 1].kind, Kind::Number { .. }) => None,
        // "is to resume trading Tuesday", "are to meet Monday": a plan.
        "is" | "are" if word(lower, toks, i + 1) == "to" => Some(Tense::Future),
        "is" | "are" | "am" => Some(Tense::Present),
        "was" | "were" | "had" | "did" | "said" | "has" | "have" | "told" | "made" | "came"
        | "went" | "took" | "gave" | "began" | "got" | "met" | "won" | "lost" | "left" | "fell"
        | "rose" | "sent" | "held" | "ago" | "saw" | "found" | "brought" | "became" | "ran"
        | "hit" | "paid" | "sold" | "bought" => {
            // "will be paid", "would be held": passive, not past.
            (!after_be(lower, toks, i)).then_some(Tense::Past)
        }
        // A participle after "be"/"been" is passive, not past: "must be returned".
        // Words in -ed that are no past forms.
        "succeed" | "proceed" | "exceed" | "indeed" | "speed" | "hundred" | "united"
        | "limited" => None,
        _ if w.len() > 4 && w.ends_with("ed") => {
            (!after_be(lower, toks, i) && !after_determiner(lower, toks, i)).then_some(Tense::Past)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::scan::tokenize;

    fn tense_of(text: &str, word: &str) -> Tense {
        let lower = text.to_ascii_lowercase();
        let mut toks = Vec::new();
        tokenize(&lower, &mut toks);
        let at = toks
            .iter()
            .position(|t| &lower[t.start..t.end] == word)
            .unwrap();
        tense_around(&lower, &toks, at, at + 1)
    }

    #[test]
    fn nearest_cue_decides() {
        let cases = [
            ("The talks will resume Friday.", Tense::Future),
            ("The talks resumed Friday.", Tense::Past),
            ("He said Friday that talks will resume.", Tense::Past),
            ("Talks continue Friday", Tense::Unknown),
            ("It rained. Talks continue Friday", Tense::Unknown),
            (
                "It rained two days ago. Talks continue Friday",
                Tense::Unknown,
            ),
            ("Talks resume Friday", Tense::Future),
            ("The council meets on Friday", Tense::Future),
            ("They agreed to meet on Friday", Tense::Past),
            ("Talks are on Friday", Tense::Present),
            (
                "\"New models would reach 60 countries from Friday,\" the spokesman said.",
                Tense::Future,
            ),
            ("He hopes to sign on Friday", Tense::Future),
            ("The hope to sign on Friday faded", Tense::Past),
            (
                "It would be paid on a still unspecified date Friday",
                Tense::Future,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(tense_of(text, "friday"), want, "{text}");
        }
    }

    #[test]
    fn a_weekday_follows_its_own_clause() {
        let cases = [
            ("He arrived on Friday and will have talks.", Tense::Past),
            ("He said on Friday that he will resign.", Tense::Past),
            ("On Friday, the two sides conferred.", Tense::Past),
            ("Talks will resume on Friday.", Tense::Future),
            ("It closed on Friday due to a leak.", Tense::Past),
            ("It is due to close on Friday.", Tense::Future),
            ("Rates fell after Friday's cut.", Tense::Past),
            ("Rates will fall after Friday's cut.", Tense::Past),
            ("The party will win Friday's election.", Tense::Future),
            (
                "They would look for ways around Friday's ruling.",
                Tense::Past,
            ),
            ("Friday's meeting will decide the rate.", Tense::Future),
            ("Friday's meeting decided the rate.", Tense::Past),
            ("Shares rose 7% before Friday's purchases.", Tense::Past),
            (
                "Damaged by Friday's earthquake, the road closed.",
                Tense::Past,
            ),
            ("They will wait until after Friday's vote.", Tense::Future),
            ("Talks continue Friday", Tense::Unknown),
            ("The vote is on Friday.", Tense::Future),
            ("Talks are set for Friday.", Tense::Future),
            ("The talks are on Thursday and Friday.", Tense::Future),
            ("The vote was on Friday.", Tense::Past),
            ("The man who is on trial said Friday.", Tense::Past),
            (
                "Supplies will be cut at 10:00 am in Moscow (0700 GMT) on Friday.",
                Tense::Future,
            ),
            (
                "The sessions continue until about midday on Friday, she said.",
                Tense::Future,
            ),
            ("Shares rose by 5 on Friday.", Tense::Past),
            // A meeting named, no verb: its sentence's verb tells.
            ("The meet on Friday was cancelled.", Tense::Past),
            ("Crowds at the track meet on Friday cheered.", Tense::Past),
            ("Her resume on Friday listed two jobs.", Tense::Past),
        ];
        for (text, want) in cases {
            let lower = text.to_ascii_lowercase();
            let mut toks = Vec::new();
            tokenize(&lower, &mut toks);
            let at = toks
                .iter()
                .position(|t| &lower[t.start..t.end] == "friday")
                .unwrap();
            assert_eq!(weekday_tense(&lower, &toks, at, at + 1), want, "{text}");
        }
    }
}
