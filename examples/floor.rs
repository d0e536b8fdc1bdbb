//! The floor a build cannot beat on this machine: read every source file,
//! then write a given site's files again, with the same layout, on every core.
//!
//! Takes a content folder, a site Briefing already built (the bytes to
//! write), and a new output folder that must not exist. The reference site is
//! read into memory before the clock starts, so the time printed is only what
//! any generator must pay: reading its input and creating its output.
//!
//! ```sh
//! cargo run --release --example floor -- CONTENT BUILT_SITE NEW_FOLDER
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr, missing_docs)]

use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn files_under(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

fn main() -> std::io::Result<()> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [content, built, out] = args.as_slice() else {
        eprintln!("usage: floor CONTENT BUILT_SITE NEW_FOLDER");
        std::process::exit(2);
    };
    if out.exists() {
        eprintln!("{}: already exists", out.display());
        std::process::exit(2);
    }
    // What to write: every file of the reference site, as (relative path, bytes).
    let site: Vec<(PathBuf, Vec<u8>)> = files_under(built)
        .into_par_iter()
        .map(|p| {
            let bytes = std::fs::read(&p)?;
            let rel = p.strip_prefix(built).map(Path::to_path_buf).unwrap_or(p);
            Ok((rel, bytes))
        })
        .collect::<std::io::Result<_>>()?;
    let mut folders: Vec<PathBuf> = site
        .iter()
        .filter_map(|(rel, _)| rel.parent().map(|p| out.join(p)))
        .collect();
    folders.sort();
    folders.dedup();

    let started = Instant::now();
    let inputs = files_under(content);
    let read: u64 = inputs
        .par_iter()
        .map(|p| std::fs::read(p).map(|b| b.len() as u64))
        .sum::<std::io::Result<u64>>()?;
    let after_read = started.elapsed();
    // Folders first, parents before children (sorted), then the files in parallel.
    for folder in &folders {
        std::fs::create_dir_all(folder)?;
    }
    site.par_iter()
        .try_for_each(|(rel, bytes)| std::fs::write(out.join(rel), bytes))?;
    let total = started.elapsed();
    let written: u64 = site.iter().map(|(_, b)| b.len() as u64).sum();
    println!(
        "floor: read {} files ({} MB) in {:.2} s; wrote {} files in {} folders ({} MB) in {:.2} s; total {:.2} s",
        inputs.len(),
        read / 1_000_000,
        after_read.as_secs_f64(),
        site.len(),
        folders.len(),
        written / 1_000_000,
        (total - after_read).as_secs_f64(),
        total.as_secs_f64()
    );
    Ok(())
}
