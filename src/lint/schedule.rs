//! The order in which the files of a run are linted.
//!
//! Two lanes run side by side: a serial lane of the largest files, one at a time, and a
//! parallel lane (rayon) of the rest, largest first. A file's parse and semantic model take
//! several times its size in memory, so linting two multi-megabyte bundles at once doubles
//! the peak; and a big file met last leaves the other workers idle while one finishes it.
//! With the serial lane the peak is one big file plus one ordinary file per other worker,
//! whatever the number of files, and the big files start first. The serial lane takes the
//! largest files above [`SERIAL_MIN_BYTES`] while it holds at most a `1 / threads` share of
//! the bytes; a worker whose parallel lane runs dry takes the serial lane's smallest files
//! from its other end ([`SerialQueue`]), so neither lane is left as the critical path. Building
//! the lanes also fixes glibc's mmap threshold (see [`fix_mmap_threshold`]).

use rayon::prelude::*;

use crate::walk::Target;

/// Files smaller than this always go to the parallel lane.
pub const SERIAL_MIN_BYTES: u64 = 1 << 20;

/// The two lanes: `(serial, parallel)`, each largest first.
pub struct Lanes<'t> {
    pub serial: Vec<&'t Target>,
    pub parallel: Vec<&'t Target>,
}

/// Splits `targets` into lanes for `threads` workers, by file size (a file whose size
/// cannot be read counts as empty: reading it will report the trouble).
pub fn lanes(targets: &[Target], threads: usize) -> Lanes<'_> {
    fix_mmap_threshold();
    let sized: Vec<(u64, &Target)> = targets
        .par_iter()
        .map(|t| (std::fs::metadata(&t.path).map_or(0, |m| m.len()), t))
        .collect();
    split(sized, threads)
}

fn split(mut sized: Vec<(u64, &Target)>, threads: usize) -> Lanes<'_> {
    // Largest first; equal sizes keep the walk's (path) order, so a run is repeatable.
    sized.sort_by_key(|s| std::cmp::Reverse(s.0));
    let total: u64 = sized.iter().map(|(s, _)| s).sum();
    let budget = total / threads.max(1) as u64;
    let mut serial_bytes = 0u64;
    let mut serial = Vec::new();
    let mut parallel = Vec::with_capacity(sized.len());
    for (size, t) in sized {
        if threads > 1 && size >= SERIAL_MIN_BYTES && serial_bytes + size <= budget {
            serial_bytes += size;
            serial.push(t);
        } else {
            parallel.push(t);
        }
    }
    Lanes { serial, parallel }
}

/// The serial lane's files, claimed from both ends: the serial lane takes them largest first
/// from the front; a worker whose parallel lane ran dry takes the smallest left from the back,
/// so the run does not end with one worker finishing big files while the others wait. The
/// lane's budget is counted in bytes, but its big bundles cost more per byte than the
/// parallel lane's files (the gate lets more of them through), so either lane can finish
/// first.
pub struct SerialQueue<'l, 't> {
    files: &'l [&'t Target],
    /// The unclaimed files: `files[front..back]`.
    ends: std::sync::Mutex<(usize, usize)>,
}

impl<'l, 't> SerialQueue<'l, 't> {
    pub fn new(files: &'l [&'t Target]) -> Self {
        Self {
            files,
            ends: std::sync::Mutex::new((0, files.len())),
        }
    }

    /// The largest unclaimed file.
    pub fn front(&self) -> Option<&'t Target> {
        let mut ends = self.ends.lock().ok()?;
        let (front, back) = *ends;
        (front < back).then(|| {
            ends.0 += 1;
            self.files[front]
        })
    }

    /// The smallest unclaimed file.
    pub fn back(&self) -> Option<&'t Target> {
        let mut ends = self.ends.lock().ok()?;
        let (front, back) = *ends;
        (front < back).then(|| {
            ends.1 -= 1;
            self.files[back - 1]
        })
    }
}

/// Fixes glibc's mmap threshold at 4 MiB. By default glibc raises it (up to 32 MiB) after
/// the first big block is freed, so the tables of later big files come from the heap and
/// the space they free stays resident between live blocks: the peak then grows with the
/// number of big files linted (measured: 4x the corpus, 1.6x the peak; with the fixed
/// threshold 1.17x, for a few percent more page faults).
pub fn fix_mmap_threshold() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only changes an allocator tuning value; glibc documents it as safe
    // to call at any time, from any thread.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 4 << 20);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn targets(n: usize) -> Vec<Target> {
        (0..n)
            .map(|i| Target::new(PathBuf::from(format!("f{i}.js"))))
            .collect()
    }

    fn names(v: &[&Target]) -> Vec<String> {
        v.iter().map(|t| t.display()).collect()
    }

    #[test]
    fn big_files_go_serial_within_the_budget() {
        let t = targets(5);
        const MB: u64 = 1 << 20;
        let sized = vec![
            (3 * MB, &t[0]),
            (10, &t[1]),
            (5 * MB, &t[2]),
            (20, &t[3]),
            (2 * MB, &t[4]),
        ];
        // Total ~10 MB, two threads: at most ~5 MB serial, largest first.
        let lanes = split(sized, 2);
        assert_eq!(names(&lanes.serial), ["f2.js"]);
        assert_eq!(names(&lanes.parallel), ["f0.js", "f4.js", "f3.js", "f1.js"]);
    }

    #[test]
    fn small_runs_and_one_thread_have_no_serial_lane() {
        let t = targets(3);
        let lanes = split(vec![(10, &t[0]), (30, &t[1]), (20, &t[2])], 2);
        assert!(lanes.serial.is_empty());
        assert_eq!(names(&lanes.parallel), ["f1.js", "f2.js", "f0.js"]);
        let lanes = split(vec![(8 << 20, &t[0]), (1, &t[1])], 1);
        assert!(lanes.serial.is_empty());
        assert_eq!(lanes.parallel.len(), 2);
    }

    #[test]
    fn the_serial_lane_is_claimed_once_from_both_ends() {
        let t = targets(4);
        let files: Vec<&Target> = t.iter().collect();
        let q = SerialQueue::new(&files);
        let mut got = Vec::new();
        got.extend(q.front());
        got.extend(q.back());
        got.extend(q.front());
        got.extend(q.back());
        assert!(q.front().is_none() && q.back().is_none());
        assert_eq!(names(&got), ["f0.js", "f3.js", "f1.js", "f2.js"]);
    }

    #[test]
    fn equal_sizes_keep_their_order() {
        let t = targets(4);
        let lanes = split(t.iter().map(|t| (7, t)).collect(), 4);
        assert_eq!(names(&lanes.parallel), ["f0.js", "f1.js", "f2.js", "f3.js"]);
    }
}
