//! Command-line arguments (clap types stop here) and command dispatch.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use newsdex::{dates, entities};

#[derive(Debug, Parser)]
#[command(
    name = "newsdex",
    version,
    about = "Search folders of news by passage, entity and date"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Train the entity model from CoNLL-2003 data.
    TrainNer(entities::train::TrainNerArgs),
    /// Score entity extraction CoNLL-style.
    EvalNer(entities::eval::EvalNerArgs),
    /// Score time-expression extraction as TempEval-3 Task A.
    EvalDates(dates::eval::EvalDatesArgs),
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::TrainNer(args) => entities::train::run(&args)?,
        Command::EvalNer(args) => entities::eval::run(&args)?,
        Command::EvalDates(args) => dates::eval::run(&args)?,
    }
    Ok(ExitCode::SUCCESS)
}
