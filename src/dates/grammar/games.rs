//! Periods of play: the halves and quarters of a game ("scored in the
//! second half", "a first-half goal", "14-6 in the fourth quarter") and
//! the rounds of a cup ("the quarter-finals") are no halves or quarters of
//! a year, though written as a company's results write theirs. Sports
//! news is full of them, and read as `2006-H2` each put a match report in
//! the calendar's second half-year.
//!
//! A game's period is known by the words of play in its sentence; a
//! bounded look either side keeps the rule linear.

use super::Grammar;
use crate::dates::lexicon::Lex;
use crate::dates::scan::Kind;
use crate::dates::tense::ends_sentence;

/// How far (in tokens) either side of a half or quarter its sentence is
/// searched for words of play.
const PLAY_WINDOW: usize = 24;

impl Grammar<'_> {
    /// Whether the match at tokens `start..end` names a round of a cup:
    /// "the quarter-finals", "the last quarter-final".
    pub(super) fn names_a_round(&self, end: usize) -> bool {
        self.punct(end, b'-')
            && self.glued(end)
            && self.glued(end + 1)
            && matches!(
                self.word(end + 1),
                "final" | "finals" | "finalist" | "finalists"
            )
    }

    /// Whether the half or quarter at tokens `start..end`, written without
    /// a year, is a period of a game: its sentence speaks of play. A half
    /// "of the year" (or of any unit of the calendar) is the calendar's
    /// whatever the sentence.
    pub(super) fn period_of_play(&self, start: usize, end: usize) -> bool {
        if self.word(end) == "of" {
            let mut k = end + 1;
            if matches!(self.word(k), "the" | "this" | "last" | "next") {
                k += 1;
            }
            if self.unit(k).is_some() || self.number(k).is_some() {
                return false;
            }
        }
        if self.half_of_play_before(end) {
            return true;
        }
        let mut k = start;
        while k > 0 && start - k < PLAY_WINDOW && !ends_sentence(self.toks, k - 1) {
            k -= 1;
            if self.word_of_play(k) {
                return true;
            }
        }
        let mut k = end;
        while k < self.toks.len() && k - end < PLAY_WINDOW && !ends_sentence(self.toks, k) {
            if self.word_of_play(k) {
                return true;
            }
            k += 1;
        }
        false
    }

    /// Whether the word at `k` is one of play: scoring ("scored", "goal",
    /// "touchdown", "rebounds", points that are no percentage or basis
    /// points), the clock of a game ("15 minutes into", "23 seconds
    /// left"), or its officials and players.
    fn word_of_play(&self, k: usize) -> bool {
        match self.word(k) {
            "scored" | "scoring" | "scorer" | "goal" | "goals" | "goalkeeper" | "goalless"
            | "touchdown" | "touchdowns" | "rebounds" | "penalty" | "penalties" | "whistle"
            | "referee" | "striker" | "midfielder" | "header" | "equaliser" | "equalizer"
            | "kickoff" | "halftime" | "innings" | "yards" => true,
            // Verbs as often: only counted ("two tries") or of a half
            // ("second-half tries").
            "try" | "tries" => {
                k > 0 && (self.number(k - 1).is_some() || self.word(k - 1) == "half")
            }
            "points" => !matches!(
                self.word(k.wrapping_sub(1)),
                "percentage" | "basis" | "index"
            ),
            // The clock of a game: "15 minutes into", "the 87th minute".
            "minutes" | "minute" | "seconds" => {
                k > 0
                    && (self.number(k - 1).is_some() || matches!(self.lex(k - 1), Lex::Ordinal(_)))
            }
            _ => self.score_at(k),
        }
    }

    /// Whether a score starts at `k`: "1-0", "14-6", two small numbers
    /// joined by a hyphen, no fraction ("1-1/2") or decimal after, and
    /// no amount: "19-24 cts a share", "30-40 cents" are ranges. After a
    /// score comes punctuation or a word of the game's story ("a 1-0
    /// win", "14-6 in the fourth quarter", "a 19-9 run").
    fn score_at(&self, k: usize) -> bool {
        let small = |k: usize| matches!(self.number(k), Some((_, 1 | 2)));
        let score = small(k)
            && self.punct(k + 1, b'-')
            && self.glued(k + 1)
            && self.glued(k + 2)
            && small(k + 2)
            && !(matches!(self.kind(k + 3), Some(Kind::Punct(b'/' | b'.'))) && self.glued(k + 3));
        score
            && match self.kind(k + 3) {
                Some(Kind::Word(_)) => matches!(
                    self.word(k + 3),
                    "win"
                        | "victory"
                        | "defeat"
                        | "draw"
                        | "lead"
                        | "run"
                        | "in"
                        | "at"
                        | "on"
                        | "as"
                        | "against"
                        | "after"
                        | "with"
                        | "thanks"
                        | "over"
                ),
                _ => true,
            }
    }

    /// Whether a half written as an adjective ends at `end` before a
    /// noun of play: "a second-half strike", "first-half goal".
    pub(super) fn half_of_play_before(&self, end: usize) -> bool {
        self.glued(end - 1)
            && matches!(
                self.word(end),
                "strike"
                    | "goal"
                    | "goals"
                    | "effort"
                    | "penalty"
                    | "substitute"
                    | "header"
                    | "equaliser"
                    | "equalizer"
                    | "winner"
                    | "opener"
                    | "brace"
                    | "red"
                    | "try"
                    | "tries"
            )
    }
}
