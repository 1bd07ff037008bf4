#![cfg_attr(not(test), deny(clippy::unwrap_used))]

use clap::Parser;

fn main() {
    let args = restlint::cli::Args::parse();
    std::process::exit(restlint::cli::run(args));
}
