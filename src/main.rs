use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    jixiao::cli::run(jixiao::cli::Args::parse()).into()
}
