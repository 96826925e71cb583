//! `newsdex eval-dates`: scores time-expression extraction as TempEval-3 Task A.

use std::path::PathBuf;

/// Arguments of `newsdex eval-dates`.
#[derive(Debug, Clone, clap::Args)]
pub struct EvalDatesArgs {
    /// A `*.gold.jsonl` file of TempEval-3 gold TIMEX3 annotations.
    pub gold: PathBuf,
}

pub fn run(args: &EvalDatesArgs) -> anyhow::Result<()> {
    anyhow::bail!(
        "evaluation is not implemented yet (gold file {})",
        args.gold.display()
    )
}
