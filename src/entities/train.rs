//! `newsdex train-ner`: trains the entity model from CoNLL-2003 files.

use std::path::PathBuf;

/// Arguments of `newsdex train-ner`.
#[derive(Debug, Clone, clap::Args)]
pub struct TrainNerArgs {
    /// CoNLL-2003 training file.
    #[arg(long)]
    pub train: PathBuf,
    /// CoNLL-2003 development file, scored after training.
    #[arg(long)]
    pub dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long, default_value = "models/ner.bin")]
    pub out: PathBuf,
}

pub fn run(args: &TrainNerArgs) -> anyhow::Result<()> {
    anyhow::bail!(
        "training is not implemented yet (train file {})",
        args.train.display()
    )
}
