//! `spawn_app()` and the `TestApp` methods the tests drive the shop with.

use diesel::Connection;
use diesel::RunQueryDsl;
use diesel::pg::PgConnection;
use duett::config::{Environment, Settings};
use duett::db::Pool;
use duett::startup::Application;
use scraper::{Html, Selector};
use std::sync::{Arc, LazyLock};

pub const PASSWORD: &str = "duett-demo-2026";

static TRACING: LazyLock<()> = LazyLock::new(|| {
    if std::env::var("TEST_LOG").is_ok() {
        duett::telemetry::init("info");
    }
});

/// The test's own database, removed when the test ends.
pub enum TestDb {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let TestDb::Postgres { admin_url, name } = self
            && let Ok(mut conn) = PgConnection::establish(admin_url)
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .execute(&mut conn);
        }
    }
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub pool: Pool,
    pub settings: Settings,
    _db: Arc<TestDb>,
    _data: Arc<tempfile::TempDir>,
}

/// A fresh database URL: a temp SQLite file, or a new database on the TEST_DATABASE_URL server.
pub fn fresh_database() -> (String, TestDb) {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(base) if !base.is_empty() => {
            let mut bytes = [0u8; 6];
            rand::fill(&mut bytes);
            let name = format!("duett_test_{}", hex::encode(bytes));
            let mut conn = PgConnection::establish(&base)
                .expect("TEST_DATABASE_URL must reach a Postgres server");
            diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
                .execute(&mut conn)
                .expect("create test database");
            let mut url = url::Url::parse(&base).expect("TEST_DATABASE_URL is a URL");
            url.set_path(&name);
            (
                url.to_string(),
                TestDb::Postgres {
                    admin_url: base,
                    name,
                },
            )
        }
        _ => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}", dir.path().join("test.db").display());
            (url, TestDb::Sqlite(dir))
        }
    }
}

pub fn test_settings(database_url: &str, data_dir: &std::path::Path) -> Settings {
    let mut settings = Settings::load_for(Environment::Test).expect("test settings");
    settings.server.host = "127.0.0.1".into();
    settings.server.port = 0;
    settings.server.workers = 1;
    settings.database.url = database_url.to_string();
    settings.session.data_dir = data_dir.to_path_buf();
    settings
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Like [`spawn_app`], with settings changed first.
pub async fn spawn_app_with(change: impl FnOnce(&mut Settings)) -> TestApp {
    LazyLock::force(&TRACING);
    let (url, db) = fresh_database();
    let data = tempfile::tempdir().expect("temp dir");
    let mut settings = test_settings(&url, data.path());
    change(&mut settings);
    let app = Application::build(settings.clone())
        .await
        .expect("the app builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let pool = app.pool();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        client: new_client(),
        pool,
        settings,
        _db: Arc::new(db),
        _data: Arc::new(data),
    }
}

/// A client like a browser's: its own cookie jar, redirects not followed (tests assert on them).
fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .expect("client")
}

/// A fetched page: status, headers and parsed HTML.
pub struct Page {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub html: Html,
}

impl Page {
    pub fn select_texts(&self, css: &str) -> Vec<String> {
        let sel = Selector::parse(css).expect("valid selector");
        self.html
            .select(&sel)
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    pub fn text(&self, css: &str) -> String {
        self.select_texts(css)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no element matches {css}"))
    }

    pub fn count(&self, css: &str) -> usize {
        self.html
            .select(&Selector::parse(css).expect("valid selector"))
            .count()
    }

    pub fn attr(&self, css: &str, name: &str) -> Option<String> {
        let sel = Selector::parse(css).expect("valid selector");
        self.html
            .select(&sel)
            .next()
            .and_then(|e| e.value().attr(name).map(str::to_string))
    }

    pub fn attrs(&self, css: &str, name: &str) -> Vec<String> {
        let sel = Selector::parse(css).expect("valid selector");
        self.html
            .select(&sel)
            .filter_map(|e| e.value().attr(name).map(str::to_string))
            .collect()
    }

    pub fn theme(&self) -> String {
        self.attr("body", "data-theme").unwrap_or_default()
    }

    pub fn location(&self) -> String {
        self.headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    }
}

impl TestApp {
    /// The same app seen from a second browser (no cookies).
    pub fn another_browser(&self) -> TestApp {
        TestApp {
            address: self.address.clone(),
            client: new_client(),
            pool: self.pool.clone(),
            settings: self.settings.clone(),
            _db: self._db.clone(),
            _data: self._data.clone(),
        }
    }

    /// The same browser again (shared cookies), for requests sent in parallel by one person.
    pub fn clone_browser(&self) -> TestApp {
        TestApp {
            address: self.address.clone(),
            client: self.client.clone(),
            pool: self.pool.clone(),
            settings: self.settings.clone(),
            _db: self._db.clone(),
            _data: self._data.clone(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    async fn page(res: reqwest::Response) -> Page {
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let body = res.text().await.expect("body");
        Page {
            status,
            headers,
            html: Html::parse_document(&body),
        }
    }

    /// GET in English.
    pub async fn get(&self, path: &str) -> Page {
        self.get_lang(path, "en").await
    }

    pub async fn get_lang(&self, path: &str, lang: &str) -> Page {
        let res = self
            .client
            .get(self.url(path))
            .header("accept-language", lang)
            .send()
            .await
            .expect("GET");
        Self::page(res).await
    }

    pub async fn get_raw(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    /// POST a form, adding the session's CSRF token taken from `form_page`.
    pub async fn post_form(&self, path: &str, form_page: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.csrf_token(form_page).await;
        let mut body: Vec<(&str, &str)> = fields.to_vec();
        body.push(("csrf_token", &token));
        self.post_raw(path, &body).await
    }

    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let res = self
            .client
            .post(self.url(path))
            .header("accept-language", "en")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(serde_urlencoded::to_string(fields).expect("form"))
            .send()
            .await
            .expect("POST");
        Self::page(res).await
    }

    /// POST a multipart form: the CSRF token from `form_page` first (unless `token` says
    /// otherwise), then `fields`, then a file part.
    pub async fn post_multipart(
        &self,
        path: &str,
        token: Option<&str>,
        file: Option<(&str, Vec<u8>)>,
    ) -> Page {
        let mut form = reqwest::multipart::Form::new();
        if let Some(token) = token {
            form = form.text("csrf_token", token.to_string());
        }
        if let Some((name, bytes)) = file {
            form = form.part(
                "file",
                reqwest::multipart::Part::bytes(bytes)
                    .file_name(name.to_string())
                    .mime_str("text/csv")
                    .unwrap(),
            );
        }
        let res = self
            .client
            .post(self.url(path))
            .header("accept-language", "en")
            .multipart(form)
            .send()
            .await
            .expect("POST");
        Self::page(res).await
    }

    /// POST a multipart form: `fields` in order (put `csrf_token` first), then the files as
    /// parts named `file_field` with (file name, bytes, type).
    pub async fn post_parts(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        file_field: &str,
        files: Vec<(&str, Vec<u8>, &str)>,
    ) -> Page {
        let mut form = reqwest::multipart::Form::new();
        for (k, v) in fields {
            form = form.text(k.to_string(), v.to_string());
        }
        for (name, bytes, mime) in files {
            form = form.part(
                file_field.to_string(),
                reqwest::multipart::Part::bytes(bytes)
                    .file_name(name.to_string())
                    .mime_str(mime)
                    .unwrap(),
            );
        }
        let res = self
            .client
            .post(self.url(path))
            .header("accept-language", "en")
            .multipart(form)
            .send()
            .await
            .expect("POST");
        Self::page(res).await
    }

    /// Opens an e-mailed link and presses the button on the page it shows (a link never acts on
    /// GET).
    pub async fn follow_link(&self, link: &str) -> Page {
        let page = self.get(link).await;
        assert_eq!(page.status, 200, "{link}");
        let action = page.attr("main form", "action").expect("a confirm form");
        let token = page
            .attr("main form input[name=token]", "value")
            .expect("token");
        let csrf = page
            .attr("main form input[name=csrf_token]", "value")
            .expect("csrf");
        self.post_raw(&action, &[("token", &token), ("csrf_token", &csrf)])
            .await
    }

    pub async fn csrf_token(&self, form_page: &str) -> String {
        self.get(form_page)
            .await
            .attr("input[name=csrf_token]", "value")
            .expect("the page has a CSRF token")
    }

    /// Signs in with the demo password; returns the redirect response.
    pub async fn login(&self, email: &str) -> Page {
        let page = self
            .post_form(
                "/login",
                "/login",
                &[("email", email), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(page.status, 303, "sign-in as {email} should redirect");
        page
    }
}

/// Sets a product's stock (by SKU) to `on_hand` units, none reserved.
pub fn stock(app: &TestApp, sku: &str, on_hand: i32) {
    use diesel::prelude::*;
    use duett::db::schema::{products, stock_levels};
    let id: i64 = products::table
        .filter(products::sku.eq(sku))
        .select(products::id)
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    diesel::update(stock_levels::table.find(id))
        .set((
            stock_levels::on_hand.eq(on_hand),
            stock_levels::reserved.eq(0),
        ))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
}

/// Gives a product (by SKU) a plain list price (minor units, excl. VAT) with no company
/// agreements and `on_hand` units in stock, none reserved; returns its id.
pub fn plain_product(app: &TestApp, sku: &str, list_minor: i64, on_hand: i32) -> i64 {
    use diesel::prelude::*;
    use duett::db::schema::{contract_prices, price_list_entries, products};
    let mut c = app.pool.get().unwrap();
    let id: i64 = products::table
        .filter(products::sku.eq(sku))
        .select(products::id)
        .first(&mut c)
        .unwrap();
    diesel::update(products::table.find(id))
        .set(products::list_price_minor.eq(list_minor))
        .execute(&mut c)
        .unwrap();
    diesel::delete(price_list_entries::table.filter(price_list_entries::product_id.eq(id)))
        .execute(&mut c)
        .unwrap();
    diesel::delete(contract_prices::table.filter(contract_prices::product_id.eq(id)))
        .execute(&mut c)
        .unwrap();
    stock(app, sku, on_hand);
    id
}

/// A product both segments buy, set to 1 000,00 kr excl. VAT with 25 % VAT, plenty in stock and
/// no agreements but the ones a test adds: (id, sku, slug).
pub fn product_at_1000(app: &TestApp) -> (i64, String, String) {
    use diesel::prelude::*;
    use duett::db::schema::{contract_prices, price_list_entries, products, stock_levels};
    let mut c = app.pool.get().unwrap();
    let (id, sku, slug): (i64, String, String) = products::table
        .inner_join(stock_levels::table)
        .filter(products::audience.eq("both"))
        .filter(products::active.eq(true))
        .filter(products::min_qty.eq(1))
        .filter(products::qty_step.eq(1))
        .filter(products::tax_class.eq("standard"))
        .order(products::id)
        .select((products::id, products::sku, products::slug))
        .first(&mut c)
        .unwrap();
    diesel::update(products::table.find(id))
        .set(products::list_price_minor.eq(100_000_i64))
        .execute(&mut c)
        .unwrap();
    diesel::update(stock_levels::table.find(id))
        .set((stock_levels::on_hand.eq(500), stock_levels::reserved.eq(0)))
        .execute(&mut c)
        .unwrap();
    diesel::delete(price_list_entries::table.filter(price_list_entries::product_id.eq(id)))
        .execute(&mut c)
        .unwrap();
    diesel::delete(contract_prices::table.filter(contract_prices::product_id.eq(id)))
        .execute(&mut c)
        .unwrap();
    (id, sku, slug)
}

/// A photo-like JPEG `w`×`h` (a gradient, so it does not compress to nothing).
pub fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 200) as u8])
    });
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(
            &mut std::io::Cursor::new(&mut out),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    out
}
