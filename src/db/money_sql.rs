//! Money at the database edge: `BIGINT` minor units, read and written through [`MinorUnits`] and
//! turned into a domain [`Money`] with its currency.

use crate::domain::money::{Currency, Money};
use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::BigInt;

/// An amount in minor units (öre, cent) as stored in a `*_minor` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, AsExpression, FromSqlRow)]
#[diesel(sql_type = BigInt)]
pub struct MinorUnits(pub i64);

impl MinorUnits {
    /// The stored amount in `currency` (an unknown currency code falls back to SEK, the shop's own).
    pub fn money(self, currency: &str) -> Money {
        Money::from_minor(self.0, Currency::parse(currency).unwrap_or(Currency::Sek))
    }
}

impl<DB> FromSql<BigInt, DB> for MinorUnits
where
    DB: Backend,
    i64: FromSql<BigInt, DB>,
{
    fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
        i64::from_sql(bytes).map(MinorUnits)
    }
}

impl<DB> ToSql<BigInt, DB> for MinorUnits
where
    DB: Backend,
    i64: ToSql<BigInt, DB>,
{
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, DB>) -> serialize::Result {
        self.0.to_sql(out)
    }
}
