//! The text engine: plain Rust, no I/O, so it can be tested, fuzzed and
//! benchmarked without a server.

mod dictionary;
mod engine;

pub use dictionary::DictionaryError;
pub use engine::Engine;
