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

use std::path::Path;

use crate::walk::Targets;

/// Files smaller than this always go to the parallel lane.
pub const SERIAL_MIN_BYTES: u64 = 1 << 20;

/// The two lanes: `(serial, parallel)`, each largest first, as indices into the run's
/// [`Targets`] (4 bytes a file: the parallel lane holds nearly every file of the run).
pub struct Lanes<'t> {
    targets: &'t Targets,
    pub serial: Vec<u32>,
    pub parallel: Vec<u32>,
}

impl<'t> Lanes<'t> {
    /// The path of the file at `index`.
    pub fn path(&self, index: u32) -> &'t Path {
        self.targets.get(index as usize)
    }
}

/// Splits `targets` into lanes for `threads` workers, by file size (a file whose size
/// cannot be read counts as empty: reading it will report the trouble).
pub fn lanes(targets: &Targets, threads: usize) -> Lanes<'_> {
    fix_mmap_threshold();
    let sized: Vec<(u64, u32)> = (0..targets.len())
        .into_par_iter()
        .map(|i| {
            let size = std::fs::metadata(targets.get(i)).map_or(0, |m| m.len());
            (size, u32::try_from(i).expect("fewer than 2^32 files"))
        })
        .collect();
    let (serial, parallel) = split(sized, threads);
    release_free_memory();
    Lanes {
        targets,
        serial,
        parallel,
    }
}

/// `(serial, parallel)`.
fn split<T: Copy>(mut sized: Vec<(u64, T)>, threads: usize) -> (Vec<T>, Vec<T>) {
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
    (serial, parallel)
}

/// The serial lane's files, claimed from both ends: the serial lane takes them largest first
/// from the front; a worker whose parallel lane ran dry takes the smallest left from the back,
/// so the run does not end with one worker finishing big files while the others wait. The
/// lane's budget is counted in bytes, but its big bundles cost more per byte than the
/// parallel lane's files (the gate lets more of them through), so either lane can finish
/// first.
pub struct SerialQueue<'l, T> {
    files: &'l [T],
    /// The unclaimed files: `files[front..back]`.
    ends: std::sync::Mutex<(usize, usize)>,
}

impl<'l, T: Copy> SerialQueue<'l, T> {
    pub fn new(files: &'l [T]) -> Self {
        Self {
            files,
            ends: std::sync::Mutex::new((0, files.len())),
        }
    }

    /// The largest unclaimed file.
    pub fn front(&self) -> Option<T> {
        let mut ends = self.ends.lock().ok()?;
        let (front, back) = *ends;
        (front < back).then(|| {
            ends.0 += 1;
            self.files[front]
        })
    }

    /// The smallest unclaimed file.
    pub fn back(&self) -> Option<T> {
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

/// Gives the heap's free pages back to the system. Called once the walk and the lanes are
/// built: what they freed (a `PathBuf` and a shown name per file, the walker's entries, the
/// sizes) lies between the few blocks still live, and would otherwise stay resident for the
/// whole run: 10 MB on a tree of 75,000 files, a peak that grew with the number of files.
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only returns free memory to the system; glibc documents it as
    // safe to call at any time, from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn targets(n: usize) -> Vec<PathBuf> {
        (0..n).map(|i| PathBuf::from(format!("f{i}.js"))).collect()
    }

    fn names(v: &[&Path]) -> Vec<String> {
        v.iter().map(|t| crate::walk::display_path(t)).collect()
    }

    #[test]
    fn big_files_go_serial_within_the_budget() {
        let t = targets(5);
        const MB: u64 = 1 << 20;
        let sized = vec![
            (3 * MB, t[0].as_path()),
            (10, &t[1]),
            (5 * MB, &t[2]),
            (20, &t[3]),
            (2 * MB, &t[4]),
        ];
        // Total ~10 MB, two threads: at most ~5 MB serial, largest first.
        let (serial, parallel) = split(sized, 2);
        assert_eq!(names(&serial), ["f2.js"]);
        assert_eq!(names(&parallel), ["f0.js", "f4.js", "f3.js", "f1.js"]);
    }

    #[test]
    fn small_runs_and_one_thread_have_no_serial_lane() {
        let t = targets(3);
        let (serial, parallel) = split(vec![(10, t[0].as_path()), (30, &t[1]), (20, &t[2])], 2);
        assert!(serial.is_empty());
        assert_eq!(names(&parallel), ["f1.js", "f2.js", "f0.js"]);
        let (serial, parallel) = split(vec![(8 << 20, t[0].as_path()), (1, &t[1])], 1);
        assert!(serial.is_empty());
        assert_eq!(parallel.len(), 2);
    }

    #[test]
    fn the_serial_lane_is_claimed_once_from_both_ends() {
        let t = targets(4);
        let files: Vec<&Path> = t.iter().map(PathBuf::as_path).collect();
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
        let (_, parallel) = split(t.iter().map(|t| (7, t.as_path())).collect(), 4);
        assert_eq!(names(&parallel), ["f0.js", "f1.js", "f2.js", "f3.js"]);
    }
}
