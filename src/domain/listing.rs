//! Filtering, facet counts, sorting and paging of a product list (a category or search results),
//! done in memory over [`Row`]s the caller loaded (or took from the read cache). Facet counts are
//! disjunctive: each facet counts what the *other* active filters let through, so choosing a
//! brand never hides the other brands' counts.

use std::collections::{BTreeMap, BTreeSet};

/// What the list needs to know about one product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub id: i64,
    pub category_id: i64,
    pub brand_id: Option<i64>,
    /// The unit price this audience is shown, in minor units (VAT included for consumers).
    pub price_minor: i64,
    pub available: i64,
    /// Average rating × 100 of approved reviews, if any.
    pub rating_centi: Option<i64>,
    pub rating_count: i64,
    /// Creation time (Unix seconds), for "newest".
    pub created: i64,
    pub featured: bool,
}

/// Sort orders offered; anything else in a URL means the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sort {
    /// Search rank for searches; featured first, then by name, for categories.
    #[default]
    Relevance,
    PriceAsc,
    PriceDesc,
    Newest,
    Rating,
}

impl Sort {
    pub const ALL: [Sort; 5] = [
        Sort::Relevance,
        Sort::PriceAsc,
        Sort::PriceDesc,
        Sort::Newest,
        Sort::Rating,
    ];

    pub fn parse(code: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::PriceAsc => "price-asc",
            Sort::PriceDesc => "price-desc",
            Sort::Newest => "newest",
            Sort::Rating => "rating",
        }
    }
}

/// Minimum star ratings offered as a filter.
pub const RATING_STEPS: [u8; 4] = [4, 3, 2, 1];

/// The filters a shopper chose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this category (one of the list's own).
    pub category: Option<i64>,
    /// Any of these brands (none chosen: all).
    pub brands: BTreeSet<i64>,
    /// Shown price bounds in minor units, inclusive.
    pub price_min: Option<i64>,
    pub price_max: Option<i64>,
    pub in_stock: bool,
    /// At least this many stars (1–5).
    pub min_rating: Option<u8>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// One page of the list and the counts to draw the facets with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Products in the list before any filter.
    pub considered: usize,
    /// Products that pass every filter.
    pub total: usize,
    /// The page shown (clamped to the pages there are) and how many pages there are.
    pub page: usize,
    pub pages: usize,
    pub page_ids: Vec<i64>,
    /// (category id, count), by category id.
    pub categories: Vec<(i64, usize)>,
    /// (brand id, count), by brand id.
    pub brands: Vec<(i64, usize)>,
    /// How many pass the other filters and are in stock.
    pub in_stock: usize,
    /// For each of [`RATING_STEPS`]: how many have at least that many stars.
    pub ratings: [usize; 4],
    /// Lowest and highest price among the products the other filters let through.
    pub price_range: Option<(i64, i64)>,
}

struct Passes {
    category: bool,
    brand: bool,
    price: bool,
    stock: bool,
    rating: bool,
}

impl Passes {
    fn all(&self) -> bool {
        self.category && self.brand && self.price && self.stock && self.rating
    }
}

fn check(row: &Row, f: &Filter) -> Passes {
    let (lo, hi) = match (f.price_min, f.price_max) {
        (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
        bounds => bounds,
    };
    Passes {
        category: f.category.is_none_or(|c| c == row.category_id),
        brand: f.brands.is_empty() || row.brand_id.is_some_and(|b| f.brands.contains(&b)),
        price: lo.is_none_or(|lo| row.price_minor >= lo)
            && hi.is_none_or(|hi| row.price_minor <= hi),
        stock: !f.in_stock || row.available > 0,
        rating: f
            .min_rating
            .is_none_or(|min| row.rating_centi.is_some_and(|r| r >= i64::from(min) * 100)),
    }
}

/// Filters, counts, sorts and pages `rows`, which come in relevance order.
pub fn apply<'a>(
    rows: impl IntoIterator<Item = &'a Row>,
    filter: &Filter,
    sort: Sort,
    page: usize,
    per_page: usize,
) -> Outcome {
    let per_page = per_page.max(1);
    let mut hits: Vec<&Row> = Vec::new();
    let mut categories: BTreeMap<i64, usize> = BTreeMap::new();
    let mut brands: BTreeMap<i64, usize> = BTreeMap::new();
    let mut in_stock = 0;
    let mut ratings = [0usize; 4];
    let mut price_range: Option<(i64, i64)> = None;
    let mut considered = 0;
    for row in rows {
        considered += 1;
        let p = check(row, filter);
        if p.brand && p.price && p.stock && p.rating {
            *categories.entry(row.category_id).or_default() += 1;
        }
        if p.category
            && p.price
            && p.stock
            && p.rating
            && let Some(b) = row.brand_id
        {
            *brands.entry(b).or_default() += 1;
        }
        if p.category && p.brand && p.price && p.rating && row.available > 0 {
            in_stock += 1;
        }
        if p.category && p.brand && p.price && p.stock {
            for (i, min) in RATING_STEPS.iter().enumerate() {
                if row.rating_centi.is_some_and(|r| r >= i64::from(*min) * 100) {
                    ratings[i] += 1;
                }
            }
        }
        if p.category && p.brand && p.stock && p.rating {
            price_range = Some(match price_range {
                None => (row.price_minor, row.price_minor),
                Some((lo, hi)) => (lo.min(row.price_minor), hi.max(row.price_minor)),
            });
        }
        if p.all() {
            hits.push(row);
        }
    }
    match sort {
        Sort::Relevance => {}
        Sort::PriceAsc => hits.sort_by_key(|r| (r.price_minor, r.id)),
        Sort::PriceDesc => hits.sort_by_key(|r| (std::cmp::Reverse(r.price_minor), r.id)),
        Sort::Newest => {
            hits.sort_by_key(|r| (std::cmp::Reverse(r.created), std::cmp::Reverse(r.id)))
        }
        Sort::Rating => hits.sort_by_key(|r| {
            (
                std::cmp::Reverse(r.rating_centi.unwrap_or(-1)),
                std::cmp::Reverse(r.rating_count),
                r.id,
            )
        }),
    }
    let total = hits.len();
    let pages = total.div_ceil(per_page).max(1);
    let page = page.clamp(1, pages);
    let page_ids = hits
        .iter()
        .skip((page - 1) * per_page)
        .take(per_page)
        .map(|r| r.id)
        .collect();
    Outcome {
        considered,
        total,
        page,
        pages,
        page_ids,
        categories: categories.into_iter().collect(),
        brands: brands.into_iter().collect(),
        in_stock,
        ratings,
        price_range,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (id, category, brand, price, available, rating×100, created)
    fn rows() -> Vec<Row> {
        [
            (1, 10, Some(100), 500, 3, Some(450), 5),
            (2, 10, Some(200), 1500, 0, Some(300), 4),
            (3, 11, Some(100), 900, 1, None, 3),
            (4, 11, None, 2500, 7, Some(500), 2),
            (5, 10, Some(200), 100, 2, Some(200), 1),
        ]
        .into_iter()
        .map(
            |(id, category_id, brand_id, price_minor, available, rating_centi, created)| Row {
                id,
                category_id,
                brand_id,
                price_minor,
                available,
                rating_centi,
                rating_count: i64::from(rating_centi.is_some()),
                created,
                featured: false,
            },
        )
        .collect()
    }

    fn filter(edit: impl FnOnce(&mut Filter)) -> Filter {
        let mut f = Filter::default();
        edit(&mut f);
        f
    }

    #[test]
    fn filters_and_sorts() {
        // (filter, sort, expected ids in order)
        let cases: Vec<(Filter, Sort, Vec<i64>)> = vec![
            (Filter::default(), Sort::Relevance, vec![1, 2, 3, 4, 5]),
            (Filter::default(), Sort::PriceAsc, vec![5, 1, 3, 2, 4]),
            (Filter::default(), Sort::PriceDesc, vec![4, 2, 3, 1, 5]),
            (Filter::default(), Sort::Newest, vec![1, 2, 3, 4, 5]),
            (Filter::default(), Sort::Rating, vec![4, 1, 2, 5, 3]),
            (
                filter(|f| f.category = Some(11)),
                Sort::Relevance,
                vec![3, 4],
            ),
            (
                filter(|f| {
                    f.brands.insert(200);
                }),
                Sort::PriceAsc,
                vec![5, 2],
            ),
            (
                filter(|f| {
                    f.brands.insert(200);
                    f.brands.insert(100);
                }),
                Sort::Relevance,
                vec![1, 2, 3, 5],
            ),
            (
                filter(|f| f.in_stock = true),
                Sort::Relevance,
                vec![1, 3, 4, 5],
            ),
            (
                filter(|f| f.min_rating = Some(3)),
                Sort::Relevance,
                vec![1, 2, 4],
            ),
            (
                filter(|f| {
                    f.price_min = Some(500);
                    f.price_max = Some(1500);
                }),
                Sort::Relevance,
                vec![1, 2, 3],
            ),
            // Bounds the wrong way round are read the right way round.
            (
                filter(|f| {
                    f.price_min = Some(1500);
                    f.price_max = Some(500);
                }),
                Sort::Relevance,
                vec![1, 2, 3],
            ),
            (
                filter(|f| {
                    f.in_stock = true;
                    f.category = Some(10);
                    f.price_max = Some(600);
                }),
                Sort::PriceDesc,
                vec![1, 5],
            ),
            (filter(|f| f.category = Some(999)), Sort::Relevance, vec![]),
        ];
        for (f, sort, expected) in cases {
            let out = apply(&rows(), &f, sort, 1, 10);
            assert_eq!(out.page_ids, expected, "{f:?} {sort:?}");
            assert_eq!(out.total, expected.len());
        }
    }

    #[test]
    fn facet_counts_ignore_their_own_filter() {
        let f = filter(|f| {
            f.brands.insert(200);
            f.in_stock = true;
        });
        let out = apply(&rows(), &f, Sort::Relevance, 1, 10);
        assert_eq!(out.page_ids, vec![5]);
        // Brands: counted with the stock filter only → brand 100 has 1 and 3, brand 200 has 5.
        assert_eq!(out.brands, vec![(100, 2), (200, 1)]);
        // In stock: counted with the brand filter only → 5 (2 is out of stock).
        assert_eq!(out.in_stock, 1);
        // Categories: both filters → only 5 in category 10.
        assert_eq!(out.categories, vec![(10, 1)]);
        // Ratings over brand 200 in stock: product 5 has 2.00.
        assert_eq!(out.ratings, [0, 0, 1, 1]);
        assert_eq!(out.price_range, Some((100, 100)));
    }

    #[test]
    fn pages_are_clamped() {
        // (page asked, per page, page shown, pages, ids)
        let cases = [
            (1, 2, 1, 3, vec![1, 2]),
            (2, 2, 2, 3, vec![3, 4]),
            (3, 2, 3, 3, vec![5]),
            (9, 2, 3, 3, vec![5]),
            (0, 2, 1, 3, vec![1, 2]),
            (1, 0, 1, 5, vec![1]),
        ];
        for (asked, per, shown, pages, ids) in cases {
            let out = apply(&rows(), &Filter::default(), Sort::Relevance, asked, per);
            assert_eq!(
                (out.page, out.pages, out.page_ids),
                (shown, pages, ids),
                "{asked}/{per}"
            );
        }
        let empty = apply(&[], &Filter::default(), Sort::Relevance, 4, 24);
        assert_eq!((empty.total, empty.page, empty.pages), (0, 1, 1));
        assert_eq!(empty.price_range, None);
    }

    #[test]
    fn sort_codes_round_trip_and_unknown_ones_are_refused() {
        for s in Sort::ALL {
            assert_eq!(Sort::parse(s.code()), Some(s));
        }
        for bad in ["", "price", "PRICE-ASC", "name; drop", "relevance "] {
            assert_eq!(Sort::parse(bad), None, "{bad}");
        }
    }
}
