//! Named-entity recognition: text in, labelled spans with canonical names out.
//!
//! This is the narrow interface the rest of newsdex depends on; the model
//! behind it can change without touching callers.

use serde::Serialize;

/// The CoNLL-2003 entity classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityLabel {
    #[serde(rename = "PER")]
    Person,
    #[serde(rename = "ORG")]
    Organization,
    #[serde(rename = "LOC")]
    Location,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityLabel {
    pub const ALL: [EntityLabel; 4] = [
        EntityLabel::Person,
        EntityLabel::Organization,
        EntityLabel::Location,
        EntityLabel::Misc,
    ];

    /// The CoNLL tag: `PER`, `ORG`, `LOC` or `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Person => "PER",
            EntityLabel::Organization => "ORG",
            EntityLabel::Location => "LOC",
            EntityLabel::Misc => "MISC",
        }
    }

    /// Parses `PER`/`ORG`/`LOC`/`MISC` (case-insensitive).
    pub fn from_tag(tag: &str) -> Option<EntityLabel> {
        match tag.to_ascii_uppercase().as_str() {
            "PER" => Some(EntityLabel::Person),
            "ORG" => Some(EntityLabel::Organization),
            "LOC" => Some(EntityLabel::Location),
            "MISC" => Some(EntityLabel::Misc),
            _ => None,
        }
    }
}

/// One entity mention in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// The mention as written.
    pub text: String,
    pub label: EntityLabel,
    /// UTF-8 byte offsets into the text given to [`recognize`].
    pub start: usize,
    pub end: usize,
    /// The name this mention refers to within its article ("Aliyev" ->
    /// "Ilham Aliyev"), possessive stripped, whitespace normalised.
    pub canonical: String,
}

/// Finds the entity mentions in one article's text, in text order.
///
/// Give it a whole article at a time: canonical names are resolved within
/// the text it is given.
pub fn recognize(text: &str) -> Vec<Entity> {
    let _ = text;
    Vec::new()
}

pub mod eval;
pub mod train;
