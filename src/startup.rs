//! Builds the application: database, middleware, routes. `build` binds the listener first, so the
//! port is known (tests bind port 0) before the server runs.

use crate::auth::csrf;
use crate::auth::limits::RateLimits;
use crate::config::Settings;
use crate::db::cache::ReadCache;
use crate::db::seed;
use crate::db::{self, DbUrl, Pool};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::web::{self, assets::Assets};
use actix_session::SessionMiddleware;
use actix_session::config::{BrowserSession, CookieContentSecurity};
use actix_session::storage::CookieSessionStore;
use actix_web::body::MessageBody;
use actix_web::cookie::{Key, SameSite};
use actix_web::dev::Server;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::{Compress, DefaultHeaders, Next, from_fn};
use actix_web::{App, HttpServer, web as aweb};
use anyhow::Context;
use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;
use tracing_actix_web::TracingLogger;

/// Shared, read-only state every handler can reach.
pub struct AppState {
    pub settings: Settings,
    pub pool: Pool,
    pub assets: Arc<Assets>,
    pub default_locale: Locale,
    /// The shop's time zone (`shop.time_zone`).
    pub time_zone: chrono_tz::Tz,
    pub cache: Arc<ReadCache>,
    /// Who each session is, for a few seconds (`auth::principal_cache`).
    pub principals: Arc<crate::auth::principal_cache::PrincipalCache>,
    pub limits: RateLimits,
    /// Card payments (the built-in test provider until a real one is configured).
    pub payments: Arc<dyn crate::payment::PaymentProvider>,
    /// Live chat: hands each message to whoever watches its conversation.
    pub chat: Arc<crate::web::chat::hub::Hub>,
    /// Where case photos are stored (created at start-up).
    pub attachments_dir: std::path::PathBuf,
    /// Where product pictures are stored (created at start-up).
    pub media_dir: std::path::PathBuf,
    /// The shop's name and menu, as staff last set them.
    pub frame: crate::web::frame::SharedFrame,
}

impl AppState {
    /// The shop's public address without a trailing slash, for links in e-mails.
    pub fn public_base_url(&self) -> String {
        self.settings
            .server
            .public_url
            .trim_end_matches('/')
            .to_string()
    }

    /// The shop's wall-clock time now.
    pub fn local_now(&self) -> chrono::NaiveDateTime {
        chrono::Utc::now()
            .with_timezone(&self.time_zone)
            .naive_local()
    }

    /// A wall-clock time in the shop's zone as UTC (the earlier one when the clocks go back;
    /// a time the clocks skip is read an hour later).
    pub fn to_utc(&self, local: chrono::NaiveDateTime) -> chrono::NaiveDateTime {
        use chrono::TimeZone;
        match self.time_zone.from_local_datetime(&local) {
            chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => t.naive_utc(),
            chrono::LocalResult::None => self
                .time_zone
                .from_local_datetime(&(local + chrono::Duration::hours(1)))
                .earliest()
                .map_or(local, |t| t.naive_utc()),
        }
    }

    /// A UTC time on the shop's wall clock.
    pub fn to_local(&self, utc: chrono::NaiveDateTime) -> chrono::NaiveDateTime {
        utc.and_utc().with_timezone(&self.time_zone).naive_local()
    }
}

pub struct Application {
    port: u16,
    server: Server,
    pool: Pool,
}

/// Opens the database, runs migrations and (when configured) seeds the demo shop.
pub fn prepare_database(settings: &Settings) -> anyhow::Result<Pool> {
    let url = DbUrl::parse(&settings.database.url).map_err(anyhow::Error::msg)?;
    let pool = db::build_pool(&url, settings.database.pool_size)?;
    db::migrate(&pool)?;
    // Product imports this process did not finish (it stopped) are marked failed.
    let mut conn = pool.get()?;
    let abandoned = db::product_files::fail_abandoned(&mut conn, chrono::Utc::now().naive_utc())
        .map_err(|e| anyhow::anyhow!("could not tidy product imports: {e}"))?;
    drop(conn);
    if abandoned > 0 {
        tracing::warn!(
            jobs = abandoned,
            "product imports left unfinished were marked failed"
        );
    }
    if settings.database.seed_demo {
        seed::demo_if_empty(&pool, seed::DEMO_PRODUCTS)?;
    }
    tracing::info!(database = %url.redacted(), "database ready");
    Ok(pool)
}

/// Every minute: orders left on the payment page for more than
/// [`UNPAID_MINUTES`](crate::db::orders::UNPAID_MINUTES) give their reserved stock back, and the
/// people waiting for a product that can be bought again get their "back in stock" e-mail.
fn start_housekeeping(pool: Pool, locale: Locale, base_url: String) {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(60)).await;
            let now = chrono::Utc::now().naive_utc();
            let before = now - chrono::Duration::minutes(crate::db::orders::UNPAID_MINUTES);
            match db::run(&pool, move |c| {
                crate::db::orders::expire_unpaid(c, before, now)
            })
            .await
            {
                Ok(0) => {}
                Ok(n) => tracing::info!(orders = n, "released the stock of unpaid orders"),
                Err(e) => tracing::warn!(error = %e, "could not release unpaid orders"),
            }
            let base = base_url.clone();
            let compose = move |name: &str, slug: &str| {
                let mail = crate::web::mail::Mail::back_in_stock(
                    locale,
                    name,
                    &format!("{base}/products/{slug}"),
                );
                (mail.subject, mail.body)
            };
            match db::run(&pool, move |c| {
                crate::db::back_in_stock::notify_available(c, &compose, now)
            })
            .await
            {
                Ok(0) => {}
                Ok(n) => tracing::info!(emails = n, "queued back-in-stock e-mails"),
                Err(e) => tracing::warn!(error = %e, "could not queue back-in-stock e-mails"),
            }
        }
    });
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        let key = Key::try_from(settings.session_key()?.as_slice())
            .map_err(|e| anyhow::anyhow!("the session key is not usable: {e}"))?;
        let for_db = settings.clone();
        let pool = actix_web::rt::task::spawn_blocking(move || prepare_database(&for_db))
            .await
            .context("database preparation panicked")??;
        let listener = TcpListener::bind(settings.address())
            .with_context(|| format!("could not listen on {}", settings.address()))?;
        let port = listener.local_addr()?.port();
        let assets = Arc::new(Assets::scan(&settings.static_dir()));
        let default_locale = Locale::parse(&settings.shop.default_locale).unwrap_or(Locale::Sv);
        let time_zone: chrono_tz::Tz = settings.shop.time_zone.parse().map_err(|_| {
            anyhow::anyhow!(
                "shop.time_zone {:?} is not a time zone name such as Europe/Stockholm",
                settings.shop.time_zone
            )
        })?;
        let attachments_dir = settings
            .support
            .attachments_dir
            .clone()
            .unwrap_or_else(|| settings.session.data_dir.join("attachments"));
        std::fs::create_dir_all(&attachments_dir).with_context(|| {
            format!(
                "could not create the case photo directory {}",
                attachments_dir.display()
            )
        })?;
        let media_dir = settings
            .shop
            .media_dir
            .clone()
            .unwrap_or_else(|| settings.session.data_dir.join("media"));
        std::fs::create_dir_all(&media_dir).with_context(|| {
            format!(
                "could not create the product picture directory {}",
                media_dir.display()
            )
        })?;
        let stale = crate::media_files::remove_stale_uploads(&media_dir);
        if stale > 0 {
            tracing::warn!(
                files = stale,
                "removed uploads a stopped server left unfinished"
            );
        }
        let frame = crate::web::frame::load(&pool, &settings.shop.name).await?;
        let state = aweb::Data::new(AppState {
            frame: crate::web::frame::SharedFrame::new(frame),
            attachments_dir,
            media_dir,
            settings: settings.clone(),
            pool: pool.clone(),
            assets,
            default_locale,
            time_zone,
            cache: Arc::new(ReadCache::default()),
            principals: Arc::default(),
            limits: RateLimits {
                chat_start_ip: crate::auth::limits::Limiter::per_minute(
                    settings.support.chat_starts_per_minute,
                ),
                ..RateLimits::default()
            },
            chat: Arc::default(),
            payments: Arc::new(crate::payment::TestProvider::new(&settings.session_key()?)),
        });
        crate::web::frame::keep_fresh(state.clone());
        let server = run(listener, state, key, &settings)?;
        if crate::delivery::start(pool.clone(), &settings.mail)? {
            tracing::info!("e-mail delivery over SMTP started");
        } else if settings.environment == crate::config::Environment::Production {
            tracing::warn!("mail.smtp_url is not set: e-mails stay queued in the outbox");
        }
        start_housekeeping(
            pool.clone(),
            default_locale,
            settings.server.public_url.trim_end_matches('/').to_string(),
        );
        tracing::info!("Duett is serving on http://{}:{port}", settings.server.host);
        Ok(Application { port, server, pool })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn pool(&self) -> Pool {
        self.pool.clone()
    }

    /// Serves until SIGINT/SIGTERM, then finishes in-flight requests (graceful shutdown).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

fn security_headers(https: bool) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Referrer-Policy", "strict-origin-when-cross-origin"))
        .add(("Permissions-Policy", "camera=(), microphone=(), geolocation=()"))
        .add((
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; script-src 'self'; \
             object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
        ));
    // Only behind HTTPS: a browser told to insist on HTTPS for a plain-HTTP shop would lock people out.
    if https {
        headers.add((
            "Strict-Transport-Security",
            "max-age=31536000; includeSubDomains",
        ))
    } else {
        headers
    }
}

fn run(
    listener: TcpListener,
    state: aweb::Data<AppState>,
    key: Key,
    settings: &Settings,
) -> anyhow::Result<Server> {
    let secure = settings.server.secure_cookies;
    let static_dir = settings.static_dir();
    let workers = settings.server.workers;
    let mut server = HttpServer::new(move || {
        let session = SessionMiddleware::builder(CookieSessionStore::default(), key.clone())
            .cookie_name("duett_session".into())
            .cookie_secure(secure)
            .cookie_http_only(true)
            .cookie_same_site(SameSite::Lax)
            .cookie_content_security(CookieContentSecurity::Private)
            .session_lifecycle(BrowserSession::default())
            .build();
        App::new()
            // Innermost first: CSRF sees the session; the error pages see both and render themed.
            .wrap(from_fn(crate::auth::acting::guard))
            .wrap(from_fn(crate::auth::principal_cache::forget_after_changes))
            .wrap(from_fn(csrf::protect))
            .wrap(from_fn(web::errors::themed))
            .wrap(session)
            .wrap(security_headers(secure))
            .wrap(Compress::default())
            .wrap(from_fn(head_as_get))
            .wrap(TracingLogger::<crate::telemetry::RequestSpan>::new())
            .app_data(state.clone())
            .app_data(
                aweb::FormConfig::default()
                    .limit(4 * 1024 * 1024)
                    .error_handler(|err, _| AppError::BadRequest(err.to_string()).into()),
            )
            .app_data(aweb::PayloadConfig::new(4 * 1024 * 1024))
            .app_data(
                aweb::QueryConfig::default()
                    .error_handler(|err, _| AppError::BadRequest(err.to_string()).into()),
            )
            .service(
                aweb::scope("/static")
                    .wrap(from_fn(web::assets::cache_headers))
                    .service(actix_files::Files::new("", static_dir.clone()).use_etag(true)),
            )
            .configure(web::ops::routes)
            .configure(web::media::routes)
            .configure(web::b2c::routes)
            .configure(web::cart::routes)
            .configure(web::checkout::routes)
            .configure(web::payment::routes)
            .configure(web::orders::routes)
            .configure(web::order_change::routes)
            .configure(web::help::routes)
            .configure(web::returns::routes)
            .configure(web::cases::routes)
            .configure(web::chat::routes)
            .configure(web::account::routes)
            .configure(web::b2b::routes)
            .configure(web::admin::routes)
            .default_service(aweb::to(not_found))
    })
    // A client gets 10 s to send a request's head and 2 s to close after the response; an idle
    // kept-alive connection is closed after 30 s (slow-loris and idle-socket protection).
    .client_request_timeout(Duration::from_secs(10))
    .client_disconnect_timeout(Duration::from_secs(2))
    .keep_alive(Duration::from_secs(30))
    .shutdown_timeout(10)
    .listen(listener)?;
    if workers > 0 {
        server = server.workers(workers);
    }
    Ok(server.run())
}

/// Answers HEAD like GET (monitors and link checkers use it): the route sees a GET, and the HTTP
/// layer, which remembers the request was HEAD, sends the headers without the body.
async fn head_as_get(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if req.method() == Method::HEAD {
        req.head_mut().method = Method::GET;
    }
    next.call(req).await
}

async fn not_found() -> Result<actix_web::HttpResponse, AppError> {
    Err(AppError::NotFound)
}
