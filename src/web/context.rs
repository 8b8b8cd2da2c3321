//! `PageContext`: what every layout needs (theme, language, CSRF token, who is signed in, assets),
//! built once per page from the request.

use super::assets::Assets;
use crate::auth::{Principal, csrf, session};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use actix_session::SessionExt;
use actix_web::{HttpRequest, web};
use std::sync::Arc;

/// Which layout a page renders in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    B2c,
    B2b,
    Admin,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::B2c => "b2c",
            Theme::B2b => "b2b",
            Theme::Admin => "admin",
        }
    }

    /// The storefront theme for a principal: company users get the business portal, everyone else
    /// (visitors, consumers, staff looking at the shop) the consumer shop.
    pub fn storefront_for(principal: &Principal) -> Theme {
        match principal {
            Principal::CompanyUser { .. } => Theme::B2b,
            _ => Theme::B2c,
        }
    }
}

/// A language the switcher offers.
pub struct LanguageOption {
    pub code: &'static str,
    pub name: &'static str,
    pub current: bool,
}

pub struct PageContext {
    pub theme: Theme,
    pub locale: Locale,
    pub shop_name: String,
    /// The shop's name and storefront menu.
    pub frame: Arc<crate::web::frame::Frame>,
    pub csrf_token: String,
    pub principal: Principal,
    /// The current path and query, for "return here" links and the language switcher.
    pub here: String,
    pub assets: Arc<Assets>,
    pub languages: Vec<LanguageOption>,
    /// A one-time confirmation left by the previous request ("Password changed").
    pub flash: Option<String>,
    /// Items in the cart, for the header.
    pub cart_items: u32,
    /// Rendering a page shared by many people (`web::page_cache`): the header's personal part
    /// is left as a mark, filled per request.
    pub shared: bool,
}

impl PageContext {
    /// The context for a page in `theme`.
    pub async fn build(req: &HttpRequest, theme: Theme) -> Result<PageContext, AppError> {
        let principal = Principal::of(req).await?;
        Ok(PageContext::with_principal(req, theme, principal))
    }

    /// The context for a storefront page in the principal's theme.
    pub async fn storefront(req: &HttpRequest) -> Result<PageContext, AppError> {
        let principal = Principal::of(req).await?;
        let theme = Theme::storefront_for(&principal);
        Ok(PageContext::with_principal(req, theme, principal))
    }

    pub fn with_principal(req: &HttpRequest, theme: Theme, principal: Principal) -> PageContext {
        let state = req.app_data::<web::Data<AppState>>();
        let default = state.map(|s| s.default_locale).unwrap_or(Locale::Sv);
        let locale = request_locale(req, &principal, default);
        let session = req.get_session();
        let frame = state.map_or_else(
            || Arc::new(crate::web::frame::Frame::named("Duett")),
            |s| s.frame.get(),
        );
        PageContext {
            theme,
            locale,
            shop_name: frame.name.clone(),
            frame,
            csrf_token: csrf::token(&session),
            flash: session::take_flash(&session).map(|key| session::flash_text(locale, &key)),
            cart_items: session::cart_items(&session),
            shared: false,
            here: req
                .uri()
                .path_and_query()
                .map(|p| p.as_str().to_string())
                .unwrap_or_else(|| "/".into()),
            assets: state.map(|s| s.assets.clone()).unwrap_or_default(),
            languages: Locale::ALL
                .iter()
                .map(|l| LanguageOption {
                    code: l.code(),
                    name: l.native_name(),
                    current: *l == locale,
                })
                .collect(),
            principal,
        }
    }

    /// Translates a message key.
    pub fn t(&self, key: &str) -> String {
        self.locale.t(key)
    }

    /// A menu category's label: its translation (`nav-{slug}`) when the shop has one, else
    /// its name as staff gave it.
    pub fn menu_label(&self, item: &crate::web::frame::MenuItem) -> String {
        let key = format!("nav-{}", item.slug);
        let label = self.locale.t(&key);
        if label == key {
            item.name.clone()
        } else {
            label
        }
    }

    /// The versioned URL of a static file.
    pub fn asset(&self, path: &str) -> String {
        self.assets.url(path)
    }

    /// The stylesheet of the page's theme.
    pub fn theme_css(&self) -> String {
        self.assets.url(&format!("{}/site.css", self.theme.code()))
    }

    /// The "Business portal" tag beside the logo, in the B2B theme only.
    pub fn portal_tag(&self) -> Option<String> {
        (self.theme == Theme::B2b).then(|| self.t("b2b-portal"))
    }

    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }

    pub fn user_name(&self) -> Option<&str> {
        self.principal.user().map(|u| u.name.as_str())
    }

    pub fn company_name(&self) -> Option<&str> {
        match &self.principal {
            Principal::CompanyUser { company, .. } => Some(company.name.as_str()),
            _ => None,
        }
    }

    /// True for a person who buys for more than one company (the header offers a switch).
    pub fn can_switch_company(&self) -> bool {
        matches!(&self.principal, Principal::CompanyUser { companies, .. } if companies.len() > 1)
    }

    /// True for a company admin (the header links to the company's people).
    pub fn is_company_admin(&self) -> bool {
        matches!(
            &self.principal,
            Principal::CompanyUser {
                role: crate::domain::accounts::CompanyRole::Admin,
                ..
            }
        )
    }

    /// "Cart, 3 items" for the header link.
    pub fn cart_label(&self) -> String {
        self.locale
            .t_count("cart-link-label", i64::from(self.cart_items))
    }

    pub fn is_staff(&self) -> bool {
        matches!(self.principal, Principal::Staff { .. })
    }

    /// "Sven Sälj, you are acting for Bo Byggare at Nordbygg AB…" while a staff member acts
    /// for a company user.
    pub fn acting_banner(&self) -> Option<String> {
        let staff = self.principal.acting()?;
        let (user, company) = (self.user_name()?, self.company_name()?);
        Some(self.locale.t_args(
            "acting-banner",
            &[
                ("name", staff.name.clone()),
                ("buyer", user.to_string()),
                ("company", company.to_string()),
            ],
        ))
    }

    pub fn is_signed_in(&self) -> bool {
        self.principal.is_signed_in()
    }
}

/// The request's language: the user's saved setting, the `lang` cookie, `Accept-Language`, default.
pub fn request_locale(req: &HttpRequest, principal: &Principal, default: Locale) -> Locale {
    let user = principal.user().and_then(|u| u.locale.clone());
    let cookie = req.cookie("lang").map(|c| c.value().to_string());
    let accept = req
        .headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Locale::negotiate(user.as_deref(), cookie.as_deref(), accept, default)
}
