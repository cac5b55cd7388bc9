//! Digests as the records table keeps them: lowercase hex, 64 characters
//! for SHA-256 (`cache_key`, `request_digest`).

/// `bytes` as lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
