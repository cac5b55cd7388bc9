//! The whole textproc app in one process: home's routes at `/` and the
//! api's at `/api`, exactly the split the load balancer makes in production.

use rocket::{Build, Rocket};

/// Both services on one Rocket, sharing one database pool.
pub fn app() -> Rocket<Build> {
    home::mount(api::mount(rocket::custom(api::figment())))
}
