//! One file per resource. Each handler reads like the HTTP contract:
//! parse (the `Submission` guard) → validate → run the engine → store → answer.

mod health;
mod records;
mod text;
mod translate;

use rocket::Route;

pub use translate::TranslationState;

pub fn routes() -> Vec<Route> {
    rocket::routes![
        text::spell,
        text::space,
        translate::translate,
        records::list,
        records::one,
        health::health,
    ]
}
