//! The command line: `extract`, `tables`, `text`, `schema`. One file per
//! subcommand; [`run`] dispatches and gives the exit status.

mod args;
mod extract;
mod inspect;
mod state;
mod worker;

use std::process::ExitCode;

pub use args::{Args, Command, ExtractArgs, LimitArgs, WorkerArgs};

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Every input gave records.
    Success,
    /// Some inputs failed; the rest were still written.
    Failure,
    /// Usage or output error: nothing trustworthy was written.
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(s: ExitStatus) -> Self {
        ExitCode::from(match s {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Error => 2,
        })
    }
}

/// Run a parsed command line.
#[must_use]
pub fn run(args: Args) -> ExitStatus {
    let result = match args.command {
        Command::Extract(a) => extract::run(&a),
        Command::Tables { file } => inspect::tables(&file),
        Command::Text { file } => inspect::text(&file),
        Command::Schema => inspect::schema(),
        Command::Worker(a) => worker::serve(
            a.limits.options(a.tables, a.provenance),
            a.limits.memory_mib,
        ),
    };
    result.unwrap_or_else(|e| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return ExitStatus::Success;
        }
        eprintln!("jixiao: {e}");
        ExitStatus::Error
    })
}
