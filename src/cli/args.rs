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
    Extract(Box<ExtractArgs>),
    /// Print the reconstructed grids of every table in FILE as JSON.
    Tables { file: PathBuf },
    /// Print the text of FILE in reading order (for debugging).
    Text { file: PathBuf },
    /// Print the JSON Schema of the record.
    Schema,
    /// Internal: read files named on stdin, one JSON request per line (used by `extract`).
    #[command(hide = true)]
    Worker(WorkerArgs),
}

/// Bounds on one file, shared by `extract` and its workers.
#[derive(Debug, Clone, clap::Args)]
pub struct LimitArgs {
    /// A PDF with more pages is reported `unreadable`.
    #[arg(long, value_name = "N", default_value_t = 2000, value_parser = at_least_one)]
    pub max_pages: usize,
    /// Largest inflated size of one PDF stream, in MiB; beyond it the file is a
    /// decompression bomb and reported `unreadable`.
    #[arg(long, value_name = "MIB", default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_stream_mib: u64,
    /// Memory ceiling of the process reading one file, in MiB (address space).
    #[arg(long, value_name = "MIB", default_value_t = 1024, value_parser = clap::value_parser!(u64).range(1..))]
    pub memory_mib: u64,
}

/// `K/N` with 1 ≤ K ≤ N.
fn parse_shard(s: &str) -> Result<(u32, u32), String> {
    let (k, n) = s
        .split_once('/')
        .ok_or_else(|| format!("{s}: expected K/N, e.g. 2/8"))?;
    let k: u32 = k.trim().parse().map_err(|e| format!("{s}: {e}"))?;
    let n: u32 = n.trim().parse().map_err(|e| format!("{s}: {e}"))?;
    if k == 0 || n == 0 || k > n {
        return Err(format!("{s}: need 1 <= K <= N"));
    }
    Ok((k, n))
}

/// A count of 1 or more: a limit of 0 would fail every file.
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

#[derive(Debug, clap::Args)]
pub struct WorkerArgs {
    #[arg(long)]
    pub tables: bool,
    #[arg(long)]
    pub provenance: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Files (.pdf, .txt, .tsv, .html/.htm/.shtml, .docx, .xlsx/.xlsm/.xls/.ods/.et), directories, or `-` to read paths from stdin.
    #[arg(required = true, value_name = "PATH|-")]
    pub paths: Vec<PathBuf>,
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
    /// Record where each funds value, fund source, indicator and task was
    /// read: page or sheet, table, row and column of its cell, and the
    /// cell's box on the page for PDFs (`provenance` fields).
    #[arg(long)]
    pub provenance: bool,
    /// Also write the flat tables (forms, fund_sources, indicators, tasks,
    /// task_indicators, warnings) as CSV files into DIR: UTF-8 with BOM,
    /// joined on (path, form_index).
    #[arg(long, value_name = "DIR")]
    pub csv: Option<PathBuf>,
    /// Also write the same tables as one workbook (a sheet per table).
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
    /// Convert every amount (funds, fund sources, task funds) to this unit:
    /// 万元 (or `wan`) or 元 (or `yuan`). The record says so in `amounts`.
    #[arg(long, value_name = "UNIT", value_parser = crate::output::money::MoneyUnit::parse)]
    pub money: Option<crate::output::money::MoneyUnit>,
    /// Incremental runs: reuse the records of inputs unchanged since the
    /// run that wrote FILE (size and mtime), redo changed ones, drop gone ones.
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Take only shard K of N (1-based) of the inputs, chosen by a hash of
    /// each path, so N machines split an archive with no coordinator.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<(u32, u32)>,
    /// Write a JSON run report here (inputs, skipped, records, errors and
    /// warnings by code, seconds, version).
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// In folders, take only files whose path matches one of these glob
    /// patterns (`*.pdf`, `**/2021/**`); repeatable.
    #[arg(long, value_name = "PATTERN")]
    pub glob: Vec<String>,
    /// In folders, leave out files whose path matches one of these glob
    /// patterns; repeatable.
    #[arg(long, value_name = "PATTERN")]
    pub exclude: Vec<String>,
    /// Per-file time limit in seconds (0: none). A file past it is reported
    /// `timeout` and its worker process is stopped.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub timeout: u64,
    /// Read every file in this process: no time limit or memory ceiling per
    /// file (for debugging).
    #[arg(long)]
    pub in_process: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

impl LimitArgs {
    /// The pipeline options these bounds give.
    #[must_use]
    pub fn options(&self, keep_tables: bool, provenance: bool) -> crate::pipeline::Options {
        crate::pipeline::Options {
            keep_tables,
            provenance,
            max_pages: self.max_pages,
            max_stream_mib: self.max_stream_mib,
        }
    }
}
