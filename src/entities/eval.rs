//! `newsdex eval-ner`: scores entity extraction CoNLL-style.

use std::path::PathBuf;

/// Arguments of `newsdex eval-ner`.
#[derive(Debug, Clone, clap::Args)]
pub struct EvalNerArgs {
    /// CoNLL-2003 file with gold tags.
    pub gold: PathBuf,
}

pub fn run(args: &EvalNerArgs) -> anyhow::Result<()> {
    anyhow::bail!(
        "evaluation is not implemented yet (gold file {})",
        args.gold.display()
    )
}
