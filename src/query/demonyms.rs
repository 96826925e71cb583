//! A country's name and the adjective news writes for it: "Iraq" and
//! "Iraqi", "China" and "Chinese", "the Netherlands" and "Dutch".
//!
//! Stemming joins "election" and "elections", but not "Iraq" and "Iraqi":
//! on BBC and Reuters news, `Iraq election` found the stories saying "Iraq"
//! and missed those about "the Iraqi election". A query word that is one
//! of a pair is also looked for as the other, ranked below the word as
//! typed (see `search`). A country's name of several words pairs by its
//! last word ("Sri Lanka" and "Sri Lankan" by "Lanka"); initials ("US",
//! "UK") stay themselves: "us" is also the pronoun every passage holds.

/// A place and the adjectives (and nouns for its people) news writes for
/// it. A place whose name is also an English word in lower case ("turkey",
/// "china", "polish" of Poland's) is paired only when typed with a capital.
struct Pair {
    place: &'static str,
    adjectives: &'static [&'static str],
    capital_only: bool,
}

const fn pair(place: &'static str, adjectives: &'static [&'static str]) -> Pair {
    Pair {
        place,
        adjectives,
        capital_only: false,
    }
}

const fn capitalised(place: &'static str, adjectives: &'static [&'static str]) -> Pair {
    Pair {
        place,
        adjectives,
        capital_only: true,
    }
}

const PAIRS: &[Pair] = &[
    pair("Afghanistan", &["Afghan"]),
    pair("Africa", &["African"]),
    pair("Albania", &["Albanian"]),
    pair("Algeria", &["Algerian"]),
    pair("America", &["American"]),
    pair("Angola", &["Angolan"]),
    pair("Argentina", &["Argentine", "Argentinian"]),
    pair("Armenia", &["Armenian"]),
    pair("Asia", &["Asian"]),
    pair("Australia", &["Australian"]),
    pair("Austria", &["Austrian"]),
    pair("Azerbaijan", &["Azerbaijani", "Azeri"]),
    pair("Bahrain", &["Bahraini"]),
    pair("Bangladesh", &["Bangladeshi"]),
    pair("Belarus", &["Belarusian"]),
    pair("Belgium", &["Belgian"]),
    pair("Benin", &["Beninese"]),
    pair("Bolivia", &["Bolivian"]),
    pair("Bosnia", &["Bosnian"]),
    pair("Brazil", &["Brazilian"]),
    pair("Britain", &["British"]),
    pair("Bulgaria", &["Bulgarian"]),
    pair("Burma", &["Burmese"]),
    pair("Burundi", &["Burundian"]),
    pair("Cambodia", &["Cambodian"]),
    pair("Cameroon", &["Cameroonian"]),
    pair("Canada", &["Canadian"]),
    pair("Catalonia", &["Catalan"]),
    capitalised("Chad", &["Chadian"]),
    pair("Chechnya", &["Chechen"]),
    pair("Chile", &["Chilean"]),
    capitalised("China", &["Chinese"]),
    pair("Colombia", &["Colombian"]),
    pair("Congo", &["Congolese"]),
    pair("Croatia", &["Croatian"]),
    pair("Cuba", &["Cuban"]),
    pair("Cyprus", &["Cypriot"]),
    pair("Czechoslovakia", &["Czechoslovak"]),
    pair("Denmark", &["Danish"]),
    pair("Ecuador", &["Ecuadorian"]),
    pair("Egypt", &["Egyptian"]),
    pair("Emirates", &["Emirati"]),
    pair("England", &["English"]),
    pair("Eritrea", &["Eritrean"]),
    pair("Estonia", &["Estonian"]),
    pair("Ethiopia", &["Ethiopian"]),
    pair("Europe", &["European"]),
    pair("Fiji", &["Fijian"]),
    pair("Finland", &["Finnish"]),
    pair("Flanders", &["Flemish"]),
    pair("France", &["French"]),
    pair("Gabon", &["Gabonese"]),
    pair("Georgia", &["Georgian"]),
    pair("Germany", &["German"]),
    pair("Ghana", &["Ghanaian"]),
    pair("Greece", &["Greek"]),
    pair("Guatemala", &["Guatemalan"]),
    pair("Haiti", &["Haitian"]),
    pair("Holland", &["Dutch"]),
    pair("Honduras", &["Honduran"]),
    pair("Hungary", &["Hungarian"]),
    pair("Iceland", &["Icelandic"]),
    pair("India", &["Indian"]),
    pair("Indonesia", &["Indonesian"]),
    pair("Iran", &["Iranian"]),
    pair("Iraq", &["Iraqi"]),
    pair("Ireland", &["Irish"]),
    pair("Israel", &["Israeli"]),
    pair("Italy", &["Italian"]),
    pair("Jamaica", &["Jamaican"]),
    pair("Japan", &["Japanese"]),
    pair("Jordan", &["Jordanian"]),
    pair("Kazakhstan", &["Kazakh"]),
    pair("Kenya", &["Kenyan"]),
    pair("Korea", &["Korean"]),
    pair("Kosovo", &["Kosovar"]),
    pair("Kurdistan", &["Kurdish", "Kurd"]),
    pair("Kuwait", &["Kuwaiti"]),
    pair("Kyrgyzstan", &["Kyrgyz"]),
    pair("Lanka", &["Lankan"]),
    pair("Latvia", &["Latvian"]),
    pair("Lebanon", &["Lebanese"]),
    pair("Liberia", &["Liberian"]),
    pair("Libya", &["Libyan"]),
    pair("Lithuania", &["Lithuanian"]),
    pair("Macedonia", &["Macedonian"]),
    pair("Madagascar", &["Malagasy"]),
    pair("Malawi", &["Malawian"]),
    pair("Malaysia", &["Malaysian"]),
    pair("Mali", &["Malian"]),
    pair("Malta", &["Maltese"]),
    pair("Mauritania", &["Mauritanian"]),
    pair("Mexico", &["Mexican"]),
    pair("Moldova", &["Moldovan"]),
    pair("Mongolia", &["Mongolian"]),
    pair("Montenegro", &["Montenegrin"]),
    pair("Morocco", &["Moroccan"]),
    pair("Mozambique", &["Mozambican"]),
    pair("Namibia", &["Namibian"]),
    pair("Nepal", &["Nepalese", "Nepali"]),
    pair("Netherlands", &["Dutch"]),
    pair("Nicaragua", &["Nicaraguan"]),
    pair("Niger", &["Nigerien"]),
    pair("Nigeria", &["Nigerian"]),
    pair("Norway", &["Norwegian"]),
    pair("Oman", &["Omani"]),
    pair("Pakistan", &["Pakistani"]),
    pair("Palestine", &["Palestinian"]),
    pair("Panama", &["Panamanian"]),
    pair("Paraguay", &["Paraguayan"]),
    pair("Peru", &["Peruvian"]),
    pair("Philippines", &["Filipino", "Philippine"]),
    capitalised("Poland", &["Polish"]),
    pair("Portugal", &["Portuguese"]),
    pair("Qatar", &["Qatari"]),
    pair("Rhodesia", &["Rhodesian"]),
    pair("Romania", &["Romanian"]),
    pair("Russia", &["Russian"]),
    pair("Rwanda", &["Rwandan"]),
    pair("Salvador", &["Salvadoran"]),
    pair("Samoa", &["Samoan"]),
    pair("Scotland", &["Scottish"]),
    pair("Senegal", &["Senegalese"]),
    pair("Serbia", &["Serbian", "Serb"]),
    pair("Singapore", &["Singaporean"]),
    pair("Slovakia", &["Slovak"]),
    pair("Slovenia", &["Slovenian", "Slovene"]),
    pair("Somalia", &["Somali"]),
    pair("Spain", &["Spanish"]),
    pair("Sudan", &["Sudanese"]),
    pair("Sweden", &["Swedish"]),
    pair("Switzerland", &["Swiss"]),
    pair("Syria", &["Syrian"]),
    pair("Taiwan", &["Taiwanese"]),
    pair("Tajikistan", &["Tajik"]),
    pair("Tanzania", &["Tanzanian"]),
    pair("Thailand", &["Thai"]),
    pair("Tibet", &["Tibetan"]),
    pair("Togo", &["Togolese"]),
    pair("Tonga", &["Tongan"]),
    pair("Tunisia", &["Tunisian"]),
    capitalised("Turkey", &["Turkish"]),
    pair("Turkmenistan", &["Turkmen"]),
    pair("Uganda", &["Ugandan"]),
    pair("Ukraine", &["Ukrainian"]),
    pair("Uruguay", &["Uruguayan"]),
    pair("Uzbekistan", &["Uzbek"]),
    pair("Venezuela", &["Venezuelan"]),
    pair("Vietnam", &["Vietnamese"]),
    pair("Wales", &["Welsh"]),
    pair("Yemen", &["Yemeni"]),
    pair("Yugoslavia", &["Yugoslav"]),
    pair("Zaire", &["Zairean"]),
    pair("Zambia", &["Zambian"]),
    pair("Zealand", &["Zealander"]),
    pair("Zimbabwe", &["Zimbabwean"]),
];

/// The other words of `word`'s pair, as the table writes them: the
/// adjectives of a place ("Iraq" -> "Iraqi"), or the place of an adjective
/// ("Dutch" -> "Netherlands", "Holland"). Empty when the word is in no
/// pair, or is typed in lower case and is an English word so ("turkey").
pub fn paired_words(word: &str) -> Vec<&'static str> {
    let lower_case = !word.bytes().any(|b| b.is_ascii_uppercase());
    let mut paired = Vec::new();
    for pair in PAIRS {
        if lower_case && pair.capital_only {
            continue;
        }
        if pair.place.eq_ignore_ascii_case(word) {
            paired.extend_from_slice(pair.adjectives);
        } else if pair
            .adjectives
            .iter()
            .any(|adjective| adjective.eq_ignore_ascii_case(word))
        {
            paired.push(pair.place);
        }
    }
    paired
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_and_its_adjective_pair_both_ways() {
        let cases: &[(&str, &[&str])] = &[
            ("Iraq", &["Iraqi"]),
            ("Iraqi", &["Iraq"]),
            ("iraq", &["Iraqi"]),
            ("IRAQ", &["Iraqi"]),
            ("Dutch", &["Holland", "Netherlands"]),
            ("Serbia", &["Serbian", "Serb"]),
            ("Serb", &["Serbia"]),
            ("China", &["Chinese"]),
            ("Chinese", &["China"]),
            ("Turkey", &["Turkish"]),
            // English words in lower case stay themselves.
            ("china", &[]),
            ("turkey", &[]),
            ("polish", &[]),
            ("Polish", &["Poland"]),
            ("election", &[]),
            ("Iraq's", &[]),
            ("US", &[]),
            ("Lankan", &["Lanka"]),
            ("chad", &[]),
            ("Kurd", &["Kurdistan"]),
        ];
        for (word, expected) in cases {
            assert_eq!(paired_words(word), *expected, "{word}");
        }
    }

    #[test]
    fn each_word_stands_in_one_pair_at_most_but_dutch() {
        let mut seen = std::collections::HashMap::new();
        for pair in PAIRS {
            for word in std::iter::once(&pair.place).chain(pair.adjectives) {
                *seen.entry(word.to_ascii_lowercase()).or_insert(0) += 1;
            }
        }
        let repeated: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
        assert_eq!(repeated, [(&"dutch".to_string(), &2)]);
    }
}
