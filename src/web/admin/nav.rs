//! The admin menu: every admin page and the staff roles it admits, in one table, so the menu shows
//! a role only what it can open and each handler checks the same list.

use crate::auth::{Principal, StaffUser};
use crate::domain::accounts::StaffRole;
use crate::web::{PageContext, Theme};
use actix_web::HttpRequest;
use serde::Deserialize;

use StaffRole::{Administrator, CatalogManager, SalesRep, SupportAgent};

/// (path, message key, roles allowed)
pub const PAGES: &[(&str, &str, &[StaffRole])] = &[
    (
        "/admin",
        "admin-title",
        &[Administrator, CatalogManager, SalesRep, SupportAgent],
    ),
    (
        "/admin/orders",
        "admin-orders",
        &[Administrator, SalesRep, SupportAgent],
    ),
    ("/admin/quotes", "admin-quotes", &[Administrator, SalesRep]),
    ("/admin/demos", "admin-demos", &[Administrator, SalesRep]),
    (
        "/admin/act-for",
        "admin-act-for",
        &[Administrator, SalesRep],
    ),
    (
        "/admin/cases",
        "admin-cases",
        &[Administrator, SupportAgent],
    ),
    (
        "/admin/chats",
        "admin-chats",
        &[Administrator, SupportAgent],
    ),
    (
        "/admin/returns",
        "admin-returns",
        &[Administrator, SupportAgent],
    ),
    (
        "/admin/applications",
        "admin-applications",
        &[Administrator, SalesRep],
    ),
    (
        "/admin/content",
        "admin-content",
        &[Administrator, CatalogManager, SalesRep],
    ),
    (
        "/admin/files",
        "admin-files",
        &[Administrator, CatalogManager, SalesRep],
    ),
    (
        "/admin/testimonials",
        "admin-testimonials",
        &[Administrator, CatalogManager],
    ),
    ("/admin/faq", "admin-faq", &[Administrator, SupportAgent]),
    (
        "/admin/customers",
        "admin-customers",
        &[Administrator, SalesRep, SupportAgent],
    ),
    (
        "/admin/companies",
        "admin-companies",
        &[Administrator, SalesRep],
    ),
    ("/admin/prices", "admin-prices", &[Administrator, SalesRep]),
    (
        "/admin/products",
        "admin-products",
        &[Administrator, CatalogManager],
    ),
    (
        "/admin/categories",
        "admin-categories",
        &[Administrator, CatalogManager],
    ),
    (
        "/admin/brands",
        "admin-brands",
        &[Administrator, CatalogManager],
    ),
    (
        "/admin/promotions",
        "admin-promotions",
        &[Administrator, CatalogManager],
    ),
    (
        "/admin/coupons",
        "admin-coupons",
        &[Administrator, CatalogManager],
    ),
    (
        "/admin/cart-rules",
        "admin-cart-rules",
        &[Administrator, CatalogManager],
    ),
    (
        "/admin/reviews",
        "admin-reviews",
        &[Administrator, CatalogManager, SupportAgent],
    ),
    (
        "/admin/outbox",
        "admin-outbox",
        &[Administrator, SupportAgent],
    ),
    ("/admin/staff", "admin-staff", &[Administrator]),
    ("/admin/audit", "admin-audit", &[Administrator]),
    ("/admin/settings", "admin-settings", &[Administrator]),
];

/// The roles allowed on `path` (nobody, for a path not in the table).
pub fn allowed(path: &str) -> &'static [StaffRole] {
    PAGES
        .iter()
        .find(|(p, _, _)| *p == path)
        .map(|(_, _, roles)| *roles)
        .unwrap_or(&[])
}

pub struct NavItem {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
}

/// The menu for `role`, marking `current`.
pub fn menu(ctx: &PageContext, role: StaffRole, current: &str) -> Vec<NavItem> {
    PAGES
        .iter()
        .filter(|(_, _, roles)| roles.contains(&role))
        .map(|(href, key, _)| NavItem {
            href,
            label: ctx.t(key),
            current: *href == current,
        })
        .collect()
}

/// The page context of an admin page for the signed-in staff member.
pub fn staff_context(req: &HttpRequest, staff: &StaffUser) -> PageContext {
    PageContext::with_principal(
        req,
        Theme::Admin,
        Principal::Staff {
            user: staff.user.clone(),
            role: staff.role,
        },
    )
}

pub use crate::web::views::{Choice, choices};

/// The message for `field` among a refused form's errors.
pub fn field_error<'a>(errors: &'a [(&'static str, String)], field: &str) -> Option<&'a str> {
    errors
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, m)| m.as_str())
}

/// One choice of a list filter (`<option>`).
pub struct OptionView {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// A filter's choices: "All" (the empty value) first, then each of `values` with its label; the
/// `current` one is selected.
pub fn filter_options(
    ctx: &PageContext,
    current: Option<&str>,
    values: &[&str],
    label: impl Fn(&str) -> String,
) -> Vec<OptionView> {
    let mut options = vec![OptionView {
        value: String::new(),
        label: ctx.t("admin-all"),
        selected: current.is_none(),
    }];
    options.extend(values.iter().map(|v| OptionView {
        value: v.to_string(),
        label: label(v),
        selected: current == Some(*v),
    }));
    options
}

/// The query of a list filtered by status and searched by text (`?status=&q=&page=`).
#[derive(Deserialize, Default)]
pub struct StatusListQuery {
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<i64>,
}

impl StatusListQuery {
    /// The search as typed, trimmed and cut to 100 characters.
    pub fn search(&self) -> String {
        self.q.trim().chars().take(100).collect()
    }

    /// The page asked for, 1 to 10 000.
    pub fn page(&self) -> i64 {
        self.page.unwrap_or(1).clamp(1, 10_000)
    }
}

/// The previous and next pages' addresses of a status-and-search list at `page`.
pub fn page_links(
    path: &str,
    status: &str,
    q: &str,
    page: i64,
    more: bool,
) -> (Option<String>, Option<String>) {
    let link = |p: i64| {
        format!(
            "{path}?status={status}&q={}&page={p}",
            crate::web::url_encode(q)
        )
    };
    (
        (page > 1).then(|| link(page - 1)),
        more.then(|| link(page + 1)),
    )
}

/// Rows a page of a short list shows (brands, staff, applications, cart rules, testimonials:
/// tens in a shop, filtered in memory).
pub const SHORT_PAGE: usize = 50;

/// The page `asked` (from 1; past the end, the last) of `rows` filtered in memory, with the
/// addresses of the pages before and after it (`link(n)` makes page n's).
pub fn page_in_memory<T>(
    rows: Vec<T>,
    asked: Option<i64>,
    link: impl Fn(i64) -> String,
) -> (Vec<T>, Option<String>, Option<String>) {
    let pages = rows.len().div_ceil(SHORT_PAGE).max(1);
    let last = i64::try_from(pages).unwrap_or(i64::MAX);
    let page = asked.unwrap_or(1).clamp(1, last);
    let skip = usize::try_from(page - 1).unwrap_or(0) * SHORT_PAGE;
    let shown = rows.into_iter().skip(skip).take(SHORT_PAGE).collect();
    (
        shown,
        (page > 1).then(|| link(page - 1)),
        (page < last).then(|| link(page + 1)),
    )
}

/// The page (from 1) a short list's row at `index` is on.
pub fn page_of_index(index: usize) -> i64 {
    i64::try_from(index / SHORT_PAGE + 1).unwrap_or(1)
}

/// The most rows one bulk action takes (a list shows 50 a page).
pub const BULK_MAX: usize = 200;

/// A bulk action's form as sent: the rows ticked (`ids`, repeated; each once, at most
/// [`BULK_MAX`], anything not a number ignored) and its other fields.
pub struct Bulk {
    pub ids: Vec<i64>,
    pairs: Vec<(String, String)>,
}

impl Bulk {
    pub fn of(pairs: Vec<(String, String)>) -> Bulk {
        let mut ids: Vec<i64> = Vec::new();
        let ticked = pairs.iter().filter(|(k, _)| k == "ids");
        for id in ticked.filter_map(|(_, v)| v.trim().parse::<i64>().ok()) {
            if !ids.contains(&id) && ids.len() < BULK_MAX {
                ids.push(id);
            }
        }
        Bulk { ids, pairs }
    }

    /// A field's first value ("" when missing).
    pub fn field(&self, name: &str) -> &str {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The list to go back to: `back` when it is an address of `path`'s list, else `path`.
    pub fn back(&self, path: &str) -> String {
        let back = self.field("back");
        let rest = back.strip_prefix(path).unwrap_or("-");
        // Only the list's own address, in the printable ASCII a `Location` header takes.
        let query_only = rest.starts_with('?')
            && !rest.contains('\\')
            && rest.chars().all(|c| c.is_ascii_graphic());
        if rest.is_empty() || query_only {
            back.to_string()
        } else {
            path.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lists_are_cut_into_pages() {
        let link = |n: i64| format!("?page={n}");
        // (rows, asked) → (first row shown, rows shown, prev, next)
        type Case = (
            usize,
            Option<i64>,
            Option<usize>,
            usize,
            Option<&'static str>,
            Option<&'static str>,
        );
        let cases: &[Case] = &[
            (0, None, None, 0, None, None),
            (10, None, Some(0), 10, None, None),
            (50, Some(1), Some(0), 50, None, None),
            (51, None, Some(0), 50, None, Some("?page=2")),
            (51, Some(2), Some(50), 1, Some("?page=1"), None),
            (120, Some(2), Some(50), 50, Some("?page=1"), Some("?page=3")),
            (120, Some(9), Some(100), 20, Some("?page=2"), None),
            (120, Some(-4), Some(0), 50, None, Some("?page=2")),
        ];
        for (total, asked, first, count, prev, next) in cases {
            let rows: Vec<usize> = (0..*total).collect();
            let (shown, p, n) = page_in_memory(rows, *asked, link);
            let case = format!("{total} rows, page {asked:?}");
            assert_eq!(shown.first().copied(), *first, "{case}");
            assert_eq!(shown.len(), *count, "{case}");
            assert_eq!(p.as_deref(), *prev, "{case}");
            assert_eq!(n.as_deref(), *next, "{case}");
        }
        assert_eq!(page_of_index(0), 1);
        assert_eq!(page_of_index(49), 1);
        assert_eq!(page_of_index(50), 2);
    }

    #[test]
    fn bulk_forms_take_each_ticked_row_once_and_go_back_to_their_list() {
        let pairs = |v: &[(&str, &str)]| {
            v.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<Vec<_>>()
        };
        let b = Bulk::of(pairs(&[
            ("ids", "3"),
            ("ids", "x"),
            ("ids", "3"),
            ("ids", " 7 "),
            ("action", "archive"),
            ("back", "/admin/products?q=drill&page=2"),
        ]));
        assert_eq!(b.ids, [3, 7]);
        assert_eq!(b.field("action"), "archive");
        assert_eq!(b.field("reason"), "");
        assert_eq!(b.back("/admin/products"), "/admin/products?q=drill&page=2");
        for (back, to) in [
            ("/admin/products", "/admin/products"),
            ("https://evil.example/admin/products", "/admin/products"),
            ("/admin/products.evil", "/admin/products"),
            ("/admin/productsx?q=1", "/admin/products"),
            ("/admin/products?q=1\r\nSet-Cookie: x", "/admin/products"),
            ("/admin/products?q=borrmaskin ö", "/admin/products"),
            ("", "/admin/products"),
        ] {
            let b = Bulk::of(pairs(&[("back", back)]));
            assert_eq!(b.back("/admin/products"), to, "{back:?}");
        }
        let many: Vec<(String, String)> = (0..500).map(|i| ("ids".into(), i.to_string())).collect();
        assert_eq!(Bulk::of(many).ids.len(), BULK_MAX);
    }
}
