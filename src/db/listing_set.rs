//! Every product an audience may see, held in memory as `domain::listing::Row`s so category and
//! search pages filter, count and sort without a query (kept fresh by `cache::ReadCache`).

use super::catalog::ListingRecord;
use crate::domain::listing::Row;
use crate::domain::money::{Currency, Money};
use crate::domain::pricing::{self, PriceInput, Segment, TaxRate};
use std::collections::HashMap;

/// Every product an audience may see, as list rows priced for that audience, in the default
/// category order (featured first, then by name), with lookups by id and by category.
pub struct ListingSet {
    pub rows: Vec<Row>,
    by_id: HashMap<i64, usize>,
    by_category: HashMap<i64, Vec<usize>>,
}

impl ListingSet {
    pub(super) fn build(
        records: Vec<ListingRecord>,
        ratings: Vec<(i64, i64, i64)>,
        segment: Segment,
    ) -> Self {
        let ratings: HashMap<i64, (i64, i64)> = ratings
            .into_iter()
            .map(|(id, n, sum)| (id, (n, sum)))
            .collect();
        let rows: Vec<Row> = records
            .into_iter()
            .map(|r| {
                let currency = Currency::parse(&r.currency).unwrap_or(Currency::Sek);
                let price = pricing::price(&PriceInput {
                    list_price: Money::from_minor(r.list_price.0, currency),
                    tax_rate: TaxRate::from_bp(r.tax_rate_bp).unwrap_or(TaxRate::STANDARD),
                    quantity: 1,
                    segment,
                    agreement: None,
                });
                let (rating_count, stars) = ratings.get(&r.id).copied().unwrap_or((0, 0));
                Row {
                    id: r.id,
                    category_id: r.category_id,
                    brand_id: r.brand_id,
                    price_minor: price.shown_unit().to_minor().unwrap_or(i64::MAX),
                    available: i64::from(r.on_hand.unwrap_or(0))
                        - i64::from(r.reserved.unwrap_or(0)),
                    rating_centi: (rating_count > 0)
                        .then(|| (stars * 100 + rating_count / 2) / rating_count),
                    rating_count,
                    created: r.created_at.and_utc().timestamp(),
                    featured: r.featured,
                }
            })
            .collect();
        let by_id = rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        let mut by_category: HashMap<i64, Vec<usize>> = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            by_category.entry(r.category_id).or_default().push(i);
        }
        ListingSet {
            rows,
            by_id,
            by_category,
        }
    }

    /// The products of these categories, in the default order.
    pub fn in_categories(&self, ids: &[i64]) -> Vec<&Row> {
        let mut at: Vec<usize> = ids
            .iter()
            .filter_map(|id| self.by_category.get(id))
            .flatten()
            .copied()
            .collect();
        at.sort_unstable();
        at.into_iter().map(|i| &self.rows[i]).collect()
    }

    /// The rows of `ids` in the order given, leaving out products this audience cannot see.
    pub fn ranked(&self, ids: &[i64]) -> Vec<&Row> {
        ids.iter()
            .filter_map(|id| self.by_id.get(id).map(|i| &self.rows[*i]))
            .collect()
    }

    pub fn get(&self, id: i64) -> Option<&Row> {
        self.by_id.get(&id).map(|i| &self.rows[*i])
    }
}
