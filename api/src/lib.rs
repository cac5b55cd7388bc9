//! The textproc api: spelling correction, word segmentation and translation
//! over HTTP, every result stored. Mounted at `/api`, as the ALB routes it.

mod catchers;
pub mod config;
mod digest;
mod error;
mod idempotency;
pub mod input;
mod negotiate;
mod routes;
mod same_origin;
mod storage;
mod stored;
pub mod translate;

use std::sync::Arc;

use rocket::fairing::AdHoc;
use rocket::figment::Figment;
use rocket::{Build, Rocket};

use config::{Backend, Config, TranslateConfig};
use engine::{Engine, ExtraWords};
pub use error::ApiError;
use routes::TranslationState;
use translate::{Google, LibreTranslate, Translation, Translator};

/// Where the api's routes live, on its own and in the all-in-one binary.
pub const BASE: &str = "/api";

/// The api's configuration: Rocket's, `DATABASE_URL`, and the translation
/// settings (`config::ENV_KEYS`).
pub fn figment() -> Figment {
    service::figment(&config::ENV_KEYS)
}

/// The api on its own, as its container runs it.
pub fn rocket() -> Rocket<Build> {
    standalone(rocket::custom(figment()))
}

/// The api as the only service on `rocket`: mounted, and answering in its
/// JSON error shape everywhere, including outside `/api` and for requests
/// Rocket could not parse (it hands those to the catchers at `/`).
pub fn standalone(rocket: Rocket<Build>) -> Rocket<Build> {
    mount(rocket).register("/", catchers::catchers())
}

/// Adds the api to `rocket`: migrations, the database, the text engine,
/// the routes under `/api` and their JSON catchers.
pub fn mount(rocket: Rocket<Build>) -> Rocket<Build> {
    rocket
        .attach(engine_warm_up())
        .attach(configuration())
        .attach(service::database(store::DEFAULT_POOL_SIZE))
        .attach(service::SecurityHeaders)
        .attach(service::Stopping)
        .attach(service::RequestLog)
        .attach(migrations())
        .attach(record_writer())
        .attach(text_engine())
        .attach(translation())
        .mount(BASE, routes::routes())
        .register(BASE, catchers::catchers())
}

/// Runs the migrations alone (`api migrate`), for a one-off deploy task.
pub async fn migrate_only() -> Result<(), String> {
    let config = Config::from_figment(&figment())?;
    store::migrate(&config.database_url)
        .await
        .map_err(|e| e.to_string())
}

/// Indexes the words of the records from `from_id` on (`api reindex`),
/// returning how many it read.
pub async fn reindex_only(from_id: i64) -> Result<u64, String> {
    let config = Config::from_figment(&figment())?;
    store::reindex(&config.database_url, from_id)
        .await
        .map_err(|e| e.to_string())
}

/// Reads and checks every setting once, before anything else starts; a bad
/// one stops the launch with the line that says what to fix. The shared
/// database fairing, which knows nothing of `Config`, gets its URL as
/// `DatabaseUrl`; everything else reads `Config`.
fn configuration() -> AdHoc {
    AdHoc::try_on_ignite("Configuration", |rocket| async move {
        match Config::from_figment(rocket.figment()) {
            Ok(config) => Ok(rocket
                .manage(service::DatabaseUrl(config.database_url.clone()))
                .manage(config)),
            Err(e) => {
                rocket::error!("{e}");
                Err(rocket)
            }
        }
    })
}

/// Migrations run before anything is served, on the database the pool was
/// opened on; a failure stops the launch with the reason rather than
/// leaving an api that fails every request.
fn migrations() -> AdHoc {
    AdHoc::try_on_ignite("Migrations", |rocket| async move {
        let url = match rocket.state::<service::DatabaseUrl>() {
            Some(service::DatabaseUrl(url)) => url.clone(),
            None => {
                rocket::error!("migrations: the database fairing must be attached first");
                return Err(rocket);
            }
        };
        match store::migrate(&url).await {
            Ok(()) => Ok(rocket),
            Err(e) => {
                rocket::error!("{e}");
                Err(rocket)
            }
        }
    })
}

/// The writer tasks that store the routes' records, several to a
/// transaction (`store::Writer`), on the database the pool was opened on.
fn record_writer() -> AdHoc {
    AdHoc::try_on_ignite("Record writer", |rocket| async move {
        match rocket.state::<store::DatabaseConnection>() {
            Some(db) => {
                let writer = store::Writer::start(db.clone());
                Ok(rocket.manage(writer))
            }
            None => {
                rocket::error!("record writer: the database fairing must be attached first");
                Err(rocket)
            }
        }
    })
}

/// Starts building the engine on its own thread before the migrations run,
/// so the two overlap; `text_engine` later waits for it (and reports any
/// failure).
fn engine_warm_up() -> AdHoc {
    AdHoc::on_ignite("Text engine warm-up", |rocket| async move {
        std::thread::spawn(|| {
            let _ = Engine::english();
        });
        rocket
    })
}

/// Builds (or finds, if built already in this process) the English engine,
/// and reads the extra words; a corrupt dictionary or an unreadable word
/// list stops the launch.
fn text_engine() -> AdHoc {
    AdHoc::try_on_ignite("Text engine", |rocket| async move {
        let path = rocket.state::<Config>().and_then(|c| c.extra_words.clone());
        let extra = match path {
            Some(path) => match load_extra_words(&path) {
                Ok(extra) => {
                    rocket::info!("extra words: {} from {}", extra.len(), path.display());
                    extra
                }
                Err(e) => {
                    rocket::error!("TEXTPROC_EXTRA_WORDS: {e}");
                    return Err(rocket);
                }
            },
            None => ExtraWords::default(),
        };
        let rocket = rocket.manage(Arc::new(extra));
        match tokio::task::spawn_blocking(Engine::english).await {
            Ok(Ok(engine)) => Ok(rocket.manage(engine)),
            Ok(Err(e)) => {
                rocket::error!("{e}");
                Err(rocket)
            }
            Err(e) => {
                rocket::error!("building the text engine panicked: {e}");
                Err(rocket)
            }
        }
    })
}

/// The engine does no I/O: the api reads the word list and hands it the text.
fn load_extra_words(path: &std::path::Path) -> Result<ExtraWords, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    ExtraWords::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Sets up the configured translation backend, or none; a backend named
/// but not fully configured stops the launch with what is missing.
fn translation() -> AdHoc {
    AdHoc::try_on_ignite("Translation", |rocket| async move {
        let Some(config) = rocket.state::<Config>() else {
            rocket::error!("translation: the configuration fairing must be attached first");
            return Err(rocket);
        };
        match translation_state(config.translate.clone()) {
            Ok(state) => Ok(rocket.manage(state)),
            Err(e) => {
                rocket::error!("{e}");
                Err(rocket)
            }
        }
    })
}

fn translation_state(config: TranslateConfig) -> Result<TranslationState, String> {
    let http = reqwest::Client::builder()
        .connect_timeout(config.connect_timeout)
        .timeout(config.timeout)
        .user_agent(concat!("textproc/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| format!("building the translation HTTP client: {e}"))?;
    let backend: Option<Arc<dyn Translator>> = match config.backend {
        Backend::None => None,
        Backend::Google { url, key } => Some(Arc::new(Google::new(http, &url, key))),
        Backend::LibreTranslate { url, key } => {
            Some(Arc::new(LibreTranslate::new(http, &url, key)))
        }
    };
    match &backend {
        Some(backend) => rocket::info!("translation: {}", backend.name()),
        None => rocket::warn!("translation: not configured; /api/translate answers 503"),
    }
    Ok(TranslationState {
        service: backend.map(|b| Translation::new(b, config.retry)),
        cache_window: config.cache_window,
    })
}
