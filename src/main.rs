//! The `duett` binary: `duett` (serve), `duett seed --products N`, `duett migrate`.

use duett::config::Settings;
use duett::db::{self, seed};
use duett::startup::{Application, prepare_database};
use duett::telemetry;

/// mimalloc: measurably faster than the system allocator for many small per-request allocations
/// (see docs/PERFORMANCE.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: duett [serve | migrate | seed [--products N]]";

#[actix_web::main]
async fn main() -> std::process::ExitCode {
    telemetry::init("info");
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e:#}");
            eprintln!("duett: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut settings = Settings::load()?;
    match args.first().map(String::as_str) {
        None | Some("serve") => {
            let app = Application::build(settings).await?;
            app.run_until_stopped().await?;
            tracing::info!("stopped");
            Ok(())
        }
        Some("migrate") => {
            settings.database.seed_demo = false;
            prepare_database(&settings)?;
            Ok(())
        }
        Some("seed") => {
            let products = match (args.get(1).map(String::as_str), args.get(2)) {
                (None, _) => seed::DEMO_PRODUCTS,
                (Some("--products"), Some(n)) => n
                    .parse()
                    .map_err(|_| anyhow::anyhow!("--products needs a whole number, got {n:?}"))?,
                _ => anyhow::bail!(USAGE),
            };
            settings.database.seed_demo = false;
            let pool = prepare_database(&settings)?;
            let mut conn = pool.get()?;
            if db::catalog::count_products(&mut conn)? > 0 {
                anyhow::bail!(
                    "the database already has products; seed a fresh database (set DATABASE_URL)"
                );
            }
            drop(conn);
            seed::demo_if_empty(&pool, products)?;
            Ok(())
        }
        Some(_) => anyhow::bail!(USAGE),
    }
}
