//! Scores the text engine on the development sets and prints the figures
//! issue 3 asks for:
//!
//!     cargo run --release -p engine --example evaluate -- ../shared/data
//!
//! The data directory holds `spell/spell-testset1.txt`, `spell/spell-testset2.txt`,
//! `spell/wordnet-sentences-dev.tsv` and `space/wordnet-dev.tsv`.

#![allow(clippy::disallowed_methods)] // a command-line tool that reads the data sets (clippy.toml keeps the engine itself off I/O)

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use engine::{Engine, ExtraWords};

/// As in the api: the engine packs its spelling index into one region
/// (`engine::Allocator`).
#[global_allocator]
static ALLOCATOR: engine::Allocator = engine::Allocator;

/// `println!` that stops the run quietly once no one reads on
/// (`evaluate … | head`), where `println!` would panic, and returns any
/// other error.
macro_rules! say {
    ($($arg:tt)*) => {
        match writeln!(std::io::stdout(), $($arg)*) {
            Err(e) if e.kind() == ErrorKind::BrokenPipe => return Ok(()),
            written => written.map_err(|e| format!("writing: {e}"))?,
        }
    };
}

fn main() -> ExitCode {
    let Some(data) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: evaluate DATA_DIR   (e.g. ../shared/data)");
        return ExitCode::from(2);
    };
    match run(&data) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(data: &Path) -> Result<(), String> {
    // EVALUATE_SHOW=1 prints every case the engine gets wrong, and in a
    // sentence each word: `right word changed: its -> it's ≠ its`,
    // `typo: teh -> ten ≠ the`.
    let show = std::env::var_os("EVALUATE_SHOW").is_some();
    // EVALUATE_NO_SPEED=1 leaves out the speed passes, whose number depends
    // on the clock: under callgrind, the instructions of one pass each.
    let speed = std::env::var_os("EVALUATE_NO_SPEED").is_none();
    let started = Instant::now();
    let engine = Engine::english().map_err(|e| e.to_string())?;
    let none = ExtraWords::default();
    say!(
        "engine build            {:>8.3} s",
        started.elapsed().as_secs_f64()
    );
    say!("resident memory         {:>8.1} MiB", resident_mib());

    for set in ["spell-testset1.txt", "spell-testset2.txt"] {
        let cases = norvig(&data.join("spell").join(set))?;
        let (mut right, mut offered) = (0, 0);
        for (good, bad) in &cases {
            let outcome = engine.correct(bad, &none);
            let is_right = outcome.text == *good;
            // The word meant among the words the answer offers, the
            // correction and those nearly as likely after it.
            offered += usize::from(
                is_right
                    || outcome
                        .changes
                        .iter()
                        .any(|c| c.replacements.contains(good)),
            );
            if is_right {
                right += 1;
            } else if show {
                say!("  {bad} -> {} ≠ {good}", outcome.text);
            }
        }
        say!(
            "{set:<24}{:>8.1} %  top-1 ({right}/{})",
            percent(right, cases.len()),
            cases.len()
        );
        say!(
            "  offered               {:>8.1} %  ({offered}/{})",
            percent(offered, cases.len()),
            cases.len()
        );
    }

    let sentences = pairs(&data.join("spell").join("wordnet-sentences-dev.tsv"))?;
    let (mut exact, mut typos, mut fixed, mut clean, mut kept) = (0, 0, 0, 0, 0);
    for (noisy, truth) in &sentences {
        let out = engine.correct(noisy, &none).text;
        exact += usize::from(&out == truth);
        let (n, t, o): (Vec<_>, Vec<_>, Vec<_>) = (
            noisy.split(' ').collect(),
            truth.split(' ').collect(),
            out.split(' ').collect(),
        );
        if &out != truth && show {
            say!("  {noisy}\n    -> {out}\n    ≠  {truth}");
        }
        // Word by word where the words line up; where they do not (a
        // split or merge that should not have been), every word of the
        // sentence counts as got wrong.
        let aligned = o.len() == t.len();
        for (k, (n, t)) in n.iter().zip(&t).enumerate() {
            let right = aligned && o[k] == *t;
            if n == t {
                clean += 1;
                kept += usize::from(right);
            } else {
                typos += 1;
                fixed += usize::from(right);
            }
            // One line per word got wrong, for `grep`: the right words
            // changed are the figure furthest from its goal.
            if show && aligned && !right {
                let kind = if n == t { "right word changed" } else { "typo" };
                say!("    {kind}: {n} -> {} ≠ {t}", o[k]);
            }
        }
        if show && !aligned {
            say!("    words not aligned: all {} counted wrong", t.len());
        }
    }
    say!(
        "wordnet sentences exact {:>8.1} %  ({exact}/{})",
        percent(exact, sentences.len()),
        sentences.len()
    );
    say!(
        "  typos fixed           {:>8.1} %  ({fixed}/{typos})",
        percent(fixed, typos)
    );
    say!(
        "  right words left alone{:>8.1} %  ({kept}/{clean})",
        percent(kept, clean)
    );

    let spaced = pairs(&data.join("space").join("wordnet-dev.tsv"))?;
    let (mut exact, mut found, mut predicted, mut expected) = (0, 0, 0, 0);
    for (joined, truth) in &spaced {
        let out = engine.segment(joined, &none).text;
        if &out != truth && show {
            say!("  {out} ≠ {truth}");
        }
        exact += usize::from(&out == truth);
        let (got, want) = (spans(&out), spans(truth));
        found += got.iter().filter(|s| want.contains(s)).count();
        predicted += got.len();
        expected += want.len();
    }
    let precision = found as f64 / predicted.max(1) as f64;
    let recall = found as f64 / expected.max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    say!(
        "segmentation exact      {:>8.1} %  ({exact}/{})",
        percent(exact, spaced.len()),
        spaced.len()
    );
    // Two decimals: the figure moves by hundredths between changes.
    say!("segmentation word F1    {:>8.2} %", 100.0 * f1);
    if !speed {
        return Ok(());
    }

    let words: usize = sentences
        .iter()
        .map(|(n, _)| n.split_whitespace().count())
        .sum();
    let spelling = per_second(words, || {
        sentences
            .iter()
            .for_each(|(n, _)| drop(engine.correct(n, &none)))
    });
    say!("spelling speed          {spelling:>8.0} words/s (one core)");
    let chars: usize = spaced.iter().map(|(j, _)| j.chars().count()).sum();
    let segmentation = per_second(chars, || {
        spaced
            .iter()
            .for_each(|(j, _)| drop(engine.segment(j, &none)))
    });
    say!("segmentation speed      {segmentation:>8.0} chars/s (one core)");
    Ok(())
}

/// `right: wrong1 wrong2 …` lines as (right, wrong) cases, each counted.
fn norvig(path: &Path) -> Result<Vec<(String, String)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut cases = Vec::new();
    for line in text.lines() {
        let Some((right, wrongs)) = line.split_once(':') else {
            continue;
        };
        for wrong in wrongs.split_whitespace() {
            cases.push((right.trim().to_owned(), wrong.to_owned()));
        }
    }
    Ok(cases)
}

fn pairs(path: &Path) -> Result<Vec<(String, String)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect())
}

/// Word spans by letter position, so a word counts only where it stands.
fn spans(spaced: &str) -> Vec<(usize, usize)> {
    let mut at = 0;
    spaced
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let span = (at, at + w.len());
            at += w.len();
            span
        })
        .collect()
}

/// The time of one pass, averaged over passes for at least two seconds.
/// `units` (words, characters) a second: `pass` handles them all once,
/// and is repeated for two seconds.
fn per_second(units: usize, mut pass: impl FnMut()) -> f64 {
    let started = Instant::now();
    let mut passes = 0;
    while passes == 0 || started.elapsed() < Duration::from_secs(2) {
        pass();
        passes += 1;
    }
    units as f64 / (started.elapsed() / passes).as_secs_f64()
}

fn percent(part: usize, whole: usize) -> f64 {
    100.0 * part as f64 / whole.max(1) as f64
}

fn resident_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kib| kib / 1024.0)
}
