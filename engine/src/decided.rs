//! What a pass over a text decided for each of its tokens, and with which
//! neighbours: the corrector's second pass (`spell::correct`) weighs a word
//! again only where its neighbours changed, and reuses the rest.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

/// One decision per token, each with the neighbours it was made with.
pub struct Decided<T> {
    made: Vec<Option<Made<T>>>,
}

/// A decision and its neighbours, kept as their hash (FxHash, cheap: a
/// pass hashes every word's). Two neighbourhoods of a token that share a
/// hash share the decision made first, which is only what a single pass
/// would have decided.
struct Made<T> {
    neighbours: u64,
    decision: T,
}

impl<T: Clone> Decided<T> {
    /// Room for a text of `tokens` tokens, nothing decided.
    pub fn new(tokens: usize) -> Self {
        Decided {
            made: std::iter::repeat_with(|| None).take(tokens).collect(),
        }
    }

    /// The decision for token `i` among `neighbours`: the one made before
    /// among the same neighbours, or else `decide`'s, kept for next time.
    pub fn get_or_decide(
        &mut self,
        i: usize,
        neighbours: impl Hash,
        decide: impl FnOnce() -> T,
    ) -> T {
        let mut hasher = FxHasher::default();
        neighbours.hash(&mut hasher);
        let neighbours = hasher.finish();
        if let Some(made) = &self.made[i] {
            if made.neighbours == neighbours {
                return made.decision.clone();
            }
        }
        let decision = decide();
        self.made[i] = Some(Made {
            neighbours,
            decision: decision.clone(),
        });
        decision
    }
}

#[cfg(test)]
mod tests {
    use super::Decided;

    #[test]
    fn a_decision_is_made_again_only_among_other_neighbours() {
        let mut decided = Decided::new(2);
        let mut made = 0;
        let mut decide = |neighbours: (&str, &str)| {
            decided.get_or_decide(0, neighbours, || {
                made += 1;
                made
            })
        };
        assert_eq!(decide(("in", "tere")), 1);
        assert_eq!(decide(("in", "tere")), 1);
        assert_eq!(decide(("in", "there")), 2);
        assert_eq!(decide(("in", "there")), 2);
    }
}
