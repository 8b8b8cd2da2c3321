//! Who a session belongs to, remembered for a few seconds so a signed-in page needs no database
//! hop to learn it.
//!
//! Keyed by everything the session cookie says ([`SessionIds`]: user, chosen company, sign-in
//! time, whom a staff member acts for), so a different cookie never finds another's entry.
//! Anything that can change a person's account, company or membership is a form post; after each
//! one (except the shopper's own cart, checkout, chat and review posts, which change none of
//! those) every entry is forgotten at once ([`PrincipalCache::forget_all`]), so this process
//! never shows a disabled account, a changed role or a new name again. Another process (a second
//! server, a command-line job) is only caught up by the time limit.

use super::principal::Principal;
use super::session::SessionIds;
use crate::startup::AppState;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::web;
use moka::sync::Cache;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// How long another process's change may go unseen here.
const KEEP_FOR: Duration = Duration::from_secs(5);

pub struct PrincipalCache {
    entries: Cache<SessionIds, (u64, Principal)>,
    /// Bumped by every forgetting; an entry loaded under an older generation is not used.
    generation: AtomicU64,
}

impl Default for PrincipalCache {
    fn default() -> PrincipalCache {
        PrincipalCache {
            entries: Cache::builder()
                .max_capacity(100_000)
                .time_to_live(KEEP_FOR)
                .build(),
            generation: AtomicU64::new(0),
        }
    }
}

impl PrincipalCache {
    /// The remembered principal of these ids, if it was loaded since the last change.
    pub fn get(&self, ids: &SessionIds) -> Option<Principal> {
        let (generation, principal) = self.entries.get(ids)?;
        (generation == self.generation()).then_some(principal)
    }

    /// The generation to hand to [`keep`](Self::keep): read it before loading.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Remembers `principal`, loaded under `generation`; a change since then makes it unused.
    pub fn keep(&self, ids: SessionIds, generation: u64, principal: Principal) {
        if generation == self.generation() {
            self.entries.insert(ids, (generation, principal));
        }
    }

    /// Forgets every entry (after anything that may have changed an account).
    pub fn forget_all(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.entries.invalidate_all();
    }
}

/// Middleware: after a request that may have changed an account, a company or a membership,
/// every remembered principal is forgotten (once the handler has committed its change).
pub async fn forget_after_changes(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let changes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        && !leaves_accounts(req.path());
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let response = next.call(req).await;
    if changes && let Some(state) = state {
        state.principals.forget_all();
    }
    response
}

/// True when a form post to `path` cannot change anyone's account, company or membership:
/// a shopper's cart, checkout, payment, chat, product reviews and "helpful" votes, and payment
/// webhooks.
pub fn leaves_accounts(path: &str) -> bool {
    const SHOPPING: [&str; 7] = [
        "/cart",
        "/checkout",
        "/payment",
        "/chat",
        "/products/",
        "/reviews/",
        "/webhooks/",
    ];
    SHOPPING.iter().any(|prefix| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| prefix.ends_with('/') || rest.is_empty() || rest.starts_with('/'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::principal::UserInfo;

    fn ids(user_id: i64) -> SessionIds {
        SessionIds {
            user_id,
            company_id: None,
            signed_in_ms: 1,
            acting_for: None,
        }
    }

    fn consumer(name: &str) -> Principal {
        Principal::Consumer(UserInfo {
            id: 1,
            name: name.into(),
            email: "a@example.com".into(),
            locale: None,
        })
    }

    #[test]
    fn remembers_per_session_and_forgets_after_a_change() {
        let cache = PrincipalCache::default();
        let g = cache.generation();
        cache.keep(ids(1), g, consumer("Ada"));
        assert_eq!(cache.get(&ids(1)), Some(consumer("Ada")));
        assert_eq!(cache.get(&ids(2)), None);
        let other_sign_in = SessionIds {
            signed_in_ms: 2,
            ..ids(1)
        };
        assert_eq!(cache.get(&other_sign_in), None);
        cache.forget_all();
        assert_eq!(cache.get(&ids(1)), None);
    }

    #[test]
    fn a_load_that_overlapped_a_change_is_not_kept() {
        let cache = PrincipalCache::default();
        let before = cache.generation();
        cache.forget_all();
        cache.keep(ids(1), before, consumer("Old name"));
        assert_eq!(cache.get(&ids(1)), None);
    }

    #[test]
    fn only_shopping_posts_leave_accounts_alone() {
        for (path, leaves) in [
            ("/cart", true),
            ("/cart/items", true),
            ("/checkout", true),
            ("/payment/abc/confirm", true),
            ("/chat/start", true),
            ("/products/oak-desk/review", true),
            ("/reviews/7/helpful", true),
            ("/cartography", false),
            ("/account", false),
            ("/account/email", false),
            ("/login", false),
            ("/logout", false),
            ("/lang", false),
            ("/company/users", false),
            ("/admin/customers/3/disable", false),
            ("/admin/products/3", false),
            ("/", false),
        ] {
            assert_eq!(leaves_accounts(path), leaves, "{path}");
        }
    }
}
