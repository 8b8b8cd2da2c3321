//! Settings, layered with the `config` crate: `config/base.toml`, then `config/<APP_ENVIRONMENT>.toml`,
//! then `APP__SECTION__KEY` environment variables, then `DATABASE_URL`.

use anyhow::{Context, bail};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub session: SessionSettings,
    pub shop: ShopSettings,
    pub mail: MailSettings,
    #[serde(default)]
    pub support: SupportSettings,
    #[serde(skip, default = "Environment::default")]
    pub environment: Environment,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ServerSettings {
    pub host: String,
    pub port: u16,
    /// The address people reach the shop at, for links in e-mails (no trailing slash).
    pub public_url: String,
    pub static_dir: PathBuf,
    pub secure_cookies: bool,
    pub workers: usize,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseSettings {
    pub url: String,
    pub pool_size: u32,
    pub seed_demo: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SessionSettings {
    /// The cookie signing and encryption key (≥ 64 bytes). Required in production.
    pub key: Option<SecretString>,
    pub data_dir: PathBuf,
    pub idle_timeout_minutes: i64,
    pub absolute_timeout_hours: i64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ShopSettings {
    pub name: String,
    pub currency: String,
    pub country: String,
    pub default_locale: String,
    /// The shop's time zone (IANA name): times staff type and buyers read, e.g. a demo's.
    #[serde(default = "default_time_zone")]
    pub time_zone: String,
    /// Where product pictures staff upload are kept; unset: `media` under `session.data_dir`.
    #[serde(default)]
    pub media_dir: Option<PathBuf>,
}

/// How customers reach customer service (the help centre shows it).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct SupportSettings {
    pub email: String,
    pub phone: String,
    /// Phone hours on weekdays, on the shop's clock (`HH:MM`).
    pub phone_opens: String,
    pub phone_closes: String,
    /// The first answer to an e-mail or a case, around the clock, within this many minutes.
    pub first_response_minutes: u32,
    /// A case is resolved within this many hours (not counting time waiting on the customer).
    pub resolution_hours: u32,
    /// Where case photos are kept; unset: `attachments` under `session.data_dir`.
    pub attachments_dir: Option<PathBuf>,
    /// Live chats one client address may start in a minute.
    pub chat_starts_per_minute: u32,
}

impl SupportSettings {
    /// The service-level targets of a case.
    pub fn targets(&self) -> crate::domain::cases::Targets {
        crate::domain::cases::Targets {
            first_response: chrono::Duration::minutes(i64::from(self.first_response_minutes)),
            resolution: chrono::Duration::hours(i64::from(self.resolution_hours)),
        }
    }
}

impl Default for SupportSettings {
    fn default() -> Self {
        SupportSettings {
            email: "support@duett.example".into(),
            phone: "+46 8 123 45 00".into(),
            phone_opens: "08:00".into(),
            phone_closes: "18:00".into(),
            first_response_minutes: 60,
            resolution_hours: 72,
            attachments_dir: None,
            chat_starts_per_minute: 10,
        }
    }
}

fn default_time_zone() -> String {
    "Europe/Stockholm".into()
}

#[derive(Debug, Clone, Deserialize)]
pub struct MailSettings {
    /// Where the outbox is delivered: `smtp://host:port` (plain, for a local relay),
    /// `smtp://user:pass@host:587?tls=required` (STARTTLS) or `smtps://user:pass@host:465`.
    /// Unset: messages stay in the outbox (and, outside production, in the log).
    pub smtp_url: Option<SecretString>,
    /// The sender, e.g. `Duett <no-reply@duett.example>`.
    pub from: String,
    /// How often the sender looks for queued messages.
    pub poll_seconds: u64,
    /// Attempts before a message is marked failed.
    pub max_attempts: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Environment {
    #[default]
    Local,
    Production,
    Test,
}

impl Environment {
    pub fn as_str(self) -> &'static str {
        match self {
            Environment::Local => "local",
            Environment::Production => "production",
            Environment::Test => "test",
        }
    }

    pub fn parse(s: &str) -> anyhow::Result<Environment> {
        match s.trim().to_lowercase().as_str() {
            "local" => Ok(Environment::Local),
            "production" => Ok(Environment::Production),
            "test" => Ok(Environment::Test),
            other => bail!("APP_ENVIRONMENT is {other:?}; use `local` or `production`"),
        }
    }
}

/// The config directory: `APP_CONFIG_DIR`, else `./config`, else the one in the source tree.
fn config_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("APP_CONFIG_DIR") {
        return PathBuf::from(dir);
    }
    let local = PathBuf::from("config");
    if local.join("base.toml").exists() {
        return local;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("config")
}

impl Settings {
    /// Loads settings for the environment named by `APP_ENVIRONMENT` (default `local`).
    pub fn load() -> anyhow::Result<Settings> {
        let env = match std::env::var("APP_ENVIRONMENT") {
            Ok(v) => Environment::parse(&v)?,
            Err(_) => Environment::Local,
        };
        Settings::load_for(env)
    }

    /// Loads settings for `env`, honouring environment overrides.
    pub fn load_for(env: Environment) -> anyhow::Result<Settings> {
        let dir = config_dir();
        let mut builder = config::Config::builder()
            .add_source(config::File::from(dir.join("base.toml")))
            .add_source(
                config::File::from(dir.join(format!("{}.toml", env.as_str()))).required(false),
            )
            .add_source(
                config::Environment::with_prefix("APP")
                    .prefix_separator("__")
                    .separator("__"),
            );
        if let Ok(url) = std::env::var("DATABASE_URL") {
            builder = builder.set_override("database.url", url)?;
        }
        let mut settings: Settings = builder
            .build()
            .with_context(|| format!("could not read the configuration in {}", dir.display()))?
            .try_deserialize()
            .context("the configuration is incomplete or has a wrong value")?;
        settings.environment = env;
        Ok(settings)
    }

    /// The static directory: as configured when it exists, else the one in the source tree (so
    /// `cargo run` from another directory and the test harness find it).
    pub fn static_dir(&self) -> PathBuf {
        let configured = &self.server.static_dir;
        if configured.is_dir() {
            return configured.clone();
        }
        Path::new(env!("CARGO_MANIFEST_DIR")).join("static")
    }

    pub fn address(&self) -> String {
        format!("{}:{}", self.server.host, self.server.port)
    }

    /// The session key: from configuration, or in local and test mode generated once and kept in
    /// `<data_dir>/session.key` so sign-ins survive a restart. Production refuses to start without one.
    pub fn session_key(&self) -> anyhow::Result<Vec<u8>> {
        if let Some(key) = &self.session.key {
            let bytes = key.expose_secret().as_bytes().to_vec();
            if bytes.len() < 64 {
                bail!(
                    "session.key must be at least 64 bytes long (it is {}); generate one with `openssl rand -base64 64`",
                    bytes.len()
                );
            }
            return Ok(bytes);
        }
        if self.environment == Environment::Production {
            bail!(
                "no session key configured: set APP__SESSION__KEY to at least 64 random bytes \
                 (e.g. `openssl rand -base64 64`) before starting in production"
            );
        }
        load_or_create_key(&self.session.data_dir.join("session.key"))
    }
}

fn load_or_create_key(path: &Path) -> anyhow::Result<Vec<u8>> {
    if let Ok(text) = std::fs::read_to_string(path) {
        let bytes = hex::decode(text.trim())
            .with_context(|| format!("{} is not a hex key", path.display()))?;
        if bytes.len() >= 64 {
            return Ok(bytes);
        }
    }
    let mut key = vec![0u8; 64];
    rand::fill(&mut key[..]);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("could not create {}", dir.display()))?;
    }
    write_private(path, &hex::encode(&key))
        .with_context(|| format!("could not write {}", path.display()))?;
    tracing::info!(path = %path.display(), "generated a new session key");
    Ok(key)
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(text.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environments_parse() {
        assert_eq!(
            Environment::parse("Production").unwrap(),
            Environment::Production
        );
        assert!(
            Environment::parse("staging")
                .unwrap_err()
                .to_string()
                .contains("local")
        );
    }

    #[test]
    fn local_key_is_generated_once_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k/session.key");
        let a = load_or_create_key(&path).unwrap();
        let b = load_or_create_key(&path).unwrap();
        assert_eq!(a.len(), 64);
        assert_eq!(a, b);
    }

    #[test]
    fn production_without_a_key_refuses_to_start() {
        let mut s = Settings::load_for(Environment::Local).unwrap();
        s.environment = Environment::Production;
        s.session.key = None;
        let err = s.session_key().unwrap_err().to_string();
        assert!(err.contains("APP__SESSION__KEY"), "{err}");
        s.session.key = Some(SecretString::from("short"));
        assert!(
            s.session_key()
                .unwrap_err()
                .to_string()
                .contains("at least 64 bytes")
        );
    }
}
