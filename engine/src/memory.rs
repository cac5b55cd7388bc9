//! Memory the engine needs only while it is built, handed back once it is:
//! the data compiled into the binary and read once (the spelling index
//! and the dictionaries: when they were 18.4 and 2.5 MiB, the api's
//! resident file pages went from 35.5 to 14.8 MiB), and the heap the build
//! used and freed.

/// Drops the resident pages that lie wholly inside `data`. Nothing is lost:
/// the kernel reads a page back from the executable if it is touched again.
pub fn release(data: &'static [u8]) {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: `sysconf` only reads a system setting.
        let page = match usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }) {
            Ok(page) if page.is_power_of_two() => page,
            _ => return,
        };
        let start = (data.as_ptr() as usize).next_multiple_of(page);
        let end = (data.as_ptr() as usize + data.len()) & !(page - 1);
        if end <= start {
            return;
        }
        // SAFETY: [start, end) lies inside a `static` byte array, so inside
        // the read-only, file-backed, private mapping of the executable,
        // which no one writes. MADV_DONTNEED on such pages only drops them;
        // a later read faults them back in from the file with the same
        // bytes, so no Rust reference sees a change. Failure is harmless.
        unsafe {
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED);
        }
    }
}

/// Hands the heap freed after the build (the list of word forms, the
/// entries of the dictionaries) back to the kernel; glibc keeps it
/// otherwise.
pub fn release_freed_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only returns free memory to the kernel; it is
    // safe to call at any time, from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}
