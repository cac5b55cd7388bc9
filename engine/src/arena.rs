//! The spelling index packed into one region of memory. Decoding it makes
//! some 1.6 million small strings and lists, one `malloc` each, which the
//! engine keeps until the process ends: glibc spends some 180 instructions
//! on each and rounds each string up to a 32-byte chunk. While the index is
//! decoded (`packed`), the small allocations of that thread are cut one
//! after another from a region reserved once, and never freed.
//!
//! A binary opts in by making [`Allocator`] its global allocator; without
//! it the index is decoded on the ordinary heap, as every test does.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Address space reserved for the region: only the pages written become
/// memory. The index takes 28.8 MB of it; beyond it, allocations go to the
/// system's allocator.
const RESERVED: usize = 256 << 20;
/// Larger allocations (the index's hash table) go to the system's
/// allocator even while packing: they are few, and some are freed.
const MAX_PACKED: usize = 256;

/// Where the region starts (0 until it is reserved; `usize::MAX` if it
/// could not be) and how much of it is taken.
static START: AtomicUsize = AtomicUsize::new(0);
static TAKEN: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// Whether this thread's small allocations are packed.
    static PACKING: Cell<bool> = const { Cell::new(false) };
}

/// The system's allocator, but for the small allocations of a thread
/// inside `packed`, which are cut from the region. See the module.
pub struct Allocator;

/// Runs `decode` with this thread's small allocations packed into the
/// region, if the binary's allocator is [`Allocator`]. What `decode`
/// allocates so is never freed: it is for data kept until the process ends.
pub fn packed<T>(decode: impl FnOnce() -> T) -> T {
    /// Ends the packing however `decode` ends, a panic included: the
    /// thread may be a pool's, and go on to serve requests.
    struct Packing;
    impl Drop for Packing {
        fn drop(&mut self) {
            PACKING.with(|packing| packing.set(false));
        }
    }
    PACKING.with(|packing| packing.set(true));
    let _packing = Packing;
    decode()
}

/// Bytes cut from the region so far.
#[cfg(test)]
fn packed_bytes() -> usize {
    TAKEN.load(Ordering::Relaxed)
}

/// Reserves the region, once, when the first block is cut from it; its
/// start, or `None` if it cannot be reserved.
fn reserve() -> Option<usize> {
    #[cfg(target_os = "linux")]
    if START.load(Ordering::Acquire) == 0 {
        // SAFETY: an anonymous private mapping that no other code knows
        // of; MAP_NORESERVE commits no memory until a page is written.
        let region = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                RESERVED,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        let start = if region == libc::MAP_FAILED {
            usize::MAX
        } else {
            region as usize
        };
        if START
            .compare_exchange(0, start, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
            && start != usize::MAX
        {
            // Another thread reserved it first.
            // SAFETY: the mapping made above, which nothing has used.
            unsafe { libc::munmap(region, RESERVED) };
        }
    }
    region_start()
}

/// Where the region starts, once reserved.
fn region_start() -> Option<usize> {
    match START.load(Ordering::Acquire) {
        0 | usize::MAX => None,
        start => Some(start),
    }
}

/// `layout` cut from the region, or `None` when it is full or cannot be
/// reserved.
fn cut(layout: Layout) -> Option<*mut u8> {
    let start = reserve()?;
    let mut at = 0;
    TAKEN
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |taken| {
            // Alignments are powers of two: a mask, not a division.
            let mask = layout.align() - 1;
            at = ((start + taken + mask) & !mask) - start;
            let end = at.checked_add(layout.size())?;
            (end <= RESERVED).then_some(end)
        })
        .ok()?;
    Some((start + at) as *mut u8)
}

/// Whether `ptr` was cut from the region.
fn is_packed(ptr: *mut u8) -> bool {
    // One comparison first, as every block freed in the process asks.
    (ptr as usize).wrapping_sub(START.load(Ordering::Acquire)) < RESERVED
        && region_start().is_some()
}

fn packs(layout: Layout) -> bool {
    layout.size() <= MAX_PACKED && PACKING.with(Cell::get)
}

// SAFETY: every block is either the system allocator's, handled by it, or
// cut from the region: inside it, aligned as asked, never handed out twice
// (`TAKEN` only grows), and never reused (freeing one does nothing).
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if packs(layout) {
            if let Some(ptr) = cut(layout) {
                return ptr;
            }
        }
        // SAFETY: the caller's promises about `layout` are System's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if packs(layout) {
            if let Some(ptr) = cut(layout) {
                // The region's pages start zeroed and are never reused,
                // but zeroing costs little next to relying on that.
                // SAFETY: `cut` gave `layout.size()` bytes at `ptr`.
                unsafe { ptr.write_bytes(0, layout.size()) };
                return ptr;
            }
        }
        // SAFETY: as in `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if !is_packed(ptr) {
            // SAFETY: not cut from the region, so System's.
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !is_packed(ptr) {
            // SAFETY: not cut from the region, so System's.
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        // A packed block cannot grow in place: it moves.
        // SAFETY: the caller promises `new_size`, rounded up to the
        // alignment, does not overflow.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        // SAFETY: `new_layout` has a non-zero size, as the caller promises.
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            // SAFETY: both blocks hold at least the bytes copied, and a
            // new block never overlaps one handed out before.
            unsafe { std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size)) };
        }
        new
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_blocks_are_packed_only_inside_packed() {
        let small = Layout::from_size_align(7, 1).unwrap();
        let list = Layout::from_size_align(48, 8).unwrap();
        let large = Layout::from_size_align(MAX_PACKED + 1, 8).unwrap();
        // SAFETY: each block is used within its layout and given back once.
        unsafe {
            let outside = Allocator.alloc(small);
            assert!(!is_packed(outside));
            Allocator.dealloc(outside, small);
            let before = packed_bytes();
            let (a, b, c, big) = packed(|| {
                let a = Allocator.alloc(small);
                let b = Allocator.alloc(list);
                let c = Allocator.alloc_zeroed(small);
                (a, b, c, Allocator.alloc(large))
            });
            assert!(is_packed(a) && is_packed(b) && is_packed(c));
            assert_eq!(b as usize % 8, 0, "aligned as asked");
            assert!(!is_packed(big), "large blocks stay on the heap");
            assert!(packed_bytes() >= before + 7 + 48 + 7);
            a.copy_from_nonoverlapping(b"packed!".as_ptr(), 7);
            assert_eq!(std::slice::from_raw_parts(c, 7), [0; 7]);
            // Grown outside `packed`, a packed block moves to the heap
            // with its bytes.
            let moved = Allocator.realloc(a, small, 64);
            assert!(!is_packed(moved));
            assert_eq!(std::slice::from_raw_parts(moved, 7), b"packed!");
            Allocator.dealloc(moved, Layout::from_size_align(64, 1).unwrap());
            // Freeing a packed block does nothing; it is never handed out
            // again.
            Allocator.dealloc(b, list);
            Allocator.dealloc(c, small);
            Allocator.dealloc(big, large);
            let again = packed(|| Allocator.alloc(list));
            assert!(is_packed(again) && again != b);
        }
    }

    #[test]
    fn a_panic_ends_the_packing() {
        let small = Layout::from_size_align(8, 8).unwrap();
        let panicked = std::panic::catch_unwind(|| packed(|| panic!("a bad index")));
        assert!(panicked.is_err());
        // SAFETY: the block is given back with its layout.
        unsafe {
            let after = Allocator.alloc(small);
            assert!(!is_packed(after));
            Allocator.dealloc(after, small);
        }
    }
}
