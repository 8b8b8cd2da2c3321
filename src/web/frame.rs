//! What every page's frame shows that staff may change — the shop's name and the storefront
//! menu's top-level categories — held in memory so a page never waits for it. It is loaded at
//! start-up, reloaded by the admin handlers that change it, and every 30 seconds so other
//! processes of the same shop follow too.

use crate::db::{self, DbError, Pool};
use crate::startup::AppState;
use std::sync::{Arc, RwLock};

#[derive(Debug, Clone)]
pub struct Frame {
    pub name: String,
    pub menu: Vec<MenuItem>,
}

#[derive(Debug, Clone)]
pub struct MenuItem {
    pub slug: String,
    pub name: String,
}

impl Frame {
    /// The frame before anything is loaded: the configured name, no categories.
    pub fn named(name: &str) -> Frame {
        Frame {
            name: name.to_string(),
            menu: Vec::new(),
        }
    }
}

/// The current frame, shared by every request.
#[derive(Debug)]
pub struct SharedFrame(RwLock<Arc<Frame>>);

impl SharedFrame {
    pub fn new(frame: Frame) -> SharedFrame {
        SharedFrame(RwLock::new(Arc::new(frame)))
    }

    pub fn get(&self) -> Arc<Frame> {
        match self.0.read() {
            Ok(f) => f.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn replace(&self, frame: Frame) {
        match self.0.write() {
            Ok(mut f) => *f = Arc::new(frame),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(frame),
        }
    }
}

/// Reads the frame; `default_name` until staff have named the shop.
pub async fn load(pool: &Pool, default_name: &str) -> Result<Frame, DbError> {
    let default_name = default_name.to_string();
    let (name, menu) = db::run(pool, move |c| db::settings::frame(c, &default_name)).await?;
    Ok(Frame {
        name,
        menu: menu
            .into_iter()
            .map(|(slug, name)| MenuItem { slug, name })
            .collect(),
    })
}

/// Reloads the frame after staff changed it.
pub async fn refresh(state: &AppState) -> Result<(), DbError> {
    let frame = load(&state.pool, &state.settings.shop.name).await?;
    state.frame.replace(frame);
    Ok(())
}

/// Reloads the frame every 30 seconds, for changes made by another process.
pub fn keep_fresh(state: actix_web::web::Data<AppState>) {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(30)).await;
            if let Err(e) = refresh(&state).await {
                tracing::warn!(error = %e, "could not reload the shop's name and menu");
            }
        }
    });
}
