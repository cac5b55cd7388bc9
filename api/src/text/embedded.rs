//! Data compiled into the binary and read once, at start (the spelling
//! index, the gzipped dictionaries). Once decoded, its pages of the
//! executable are handed back to the kernel, so the 24 MiB it takes do not
//! stay resident next to the structures built from it.

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
