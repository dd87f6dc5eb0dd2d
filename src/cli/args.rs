//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Digitise Chinese performance self-evaluation forms (绩效自评表) into JSON Lines.
#[derive(Debug, Parser)]
#[command(name = "jixiao", version, about)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract one record per form from files, directories (recursive) or `-` (paths on stdin).
    Extract(ExtractArgs),
    /// Print the reconstructed grids of every table in FILE as JSON.
    Tables { file: PathBuf },
    /// Print the text of FILE in reading order (for debugging).
    Text { file: PathBuf },
    /// Print the JSON Schema of the record.
    Schema,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Files (.pdf, .txt, .tsv), directories, or `-` to read paths from stdin.
    #[arg(required = true, value_name = "PATH|-")]
    pub paths: Vec<String>,
    /// Write records here (default: stdout). Written atomically.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write one JSON line per failed input here (default: stderr). Written atomically.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long = "threads", value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// Include the reconstructed grids in every record.
    #[arg(long)]
    pub tables: bool,
    /// Also write forms.csv, indicators.csv and tasks.csv into DIR.
    #[arg(long, value_name = "DIR")]
    pub csv: Option<PathBuf>,
}
