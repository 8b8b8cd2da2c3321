//! The query string of a product list (category page or search) and the facet panel drawn from
//! it: parsing with every bad value ignored (or, for typed prices, explained), canonical URLs that
//! keep the other choices, and the view the `shared/facets.html` partial renders.

use crate::db::catalog::{Brand, Category};
use crate::domain::listing::{Filter, Outcome, RATING_STEPS, Sort};
use crate::domain::money::{Currency, Money, parse_amount_minor};
use crate::i18n::Locale;
use crate::web::url_encode;

/// Highest page number a URL may ask for.
const MAX_PAGE: usize = 10_000;

/// What the shopper chose, as parsed from the query string.
#[derive(Debug, Clone, Default)]
pub struct ListingParams {
    pub q: String,
    pub filter: Filter,
    pub sort: Sort,
    pub page: usize,
    /// Chosen category and brands by slug (for URLs).
    category_slug: Option<String>,
    brand_slugs: Vec<String>,
    /// Price bounds as typed, and why they were not used.
    pub min_text: String,
    pub max_text: String,
    pub price_error: bool,
}

impl ListingParams {
    /// Reads `q`, `cat`, `brand` (repeatable), `min`, `max`, `stock`, `rating`, `sort` and `page`.
    /// `categories` are the ones this list may be narrowed to.
    pub fn parse(
        pairs: &[(String, String)],
        categories: &[&Category],
        brands: &[Brand],
    ) -> ListingParams {
        let mut p = ListingParams {
            page: 1,
            ..ListingParams::default()
        };
        for (key, value) in pairs {
            let value = value.trim();
            match key.as_str() {
                "q" => p.q = value.chars().take(200).collect(),
                "cat" => {
                    if let Some(c) = categories.iter().find(|c| c.slug == value) {
                        p.filter.category = Some(c.id);
                        p.category_slug = Some(c.slug.clone());
                    }
                }
                "brand" => {
                    if let Some(b) = brands.iter().find(|b| b.slug == value)
                        && p.filter.brands.insert(b.id)
                    {
                        p.brand_slugs.push(b.slug.clone());
                    }
                }
                "min" | "max" if !value.is_empty() => {
                    let text: String = value.chars().take(20).collect();
                    match parse_amount_minor(&text) {
                        Ok(minor) if key == "min" => p.filter.price_min = Some(minor),
                        Ok(minor) => p.filter.price_max = Some(minor),
                        Err(_) => p.price_error = true,
                    }
                    if key == "min" {
                        p.min_text = text;
                    } else {
                        p.max_text = text;
                    }
                }
                "stock" => p.filter.in_stock = value == "1",
                "rating" => {
                    p.filter.min_rating = value
                        .parse::<u8>()
                        .ok()
                        .filter(|r| RATING_STEPS.contains(r))
                }
                "sort" => p.sort = Sort::parse(value).unwrap_or_default(),
                "page" => {
                    p.page = value
                        .parse()
                        .ok()
                        .filter(|n| (1..=MAX_PAGE).contains(n))
                        .unwrap_or(1)
                }
                _ => {}
            }
        }
        p.brand_slugs.sort();
        p
    }

    /// The canonical URL of this list at `base` with a change applied (the page resets to 1
    /// unless the change sets it).
    pub fn url_with(&self, base: &str, change: impl FnOnce(&mut ListingParams)) -> String {
        let mut next = self.clone();
        next.page = 1;
        change(&mut next);
        next.url(base)
    }

    fn url(&self, base: &str) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.q.is_empty() {
            parts.push(format!("q={}", url_encode(&self.q)));
        }
        if let Some(c) = &self.category_slug {
            parts.push(format!("cat={c}"));
        }
        for b in &self.brand_slugs {
            parts.push(format!("brand={b}"));
        }
        if self.filter.price_min.is_some() {
            parts.push(format!("min={}", url_encode(&self.min_text)));
        }
        if self.filter.price_max.is_some() {
            parts.push(format!("max={}", url_encode(&self.max_text)));
        }
        if self.filter.in_stock {
            parts.push("stock=1".into());
        }
        if let Some(r) = self.filter.min_rating {
            parts.push(format!("rating={r}"));
        }
        if self.sort != Sort::Relevance {
            parts.push(format!("sort={}", self.sort.code()));
        }
        if self.page > 1 {
            parts.push(format!("page={}", self.page));
        }
        if parts.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", parts.join("&"))
        }
    }
}

pub struct FacetOption {
    pub value: String,
    pub label: String,
    pub count: usize,
    pub checked: bool,
}

/// A chosen filter, with the link that removes it.
pub struct ActiveFilter {
    pub label: String,
    pub remove_url: String,
}

pub struct SortOption {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

pub struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
}

/// Everything the facet panel, the sort control and the pagination show.
pub struct FacetsView {
    /// The form's target, and the query it keeps (search) as a hidden field.
    pub action: String,
    pub q: String,
    pub sort: &'static str,
    pub categories: Vec<FacetOption>,
    pub category_chosen: bool,
    pub brands: Vec<FacetOption>,
    pub in_stock: FacetOption,
    pub rating_chosen: bool,
    pub ratings: Vec<FacetOption>,
    pub min: String,
    pub max: String,
    pub price_hint: String,
    pub price_error: Option<String>,
    pub active: Vec<ActiveFilter>,
    pub clear_url: Option<String>,
    pub sorts: Vec<SortOption>,
    pub pages: Vec<PageLink>,
    pub prev_url: Option<String>,
    pub next_url: Option<String>,
}

fn money_label(minor: i64, locale: Locale) -> String {
    Money::from_minor(minor, Currency::Sek).format(locale.code())
}

impl FacetsView {
    pub fn new(
        base: &str,
        params: &ListingParams,
        outcome: &Outcome,
        categories: &[&Category],
        brands: &[Brand],
        locale: Locale,
    ) -> FacetsView {
        let category_name = |id: i64| categories.iter().find(|c| c.id == id);
        let facet_categories: Vec<FacetOption> = outcome
            .categories
            .iter()
            .filter_map(|(id, count)| {
                category_name(*id).map(|c| FacetOption {
                    value: c.slug.clone(),
                    label: c.name.clone(),
                    count: *count,
                    checked: params.filter.category == Some(c.id),
                })
            })
            .collect();
        let mut facet_brands: Vec<FacetOption> = outcome
            .brands
            .iter()
            .filter_map(|(id, count)| {
                brands.iter().find(|b| b.id == *id).map(|b| FacetOption {
                    value: b.slug.clone(),
                    label: b.name.clone(),
                    count: *count,
                    checked: params.filter.brands.contains(&b.id),
                })
            })
            .collect();
        facet_brands.sort_by(|a, b| a.label.cmp(&b.label));
        let ratings = RATING_STEPS
            .iter()
            .zip(outcome.ratings)
            .filter(|(stars, count)| *count > 0 || params.filter.min_rating == Some(**stars))
            .map(|(stars, count)| FacetOption {
                value: stars.to_string(),
                label: locale.t_count("facet-rating-at-least", i64::from(*stars)),
                count,
                checked: params.filter.min_rating == Some(*stars),
            })
            .collect();

        let mut active = Vec::new();
        if let Some(c) = params.filter.category.and_then(category_name) {
            active.push(ActiveFilter {
                label: c.name.clone(),
                remove_url: params.url_with(base, |p| {
                    p.filter.category = None;
                    p.category_slug = None;
                }),
            });
        }
        for b in brands
            .iter()
            .filter(|b| params.filter.brands.contains(&b.id))
        {
            active.push(ActiveFilter {
                label: b.name.clone(),
                remove_url: params.url_with(base, |p| {
                    p.filter.brands.remove(&b.id);
                    p.brand_slugs.retain(|s| *s != b.slug);
                }),
            });
        }
        if params.filter.price_min.is_some() || params.filter.price_max.is_some() {
            let label = match (params.filter.price_min, params.filter.price_max) {
                (Some(lo), Some(hi)) => format!(
                    "{} – {}",
                    money_label(lo.min(hi), locale),
                    money_label(lo.max(hi), locale)
                ),
                (Some(lo), None) => format!("≥ {}", money_label(lo, locale)),
                (None, Some(hi)) => format!("≤ {}", money_label(hi, locale)),
                (None, None) => String::new(),
            };
            active.push(ActiveFilter {
                label,
                remove_url: params.url_with(base, |p| {
                    p.filter.price_min = None;
                    p.filter.price_max = None;
                    p.min_text.clear();
                    p.max_text.clear();
                }),
            });
        }
        if params.filter.in_stock {
            active.push(ActiveFilter {
                label: locale.t("facet-in-stock"),
                remove_url: params.url_with(base, |p| p.filter.in_stock = false),
            });
        }
        if let Some(r) = params.filter.min_rating {
            active.push(ActiveFilter {
                label: locale.t_count("facet-rating-at-least", i64::from(r)),
                remove_url: params.url_with(base, |p| p.filter.min_rating = None),
            });
        }
        let clear_url = (!active.is_empty()).then(|| {
            params.url_with(base, |p| {
                let (q, sort) = (p.q.clone(), p.sort);
                *p = ListingParams {
                    q,
                    sort,
                    page: 1,
                    ..ListingParams::default()
                };
            })
        });
        let page_url = |n: usize| params.url_with(base, |p| p.page = n);
        FacetsView {
            action: base.to_string(),
            q: params.q.clone(),
            sort: params.sort.code(),
            categories: facet_categories,
            category_chosen: params.filter.category.is_some(),
            rating_chosen: params.filter.min_rating.is_some(),
            brands: facet_brands,
            in_stock: FacetOption {
                value: "1".into(),
                label: locale.t("facet-in-stock"),
                count: outcome.in_stock,
                checked: params.filter.in_stock,
            },
            ratings,
            min: params.min_text.clone(),
            max: params.max_text.clone(),
            price_hint: outcome
                .price_range
                .map(|(lo, hi)| {
                    format!("{} – {}", money_label(lo, locale), money_label(hi, locale))
                })
                .unwrap_or_default(),
            price_error: params.price_error.then(|| locale.t("facet-price-invalid")),
            active,
            clear_url,
            sorts: Sort::ALL
                .into_iter()
                .map(|s| SortOption {
                    value: s.code(),
                    label: locale.t(&format!("sort-{}", s.code())),
                    selected: s == params.sort,
                })
                .collect(),
            pages: (1..=outcome.pages)
                .filter(|n| {
                    // First, last and the neighbourhood of the current page.
                    *n == 1 || *n == outcome.pages || n.abs_diff(outcome.page) <= 2
                })
                .map(|n| PageLink {
                    number: n,
                    url: page_url(n),
                    current: n == outcome.page,
                })
                .collect(),
            prev_url: (outcome.page > 1).then(|| page_url(outcome.page - 1)),
            next_url: (outcome.page < outcome.pages).then(|| page_url(outcome.page + 1)),
        }
    }
}
