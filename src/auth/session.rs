//! What the session cookie holds, and the helpers that read and change it.
//!
//! The cookie is encrypted and signed (actix-session's cookie store, ≤ 4 KB), so it holds only ids
//! and timestamps; carts and everything else live in the database.

use actix_session::Session;
use chrono::Utc;

const USER_ID: &str = "uid";
const COMPANY_ID: &str = "cid";
const SIGNED_IN_AT: &str = "auth_at";
const SEEN_AT: &str = "seen_at";
/// The sign-in time in milliseconds, compared with the user's last credentials change.
const SIGNED_IN_MS: &str = "auth_ms";
pub(crate) const CSRF: &str = "csrf";
const FLASH: &str = "flash";
/// A guest's cart token (signed-in people's carts are found by user).
const CART: &str = "cart";
/// Items in the cart, for the header (kept here so pages need no query for it).
const CART_ITEMS: &str = "cart_n";
/// The token of this browser's live chat conversation.
const CHAT: &str = "chat";
/// A sales representative acting for a company user: (user id, company id).
const ACTING_FOR: &str = "act_for";

/// The signed-in user and active company as stored in the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SessionIds {
    pub user_id: i64,
    pub company_id: Option<i64>,
    /// When the session was signed in (Unix milliseconds): sessions older than a credentials
    /// change end.
    pub signed_in_ms: i64,
    /// The signed-in staff member acts for this company user (user id, company id).
    pub acting_for: Option<(i64, i64)>,
}

/// Reads the ids, enforcing the idle and absolute timeouts. An expired session is purged.
pub fn current(session: &Session, idle_minutes: i64, absolute_hours: i64) -> Option<SessionIds> {
    let user_id = session.get::<i64>(USER_ID).ok().flatten()?;
    let now = Utc::now().timestamp();
    let signed_in = session.get::<i64>(SIGNED_IN_AT).ok().flatten().unwrap_or(0);
    let seen = session.get::<i64>(SEEN_AT).ok().flatten().unwrap_or(0);
    if now - signed_in > absolute_hours * 3600 || now - seen > idle_minutes * 60 {
        session.purge();
        return None;
    }
    // Refresh the idle clock at most once a minute so most responses do not rewrite the cookie.
    if now - seen > 60 {
        let _ = session.insert(SEEN_AT, now);
    }
    let company_id = session.get::<i64>(COMPANY_ID).ok().flatten();
    Some(SessionIds {
        user_id,
        company_id,
        signed_in_ms: session.get::<i64>(SIGNED_IN_MS).ok().flatten().unwrap_or(0),
        acting_for: acting_for(session),
    })
}

/// The signed-in user's id, unchecked (for the audit log; pages use the principal).
pub fn user_id(session: &Session) -> Option<i64> {
    session.get::<i64>(USER_ID).ok().flatten()
}

/// The company user a staff member acts for in this session, if any.
pub fn acting_for(session: &Session) -> Option<(i64, i64)> {
    session.get::<(i64, i64)>(ACTING_FOR).ok().flatten()
}

/// A staff member starts acting for a company user in that company (a privilege change: new
/// session id). Their cart count follows.
pub fn start_acting(
    session: &Session,
    user_id: i64,
    company_id: i64,
    cart_items: i64,
) -> anyhow::Result<()> {
    session.renew();
    session.insert(ACTING_FOR, (user_id, company_id))?;
    set_cart_items(session, cart_items);
    Ok(())
}

/// Back to the staff member's own session.
pub fn stop_acting(session: &Session) {
    session.renew();
    session.remove(ACTING_FOR);
    set_cart_items(session, 0);
}

/// Starts a signed-in session: a new session id (against fixation) and a new CSRF token.
pub fn sign_in(session: &Session, user_id: i64, company_id: Option<i64>) -> anyhow::Result<()> {
    // The guest cart comes along, to be merged into the person's cart.
    let cart = guest_cart(session);
    session.renew();
    session.clear();
    if let Some(token) = cart {
        session.insert(CART, token)?;
    }
    let now = Utc::now().timestamp();
    session.insert(USER_ID, user_id)?;
    if let Some(cid) = company_id {
        session.insert(COMPANY_ID, cid)?;
    }
    session.insert(SIGNED_IN_AT, now)?;
    session.insert(SIGNED_IN_MS, Utc::now().timestamp_millis())?;
    session.insert(SEEN_AT, now)?;
    Ok(())
}

/// After the person proved their password again (e.g. changed it): a new session id, and this
/// session counts as signed in now, so it outlives the change that ends all older sessions.
pub fn reauthenticated(session: &Session) -> anyhow::Result<()> {
    session.renew();
    let now = Utc::now().timestamp();
    session.insert(SIGNED_IN_AT, now)?;
    session.insert(SIGNED_IN_MS, Utc::now().timestamp_millis())?;
    session.insert(SEEN_AT, now)?;
    Ok(())
}

/// Makes `company_id` the active company. The session id changes, as at every privilege change.
pub fn switch_company(session: &Session, company_id: i64) -> anyhow::Result<()> {
    session.renew();
    session.insert(COMPANY_ID, company_id)?;
    Ok(())
}

/// Ends the session entirely (sign-out, or a user who is gone or disabled).
pub fn sign_out(session: &Session) {
    session.purge();
}

/// Leaves a one-time message (a translation key) for the next page, after a redirect.
pub fn flash(session: &Session, key: &str) {
    let _ = session.insert(FLASH, key);
}

/// Leaves a one-time message that counts something ("3 products archived"): the key's plural
/// forms get `count`.
pub fn flash_count(session: &Session, key: &str, count: usize) {
    let _ = session.insert(FLASH, format!("{key}#{count}"));
}

/// The one-time message's words: a key, or a key and a count (`flash_count`).
pub fn flash_text(locale: crate::i18n::Locale, stored: &str) -> String {
    match stored.split_once('#') {
        Some((key, n)) => locale.t_count(key, n.parse().unwrap_or(0)),
        None => locale.t(stored),
    }
}

/// Takes the one-time message, if any.
pub fn take_flash(session: &Session) -> Option<String> {
    // Only remove what is there: actix-session counts any removal as a change, and a changed
    // session re-encrypts and re-sends the cookie with every page.
    let flash = session.get::<String>(FLASH).ok().flatten();
    if flash.is_some() {
        session.remove(FLASH);
    }
    flash
}

/// The guest cart token, if this browser has a cart.
pub fn guest_cart(session: &Session) -> Option<String> {
    session.get::<String>(CART).ok().flatten()
}

pub fn set_guest_cart(session: &Session, token: &str) -> anyhow::Result<()> {
    session.insert(CART, token)?;
    Ok(())
}

pub fn forget_guest_cart(session: &Session) {
    session.remove(CART);
}

/// Items in the cart as last counted.
pub fn cart_items(session: &Session) -> u32 {
    session.get::<u32>(CART_ITEMS).ok().flatten().unwrap_or(0)
}

pub fn set_cart_items(session: &Session, items: i64) {
    let items = u32::try_from(items.max(0)).unwrap_or(u32::MAX);
    // Unchanged counts are left alone (any write re-sends the cookie).
    if cart_items(session) == items {
        return;
    }
    if items == 0 {
        session.remove(CART_ITEMS);
    } else {
        let _ = session.insert(CART_ITEMS, items);
    }
}

/// This browser's live chat conversation token, if it started one.
pub fn chat_token(session: &Session) -> Option<String> {
    session.get::<String>(CHAT).ok().flatten()
}

pub fn set_chat_token(session: &Session, token: &str) -> anyhow::Result<()> {
    session.insert(CHAT, token)?;
    Ok(())
}
