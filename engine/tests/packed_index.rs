//! The engine under the allocator the api runs it with, which packs the
//! spelling index into one region (`engine::Allocator`); the unit tests'
//! engine has its index on the ordinary heap.

use engine::{Engine, ExtraWords};

#[global_allocator]
static ALLOCATOR: engine::Allocator = engine::Allocator;

#[test]
fn the_packed_index_finds_corrections() {
    let engine = Engine::english().expect("the engine builds");
    let none = ExtraWords::default();
    // Each needs the index: a word one and two edits away, in a sentence.
    let corrected = engine.correct("Teh quikc brown fox jumsp over the lazzy dgo.", &none);
    assert_eq!(
        corrected.text,
        "The quick brown fox jumps over the lazy dog."
    );
    // Strings kept or freed after the build still come and go as they should.
    for _ in 0..1_000 {
        let text = engine.correct("we recude costs", &none).text;
        assert_eq!(text, "we reduce costs");
    }
}
