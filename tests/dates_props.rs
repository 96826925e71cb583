//! Property tests of the temporal tagger: no input panics, and every
//! expression is a well-formed, in-bounds, ordered span of its text.

use chrono::NaiveDate;
use proptest::prelude::*;

fn check_spans(text: &str, published: Option<NaiveDate>) {
    let found = newsdex::dates::tag(text, published);
    let mut last_end = 0;
    for e in &found {
        assert!(e.start < e.end, "{e:?}");
        assert!(e.end <= text.len(), "{e:?}");
        assert!(
            text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
            "{e:?}"
        );
        assert!(e.start >= last_end, "overlapping or unordered: {e:?}");
        assert_eq!(&text[e.start..e.end], e.text);
        assert!(!e.value.is_empty(), "{e:?}");
        last_end = e.end;
    }
}

/// Words that steer the grammar, so random text reaches deep into the rules.
const VOCAB: &[&str] = &[
    "the",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "-",
    ".",
    ",",
    "'",
    ":",
    "/",
    "December",
    "Dec",
    "May",
    "Friday",
    "Fri",
    "25",
    "2024",
    "99999",
    "0",
    "31",
    "30",
    "February",
    "quarter",
    "third",
    "year",
    "years",
    "ago",
    "earlier",
    "a",
    "p.m.",
    "a.m.",
    "12",
    "00",
    "every",
    "each",
    "nearly",
    "more",
    "than",
    "week",
    "weekend",
    "1990s",
    "'80s",
    "nineties",
    "twenty",
    "four",
    "hours",
    "fiscal",
    "of",
    "Christmas",
    "New",
    "Year's",
    "Day",
    "Eve",
    "summer",
    "morning",
    "tonight",
    "now",
    "\u{e9}",
    "\u{1F600}",
    "\n",
    " ",
    "year-ago",
];

fn vocab_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCAB), 0..40).prop_map(|words| {
        let mut s = String::new();
        for (i, w) in words.iter().enumerate() {
            // Glue some tokens, space others, to cover both paths.
            if i % 3 != 0 {
                s.push(' ');
            }
            s.push_str(w);
        }
        s
    })
}

fn dct() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![
        Just(None),
        (1i32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        Just(NaiveDate::MIN.into()),
        Just(NaiveDate::MAX.into()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>(), published in dct()) {
        check_spans(&text, published);
    }

    #[test]
    fn time_vocabulary_never_panics(text in vocab_text(), published in dct()) {
        check_spans(&text, published);
    }
}

#[test]
fn absurd_dates_are_rejected_or_clamped() {
    let published = NaiveDate::from_ymd_opt(2024, 12, 30);
    for text in [
        "February 30",
        "Feb. 30, 2024",
        "2024-02-30",
        "year 99999",
        "99999-12-25",
        "31/31/2024",
        "25:99 p.m.",
    ] {
        for e in newsdex::dates::tag(text, published) {
            assert!(!e.value.contains("-02-30"), "{text}: {e:?}");
            assert!(!e.value.contains("99999"), "{text}: {e:?}");
        }
    }
}
