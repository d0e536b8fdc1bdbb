//! The `briefing` command; everything lives in the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    briefing::cli::run(briefing::cli::Cli::parse())
}
