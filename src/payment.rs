//! Card payments behind [`PaymentProvider`]: the shop sends the buyer to the provider's page and
//! gets back a signed result; it never sees or stores a card number. The built-in
//! [`TestProvider`] behaves like a hosted payment page (its page lives in the app under
//! `/pay/test/…`, see `web::payment`), with test cards that approve or decline. Results come back
//! signed with HMAC-SHA256 over the order token, the result and the provider's reference, and
//! are only believed when the signature checks.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Card numbers the test page accepts (spaces ignored).
pub const TEST_CARD_APPROVED: &str = "4242424242424242";
pub const TEST_CARD_DECLINED: &str = "4000000000000002";

/// What the provider says happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentResult {
    pub order_token: String,
    pub approved: bool,
    pub reference: String,
}

pub trait PaymentProvider: Send + Sync {
    /// Where to send the buyer to pay for the order with this public token.
    fn start_url(&self, order_token: &str) -> String;
    /// The signature the provider puts on a result.
    fn sign(&self, result: &PaymentResult) -> String;
    /// The result, when `signature` is the provider's.
    fn verify(&self, result: PaymentResult, signature: &str) -> Option<PaymentResult>;
    /// Refunds `amount_minor` of the payment `payment_reference`. The same `idempotency_key`
    /// refunds once however often it is sent (a retry after a timeout, two staff clicks), as real
    /// providers' refund APIs do. Returns the provider's refund reference.
    fn refund(
        &self,
        payment_reference: &str,
        amount_minor: i64,
        idempotency_key: &str,
    ) -> Result<String, String>;
}

/// The in-app hosted test page.
pub struct TestProvider {
    key: Vec<u8>,
}

impl TestProvider {
    /// `secret` is the app's session key; the signing key is derived from it.
    pub fn new(secret: &[u8]) -> TestProvider {
        let mut mac = Hmac::<Sha256>::new_from_slice(secret).unwrap_or_else(|_| {
            Hmac::<Sha256>::new_from_slice(b"duett").unwrap_or_else(|_| unreachable!())
        });
        mac.update(b"duett test payments v1");
        TestProvider {
            key: mac.finalize().into_bytes().to_vec(),
        }
    }

    /// What the test page does with a card number: approve, decline, or not a test card.
    pub fn decide(card_number: &str) -> Option<bool> {
        let digits: String = card_number.chars().filter(|c| !c.is_whitespace()).collect();
        match digits.as_str() {
            TEST_CARD_APPROVED => Some(true),
            TEST_CARD_DECLINED => Some(false),
            _ => None,
        }
    }

    fn mac(&self, result: &PaymentResult) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).unwrap_or_else(|_| unreachable!());
        mac.update(result.order_token.as_bytes());
        mac.update(b"|");
        mac.update(if result.approved {
            b"approved"
        } else {
            b"declined"
        });
        mac.update(b"|");
        mac.update(result.reference.as_bytes());
        mac
    }
}

impl PaymentProvider for TestProvider {
    fn start_url(&self, order_token: &str) -> String {
        format!("/pay/test/{order_token}")
    }

    fn sign(&self, result: &PaymentResult) -> String {
        hex::encode(self.mac(result).finalize().into_bytes())
    }

    fn verify(&self, result: PaymentResult, signature: &str) -> Option<PaymentResult> {
        let bytes = hex::decode(signature).ok()?;
        self.mac(&result).verify_slice(&bytes).ok()?;
        Some(result)
    }

    /// Always succeeds for a positive amount; the reference is derived from the key, so a retry
    /// gets the same one.
    fn refund(
        &self,
        payment_reference: &str,
        amount_minor: i64,
        idempotency_key: &str,
    ) -> Result<String, String> {
        if amount_minor <= 0 {
            return Err("nothing to refund".into());
        }
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).unwrap_or_else(|_| unreachable!());
        mac.update(b"refund|");
        mac.update(payment_reference.as_bytes());
        mac.update(b"|");
        mac.update(idempotency_key.as_bytes());
        let digest = hex::encode(mac.finalize().into_bytes());
        Ok(format!("re_test_{}", &digest[..16]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_providers_signature_is_believed() {
        let p = TestProvider::new(&[7u8; 64]);
        let other = TestProvider::new(&[8u8; 64]);
        let result = PaymentResult {
            order_token: "tok".into(),
            approved: true,
            reference: "ref-1".into(),
        };
        let sig = p.sign(&result);
        assert_eq!(p.verify(result.clone(), &sig), Some(result.clone()));
        assert_eq!(p.verify(result.clone(), &other.sign(&result)), None);
        let declined = PaymentResult {
            approved: false,
            ..result.clone()
        };
        assert_eq!(p.verify(declined, &sig), None, "the result is signed");
        let elsewhere = PaymentResult {
            order_token: "tok2".into(),
            ..result.clone()
        };
        assert_eq!(p.verify(elsewhere, &sig), None, "the order is signed");
        assert_eq!(p.verify(result.clone(), "zz"), None);
        assert_eq!(p.verify(result, ""), None);
    }

    #[test]
    fn refunds_are_idempotent_by_key() {
        let p = TestProvider::new(&[7u8; 64]);
        let first = p.refund("pay-1", 1_000, "R1").unwrap();
        assert_eq!(p.refund("pay-1", 1_000, "R1").unwrap(), first);
        assert_ne!(p.refund("pay-1", 1_000, "R2").unwrap(), first);
        assert!(first.starts_with("re_test_"));
        assert!(p.refund("pay-1", 0, "R3").is_err());
    }

    #[test]
    fn test_cards() {
        let cases = [
            ("4242 4242 4242 4242", Some(true)),
            ("4242424242424242", Some(true)),
            ("4000 0000 0000 0002", Some(false)),
            ("4111 1111 1111 1111", None),
            ("", None),
        ];
        for (card, expected) in cases {
            assert_eq!(TestProvider::decide(card), expected, "{card}");
        }
    }
}
