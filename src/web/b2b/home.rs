//! The business home (`GET /` for a company user): demos, a carousel for this company, content for
//! its industry and the user's role, and the company's dashboard strip.

use crate::auth::Principal;
use crate::db::{self, catalog::Audience};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::b2c::home::{CategoryTile, PromotionView, category_tiles};
use crate::web::shopper::Shopper;
use crate::web::views::ProductCardView;
use crate::web::{PageContext, Theme, render};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

pub struct ContentView {
    pub kind_label: String,
    pub url: String,
    /// "Book a live demo" of this one.
    pub book_url: String,
    pub title: String,
    pub summary: String,
    pub video_url: Option<String>,
}

pub struct RecentOrderView {
    pub number: String,
    pub url: String,
    pub token: String,
    pub date: String,
    pub status: String,
    pub total: String,
}

pub struct DashboardView {
    /// Company admins get a link to the invoices and balance.
    pub admin: bool,
    pub pending_approvals: i64,
    pub open_quotes: i64,
    pub credit_available: String,
    pub credit_used: String,
    pub credit_limit: String,
    pub recent_orders: Vec<RecentOrderView>,
}

#[derive(Template)]
#[template(path = "b2b/home.html")]
pub struct B2bHomePage {
    pub ctx: PageContext,
    pub greeting: String,
    pub promotions: Vec<PromotionView>,
    pub demos: Vec<ContentView>,
    pub carousel: Vec<ProductCardView>,
    pub content: Vec<ContentView>,
    /// Staff's block for this industry and role (title, sanitised HTML).
    pub blocks: Vec<db::content::Block>,
    pub dashboard: DashboardView,
    pub categories: Vec<CategoryTile>,
}

fn content_views(ctx: &PageContext, cards: Vec<db::content::ContentCard>) -> Vec<ContentView> {
    cards
        .into_iter()
        .map(|c| ContentView {
            kind_label: ctx.t(&format!("content-kind-{}", c.kind.replace('_', "-"))),
            url: format!("/content/{}", c.slug),
            book_url: format!("/b2b/demos/new?demo={}", c.slug),
            title: c.title,
            summary: c.summary,
            video_url: c.video_url,
        })
        .collect()
}

/// The carousel for a company: what it orders most, then its contract and price-list items,
/// then featured products — twelve at most, each once, only products sold to companies.
fn carousel(
    c: &mut db::DbConn,
    cache: &db::cache::ReadCache,
    company_id: i64,
    buyer: &crate::domain::pricing::Buyer,
) -> Result<Vec<db::catalog::Card>, db::DbError> {
    let mut ids = db::companies::frequently_bought(c, company_id, 12)?;
    let mut agreed: Vec<i64> = buyer
        .pricing()
        .map(|p| p.deals.keys().copied().collect())
        .unwrap_or_default();
    agreed.sort_unstable();
    ids.extend(agreed);
    let sold = cache.listing_set(c, Audience::Companies)?;
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(*id) && sold.get(*id).is_some_and(|row| row.available > 0));
    ids.truncate(12);
    let mut cards = db::catalog::cards_by_ids(c, &ids)?;
    if cards.len() < 12 {
        for card in db::catalog::featured(c, Audience::Companies, 12)? {
            if cards.len() < 12 && !cards.iter().any(|x| x.row.id == card.row.id) {
                cards.push(card);
            }
        }
    }
    Ok(cards)
}

/// Renders the business home for a company user.
pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<HttpResponse, AppError> {
    let Principal::CompanyUser {
        user,
        company,
        role,
        ..
    } = &principal
    else {
        return Err(AppError::Forbidden);
    };
    let (company_id, industry, role_code) = (company.id, company.industry.clone(), role.code());
    let greeting_name = user.name.clone();
    let now = chrono::Utc::now().naive_utc();
    let cache = state.cache.clone();
    let shopper = Shopper::of(&principal, &state);
    // Shared parts come from the read cache (per industry and role, per company); the
    // dashboard's figures are read fresh.
    let (home, carousel, dashboard, categories, buyer) = db::run(&state.pool, move |c| {
        let buyer = shopper.buyer(&cache, c)?;
        let home = cache.business_home(c, &industry, role_code, now)?;
        let carousel =
            cache.company_carousel(company_id, || carousel(c, &cache, company_id, &buyer))?;
        Ok((
            home,
            carousel,
            db::companies::dashboard(c, company_id)?,
            cache.categories(c)?,
            buyer,
        ))
    })
    .await?;
    let ctx = PageContext::with_principal(&req, Theme::B2b, principal.clone());
    let locale = ctx.locale;
    let limit = dashboard.credit_limit.money(&dashboard.currency);
    let used = dashboard.credit_used.money(&dashboard.currency);
    let available =
        crate::domain::money::Money::new(limit.amount() - used.amount(), limit.currency());
    let dashboard = DashboardView {
        admin: matches!(
            &principal,
            Principal::CompanyUser {
                role: crate::domain::accounts::CompanyRole::Admin,
                ..
            }
        ),
        pending_approvals: dashboard.pending_approvals,
        open_quotes: dashboard.open_quotes,
        credit_available: available.format(locale.code()),
        credit_used: locale.t_args(
            "b2b-credit-used-of",
            &[
                ("used", used.format(locale.code())),
                ("limit", limit.format(locale.code())),
            ],
        ),
        credit_limit: limit.format(locale.code()),
        recent_orders: dashboard
            .recent_orders
            .into_iter()
            .map(|o| RecentOrderView {
                date: locale.date(o.placed_at),
                status: crate::web::orders::status_label(&o.status, locale),
                total: o.total.money(&o.currency).format(locale.code()),
                url: crate::web::checkout::order_url(&o.number, &o.public_token),
                token: o.public_token,
                number: o.number,
            })
            .collect(),
    };
    render(&B2bHomePage {
        greeting: locale.t_args("b2b-greeting", &[("name", greeting_name)]),
        promotions: home.promotions.iter().map(PromotionView::from).collect(),
        demos: content_views(&ctx, home.demos.clone()),
        carousel: ProductCardView::list(&carousel, &buyer, locale),
        content: content_views(&ctx, home.content.clone()),
        blocks: home.blocks.clone(),
        dashboard,
        categories: category_tiles(&categories),
        ctx,
    })
}
