//! Argon2id password hashing (OWASP minimum: m = 19 MiB, t = 2, p = 1), run off the async workers
//! and bounded so a burst of sign-ins cannot take all memory and threads.

use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use std::sync::{Arc, LazyLock};
use tokio::sync::Semaphore;

/// At most this many hashes run at once (each takes ~19 MiB).
static HASHING: LazyLock<Arc<Semaphore>> = LazyLock::new(|| Arc::new(Semaphore::new(4)));

/// A hash of a throw-away password, verified against when the e-mail is unknown so that sign-in
/// takes the same time either way.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_blocking("duett-dummy-password-for-timing").unwrap_or_default());

/// Hashes a password (blocking; use [`hash`] from async code).
pub fn hash_blocking(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("could not hash a password: {e}"))
}

/// True when `password` matches the PHC string `hash` (blocking).
pub fn verify_blocking(password: &str, hash: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Hashes on the blocking pool.
pub async fn hash(password: String) -> anyhow::Result<String> {
    let _permit = HASHING.acquire().await?;
    actix_web::web::block(move || hash_blocking(&password)).await?
}

/// Verifies on the blocking pool; with `None` (unknown user) it still spends the same effort.
pub async fn verify(password: String, hash: Option<String>) -> anyhow::Result<bool> {
    let _permit = HASHING.acquire().await?;
    let ok = actix_web::web::block(move || match hash {
        Some(h) => verify_blocking(&password, &h),
        None => {
            verify_blocking(&password, &DUMMY_HASH);
            false
        }
    })
    .await?;
    Ok(ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_are_argon2id() {
        let h = hash_blocking("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify_blocking("correct horse battery", &h));
        assert!(!verify_blocking("wrong", &h));
        assert!(!verify_blocking("x", "not a hash"));
    }
}
