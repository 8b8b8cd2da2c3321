//! `GET /account` with the forms `POST /account/password`, `POST /account/addresses` and
//! `POST /account/addresses/{id}/delete`. Any signed-in person; addresses are their own.

use crate::auth::{Principal, password, session};
use crate::db::{self, addresses::Address, audit};
use crate::domain::accounts::NewPassword;
use crate::domain::address::{COUNTRIES, PostalAddress};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::{PageContext, Theme, render_status};
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use std::collections::HashMap;

/// Errors per field name, for the form that was sent.
pub(super) type FieldErrors = HashMap<&'static str, String>;

pub struct CountryOption {
    pub code: &'static str,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "shared/account.html")]
pub struct AccountPage {
    pub ctx: PageContext,
    pub name: String,
    pub email: String,
    pub addresses: Vec<Address>,
    /// The address form as typed (kept when it had errors).
    pub draft: PostalAddress,
    pub countries: Vec<CountryOption>,
    pub address_errors: FieldErrors,
    pub password_errors: FieldErrors,
    /// The e-mail change form as typed.
    pub new_email: String,
    pub email_errors: FieldErrors,
    /// "You sign in with …".
    pub email_note: String,
}

/// What the forms on the account page show: empty, or as sent with their errors.
pub struct Forms {
    pub draft: PostalAddress,
    pub address_errors: FieldErrors,
    pub password_errors: FieldErrors,
    pub new_email: String,
    pub email_errors: FieldErrors,
}

impl Default for Forms {
    fn default() -> Forms {
        Forms {
            draft: empty_draft(),
            address_errors: FieldErrors::new(),
            password_errors: FieldErrors::new(),
            new_email: String::new(),
            email_errors: FieldErrors::new(),
        }
    }
}

impl AccountPage {
    pub fn email_error(&self, field: &str) -> Option<&String> {
        self.email_errors.get(field)
    }

    pub fn address_error(&self, field: &str) -> Option<&String> {
        self.address_errors.get(field)
    }

    pub fn password_error(&self, field: &str) -> Option<&String> {
        self.password_errors.get(field)
    }
}

fn empty_draft() -> PostalAddress {
    PostalAddress {
        label: String::new(),
        name: String::new(),
        line1: String::new(),
        line2: String::new(),
        postal_code: String::new(),
        city: String::new(),
        country: "SE".into(),
        phone: String::new(),
    }
}

/// The signed-in person, or a redirect to sign in.
pub(super) fn signed_in(principal: &Principal) -> Result<(i64, String, String), AppError> {
    principal
        .user()
        .map(|u| (u.id, u.name.clone(), u.email.clone()))
        .ok_or_else(|| AppError::SignInRequired("/account".into()))
}

pub(super) async fn page(
    req: &HttpRequest,
    state: &AppState,
    forms: Forms,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(req).await?;
    let (user_id, name, email) = signed_in(&principal)?;
    let addresses = db::run(&state.pool, move |c| db::addresses::for_user(c, user_id)).await?;
    let theme = Theme::storefront_for(&principal);
    let ctx = PageContext::with_principal(req, theme, principal);
    let countries = COUNTRIES
        .iter()
        .map(|code| CountryOption {
            code,
            selected: *code == forms.draft.country,
        })
        .collect();
    let email_note = ctx
        .locale
        .t_args("account-email-current", &[("email", email.clone())]);
    render_status(
        &AccountPage {
            ctx,
            email_note,
            name,
            email,
            addresses,
            draft: forms.draft,
            countries,
            address_errors: forms.address_errors,
            password_errors: forms.password_errors,
            new_email: forms.new_email,
            email_errors: forms.email_errors,
        },
        status,
    )
}

pub(super) fn back_to_account() -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((LOCATION, "/account"))
        .finish()
}

/// `GET /account`.
pub async fn show(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    page(&req, &state, Forms::default(), StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

/// `POST /account/password`: needs the current password; the session id changes afterwards.
pub async fn change_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let (user_id, name, email) = signed_in(&principal)?;
    state.limits.sign_in_account.check(&email)?;
    let form = form.into_inner();
    let stored = db::run(&state.pool, move |c| db::users::find(c, user_id))
        .await?
        .map(|u| u.password_hash);
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let mut errors = FieldErrors::new();
    if !password::verify(form.current_password, stored).await? {
        errors.insert(
            "current_password",
            locale.t("account-current-password-wrong"),
        );
    }
    let new_password = NewPassword::parse(&form.new_password, &email, &name);
    if let Err(problem) = &new_password {
        errors.insert("new_password", locale.t(problem.message_key()));
    }
    let (Ok(new_password), true) = (new_password, errors.is_empty()) else {
        let forms = Forms {
            password_errors: errors,
            ..Forms::default()
        };
        return page(&req, &state, forms, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let hash = password::hash(new_password.expose().to_string()).await?;
    let now = chrono::Utc::now().naive_utc();
    db::run_write(&state.pool, move |c| {
        db::users::set_password(c, user_id, &hash, now)?;
        let id = user_id.to_string();
        audit::log(c, Some(user_id), "password_changed", "user", &id)
    })
    .await?;
    // Every other session of this person ends; this one continues with a new id.
    session::reauthenticated(&session)?;
    session::flash(&session, "account-password-changed");
    Ok(back_to_account())
}

#[derive(Deserialize)]
pub struct AddressForm {
    #[serde(default)]
    label: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    line1: String,
    #[serde(default)]
    line2: String,
    #[serde(default)]
    postal_code: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    phone: String,
}

/// `POST /account/addresses`.
pub async fn add_address(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<AddressForm>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let (user_id, _, _) = signed_in(&principal)?;
    let f = form.into_inner();
    let draft = PostalAddress {
        label: f.label,
        name: f.name,
        line1: f.line1,
        line2: f.line2,
        postal_code: f.postal_code,
        city: f.city,
        country: f.country,
        phone: f.phone,
    };
    let address = match PostalAddress::parse(&draft) {
        Ok(a) => a,
        Err(problems) => {
            let locale =
                crate::web::context::request_locale(&req, &principal, state.default_locale);
            let errors = problems
                .into_iter()
                .map(|p| (p.field(), locale.t(p.message_key())))
                .collect();
            let forms = Forms {
                draft,
                address_errors: errors,
                ..Forms::default()
            };
            return page(&req, &state, forms, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    db::run_write(&state.pool, move |c| {
        db::addresses::add_for_user(c, user_id, &address)
    })
    .await?;
    session::flash(&session, "account-address-added");
    Ok(back_to_account())
}

/// `POST /account/addresses/{id}/delete`: someone else's id is 404.
pub async fn delete_address(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let (user_id, _, _) = signed_in(&principal)?;
    let id = id.into_inner();
    db::run_write(&state.pool, move |c| {
        db::addresses::delete_for_user(c, user_id, id)
    })
    .await?;
    session::flash(&session, "account-address-deleted");
    Ok(back_to_account())
}
