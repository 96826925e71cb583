//! The vocabulary of time expressions: month and weekday names, number
//! words, ordinals, calendar units, seasons, parts of the day, holidays
//! and the function words the grammar keys on.
//!
//! Lookup is one hash probe per word, done once by the tokenizer, so the
//! grammar compares small enum values instead of strings.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// A calendar unit, as in "three *years*".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The ISO 8601 duration designator and the multiplier that expresses
    /// this unit in it (a decade is ten years: `P10Y`).
    pub fn designator(self) -> (&'static str, u32) {
        match self {
            Unit::Second => ("S", 1),
            Unit::Minute => ("M", 1),
            Unit::Hour => ("H", 1),
            Unit::Day => ("D", 1),
            Unit::Week => ("W", 1),
            Unit::Month => ("M", 1),
            Unit::Quarter => ("Q", 1),
            Unit::Year => ("Y", 1),
            Unit::Decade => ("Y", 10),
            Unit::Century => ("Y", 100),
        }
    }

    /// Whether the unit is a time-of-day unit (`PT3H` rather than `P3H`).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// A part of the day, with its TIMEX3 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

/// A season, with its TIMEX3 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The month the season starts in (northern hemisphere, as the news
    /// sources are).
    pub fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// Function and modifier words the grammar recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum W {
    The,
    A,
    This,
    That,
    These,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    Current,
    Recent,
    Latest,
    Final,
    Early,
    Late,
    Mid,
    Earlier,
    Later,
    Ago,
    Every,
    Each,
    Per,
    Several,
    Few,
    Couple,
    Many,
    Of,
    Fiscal,
    /// about, around, nearly, almost, roughly, approximately.
    About,
    More,
    Less,
    Than,
    At,
    Least,
    Up,
    To,
    Now,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Recently,
    Currently,
    Future,
    Present,
    Noon,
    Midnight,
    Midday,
    Lately,
    Nowadays,
    Am,
    Pm,
    TimeZone,
    Beginning,
    End,
    Middle,
    Start,
    Half,
    Weekend,
    Daily,
    Weekly,
    Monthly,
    Annually,
    Hourly,
    Other,
    Right,
    Eve,
    New,
    Hundred,
    Thousand,
    Long,
    Near,
    Term,
    Period,
    Straight,
    Consecutive,
    Trading,
    Business,
    Old,
}

/// The lexicon entry of one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lex {
    Unknown,
    /// Month 1..=12; `abbr` for "Dec" style forms, which need a period or
    /// a number after them to count ("Sun" and "Mar" are common words).
    Month {
        month: u8,
        abbr: bool,
    },
    /// ISO weekday 1 = Monday ..= 7 = Sunday.
    Weekday {
        day: u8,
        abbr: bool,
    },
    /// A cardinal number word: "three", "twenty".
    Num(u32),
    /// An ordinal: "third", "25th".
    Ordinal(u32),
    /// "1990s" -> 1990, "80s" -> 80.
    Decades(u32),
    /// "nineties" -> 9.
    DecadeWord(u32),
    Unit {
        unit: Unit,
        plural: bool,
    },
    Season(Season),
    /// A quarter or half-year written as a code: "Q4", "4Q", "4Q86", "H1",
    /// "1H96"; `year` is a year glued after it, with its digit count.
    PeriodCode {
        half: bool,
        n: u8,
        year: Option<(u16, u8)>,
    },
    DayPart(DayPart),
    /// A word that starts a holiday's name on its own ("Christmas");
    /// `grammar/holidays.rs` reads the names.
    Holiday,
    Word(W),
}

/// The lexicon entry of a lowercase word.
pub fn lookup(word: &str) -> Lex {
    if word.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return lookup_digit_word(word);
    }
    LEXICON.get(word).copied().unwrap_or(Lex::Unknown)
}

/// Words that start with digits: "1990s", "80s", "25th", "1st".
fn lookup_digit_word(word: &str) -> Lex {
    let split = word
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(word.len());
    let (digits, suffix) = word.split_at(split);
    if digits.len() > 4 {
        return Lex::Unknown;
    }
    let Ok(n) = digits.parse::<u32>() else {
        return Lex::Unknown;
    };
    if digits.len() == 1
        && let Some(code) = period_code(n, suffix)
    {
        return code;
    }
    match suffix {
        "s" if matches!(digits.len(), 2 | 4) && n % 10 == 0 => Lex::Decades(n),
        "st" | "nd" | "rd" | "th" if (1..=31).contains(&n) => Lex::Ordinal(n),
        _ => Lex::Unknown,
    }
}

/// "4Q", "2Q87", "1H1996": a quarter or half number, then its letter and
/// an optional two- or four-digit year.
fn period_code(n: u32, suffix: &str) -> Option<Lex> {
    let (half, year) = if let Some(year) = suffix.strip_prefix('q') {
        (false, year)
    } else {
        (true, suffix.strip_prefix('h')?)
    };
    let last = if half { 2 } else { 4 };
    if !(1..=last).contains(&n) || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = match year.len() {
        0 => None,
        2 | 4 => Some((year.parse().ok()?, year.len() as u8)),
        _ => return None,
    };
    Some(Lex::PeriodCode {
        half,
        n: n as u8,
        year,
    })
}

// Looked up once per token of every article: a fast hasher, not SipHash
// (no untrusted keys are inserted).
static LEXICON: LazyLock<FxHashMap<&'static str, Lex>> = LazyLock::new(build);

fn build() -> FxHashMap<&'static str, Lex> {
    let mut m = FxHashMap::with_capacity_and_hasher(512, Default::default());
    let months: [(&[&str], &[&str]); 12] = [
        (&["january"], &["jan"]),
        (&["february"], &["feb"]),
        (&["march"], &["mar"]),
        (&["april"], &["apr"]),
        (&["may"], &[]),
        (&["june"], &["jun"]),
        (&["july"], &["jul"]),
        (&["august"], &["aug"]),
        (&["september"], &["sep", "sept"]),
        (&["october"], &["oct"]),
        (&["november"], &["nov"]),
        (&["december"], &["dec"]),
    ];
    for (i, (full, abbrs)) in months.iter().enumerate() {
        let month = i as u8 + 1;
        for w in *full {
            m.insert(*w, Lex::Month { month, abbr: false });
        }
        for w in *abbrs {
            m.insert(*w, Lex::Month { month, abbr: true });
        }
    }
    let weekdays: [(&str, &[&str]); 7] = [
        ("monday", &["mon"]),
        ("tuesday", &["tue", "tues"]),
        ("wednesday", &["wed"]),
        ("thursday", &["thu", "thur", "thurs"]),
        ("friday", &["fri"]),
        ("saturday", &["sat"]),
        ("sunday", &["sun"]),
    ];
    for (i, (full, abbrs)) in weekdays.iter().enumerate() {
        let day = i as u8 + 1;
        m.insert(*full, Lex::Weekday { day, abbr: false });
        for w in *abbrs {
            m.insert(*w, Lex::Weekday { day, abbr: true });
        }
    }
    let cardinals = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    for (n, w) in cardinals.iter().enumerate() {
        m.insert(*w, Lex::Num(n as u32));
    }
    for (w, n) in [
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("dozen", 12),
    ] {
        m.insert(w, Lex::Num(n));
    }
    let ordinals = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    for (n, w) in ordinals.iter().enumerate() {
        m.insert(*w, Lex::Ordinal(n as u32 + 1));
    }
    m.insert("thirtieth", Lex::Ordinal(30));
    for (w, n) in [
        ("twenties", 2),
        ("thirties", 3),
        ("forties", 4),
        ("fifties", 5),
        ("sixties", 6),
        ("seventies", 7),
        ("eighties", 8),
        ("nineties", 9),
    ] {
        m.insert(w, Lex::DecadeWord(n));
    }
    let units = [
        ("seconds", Unit::Second),
        ("minute", Unit::Minute),
        ("minutes", Unit::Minute),
        ("min", Unit::Minute),
        ("mins", Unit::Minute),
        ("hour", Unit::Hour),
        ("hours", Unit::Hour),
        ("hrs", Unit::Hour),
        ("day", Unit::Day),
        ("days", Unit::Day),
        ("week", Unit::Week),
        ("weeks", Unit::Week),
        ("month", Unit::Month),
        ("months", Unit::Month),
        ("mth", Unit::Month),
        ("mths", Unit::Month),
        ("quarter", Unit::Quarter),
        ("quarters", Unit::Quarter),
        ("qtr", Unit::Quarter),
        ("qtrs", Unit::Quarter),
        ("year", Unit::Year),
        ("years", Unit::Year),
        ("yr", Unit::Year),
        ("yrs", Unit::Year),
        ("decade", Unit::Decade),
        ("decades", Unit::Decade),
        ("century", Unit::Century),
        ("centuries", Unit::Century),
    ];
    for (w, unit) in units {
        let plural = w.ends_with('s') && w != "hrs" && w != "yrs" || w == "centuries";
        m.insert(w, Lex::Unit { unit, plural });
    }
    for (w, half, n) in [
        ("q1", false, 1),
        ("q2", false, 2),
        ("q3", false, 3),
        ("q4", false, 4),
        ("h1", true, 1),
        ("h2", true, 2),
    ] {
        let year = None;
        m.insert(w, Lex::PeriodCode { half, n, year });
    }
    for (w, s) in [
        ("spring", Season::Spring),
        ("summer", Season::Summer),
        ("fall", Season::Fall),
        ("autumn", Season::Fall),
        ("winter", Season::Winter),
    ] {
        m.insert(w, Lex::Season(s));
    }
    for (w, p) in [
        ("morning", DayPart::Morning),
        ("afternoon", DayPart::Afternoon),
        ("evening", DayPart::Evening),
        ("night", DayPart::Night),
    ] {
        m.insert(w, Lex::DayPart(p));
    }
    for w in [
        "christmas",
        "xmas",
        "thanksgiving",
        "easter",
        "halloween",
        "boxing",
        "bastille",
        "valentine",
        "valentines",
    ] {
        m.insert(w, Lex::Holiday);
    }
    let words: &[(&str, W)] = &[
        ("the", W::The),
        ("a", W::A),
        ("an", W::A),
        ("this", W::This),
        ("that", W::That),
        ("these", W::These),
        ("last", W::Last),
        ("next", W::Next),
        ("past", W::Past),
        ("coming", W::Coming),
        ("previous", W::Previous),
        ("prior", W::Previous),
        ("following", W::Following),
        ("current", W::Current),
        ("recent", W::Recent),
        ("latest", W::Latest),
        ("final", W::Final),
        ("early", W::Early),
        ("late", W::Late),
        ("mid", W::Mid),
        ("earlier", W::Earlier),
        ("later", W::Later),
        ("ago", W::Ago),
        ("every", W::Every),
        ("each", W::Each),
        ("per", W::Per),
        ("several", W::Several),
        ("few", W::Few),
        ("couple", W::Couple),
        ("many", W::Many),
        ("of", W::Of),
        ("fiscal", W::Fiscal),
        ("about", W::About),
        ("around", W::About),
        ("nearly", W::About),
        ("almost", W::About),
        ("roughly", W::About),
        ("approximately", W::About),
        ("only", W::About),
        ("just", W::About),
        ("more", W::More),
        ("less", W::Less),
        ("fewer", W::Less),
        ("than", W::Than),
        ("at", W::At),
        ("least", W::Least),
        ("up", W::Up),
        ("to", W::To),
        ("now", W::Now),
        ("today", W::Today),
        ("yesterday", W::Yesterday),
        ("tomorrow", W::Tomorrow),
        ("tonight", W::Tonight),
        ("recently", W::Recently),
        ("currently", W::Currently),
        ("future", W::Future),
        ("present", W::Present),
        ("noon", W::Noon),
        ("midnight", W::Midnight),
        ("midday", W::Midday),
        ("lately", W::Lately),
        ("nowadays", W::Nowadays),
        ("am", W::Am),
        ("pm", W::Pm),
        ("est", W::TimeZone),
        ("edt", W::TimeZone),
        ("cst", W::TimeZone),
        ("cdt", W::TimeZone),
        ("mst", W::TimeZone),
        ("mdt", W::TimeZone),
        ("pst", W::TimeZone),
        ("pdt", W::TimeZone),
        ("gmt", W::TimeZone),
        ("utc", W::TimeZone),
        ("bst", W::TimeZone),
        ("cet", W::TimeZone),
        ("beginning", W::Beginning),
        ("end", W::End),
        ("middle", W::Middle),
        ("start", W::Start),
        ("half", W::Half),
        ("weekend", W::Weekend),
        ("weekends", W::Weekend),
        ("daily", W::Daily),
        ("nightly", W::Daily),
        ("weekly", W::Weekly),
        ("monthly", W::Monthly),
        ("annually", W::Annually),
        ("yearly", W::Annually),
        ("hourly", W::Hourly),
        ("other", W::Other),
        ("right", W::Right),
        ("eve", W::Eve),
        ("new", W::New),
        ("hundred", W::Hundred),
        ("thousand", W::Thousand),
        ("long", W::Long),
        ("near", W::Near),
        ("term", W::Term),
        ("period", W::Period),
        ("straight", W::Straight),
        ("consecutive", W::Consecutive),
        ("trading", W::Trading),
        ("business", W::Business),
        ("old", W::Old),
    ];
    for (w, word) in words {
        m.insert(*w, Lex::Word(*word));
    }
    // "second" is both an ordinal and a unit; the grammar asks for either.
    m.insert("second", Lex::Ordinal(2));
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_words() {
        let cases: &[(&str, Lex)] = &[
            (
                "december",
                Lex::Month {
                    month: 12,
                    abbr: false,
                },
            ),
            (
                "sept",
                Lex::Month {
                    month: 9,
                    abbr: true,
                },
            ),
            (
                "friday",
                Lex::Weekday {
                    day: 5,
                    abbr: false,
                },
            ),
            ("twelve", Lex::Num(12)),
            ("third", Lex::Ordinal(3)),
            ("25th", Lex::Ordinal(25)),
            ("1990s", Lex::Decades(1990)),
            ("80s", Lex::Decades(80)),
            (
                "years",
                Lex::Unit {
                    unit: Unit::Year,
                    plural: true,
                },
            ),
            ("nineties", Lex::DecadeWord(9)),
            (
                "q4",
                Lex::PeriodCode {
                    half: false,
                    n: 4,
                    year: None,
                },
            ),
            (
                "4q86",
                Lex::PeriodCode {
                    half: false,
                    n: 4,
                    year: Some((86, 2)),
                },
            ),
            (
                "1h1996",
                Lex::PeriodCode {
                    half: true,
                    n: 1,
                    year: Some((1996, 4)),
                },
            ),
            ("5q", Lex::Unknown),
            ("3h", Lex::Unknown),
            ("2q123", Lex::Unknown),
            ("banana", Lex::Unknown),
            ("99th", Lex::Unknown),
            ("123456s", Lex::Unknown),
        ];
        for (word, want) in cases {
            assert_eq!(lookup(word), *want, "{word}");
        }
    }
}
