//! The api against real databases, in process (Rocket's local client) and
//! over real TCP (reqwest against a server on an ephemeral port).

mod binary;
mod database_faults;
mod export;
mod failures;
mod hostile;
mod idempotency;
mod negotiation;
mod records;
mod same_origin;
mod slow_clients;
mod support;
mod text_routes;
mod translation;
mod validation;
