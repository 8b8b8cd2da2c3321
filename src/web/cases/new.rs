//! `GET|POST /orders/{number}/case?t=`: report a problem with an order — what kind, which lines
//! and how many units, a description and up to three photos. The order link's token is needed
//! (a guest's link works; nobody else's does).

use super::files::{self, Posted};
use crate::auth::Principal;
use crate::db::{self, cases as store, orders};
use crate::domain::cases::{self, KINDS, MAX_FILE_BYTES, MAX_FILES, OrderLine, Problem};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;
use crate::web::mail::Mail;
use crate::web::{PageContext, Theme, see_other};
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

pub struct ChoiceView {
    pub code: &'static str,
    pub label: String,
    pub selected: bool,
}

pub struct LineInput {
    pub id: i64,
    pub name: String,
    pub sku: String,
    pub ordered: i32,
    pub typed: String,
    pub error: Option<String>,
}

pub struct NewCaseView {
    pub order_number: String,
    pub token: String,
    pub order_url: String,
    pub kinds: Vec<ChoiceView>,
    pub lines: Vec<LineInput>,
    pub description: String,
    /// "We answer by e-mail to …".
    pub answers_to: String,
    /// "Up to 3 photos (JPEG, PNG or WebP), 5 MB each."
    pub photo_hint: String,
    /// "We answer within about 15 minutes, around the clock."
    pub response: String,
    pub errors: Vec<(&'static str, String)>,
}

impl NewCaseView {
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

storefront_page!(
    new_pages,
    render_new,
    NewCaseView,
    "b2c/case_new.html",
    "b2b/case_new.html"
);

/// The order behind the link.
async fn order_for(
    state: &AppState,
    number: String,
    token: String,
) -> Result<store::OrderForCase, AppError> {
    db::run(&state.pool, move |c| {
        let Some(order) = orders::by_link(c, &number, &token)? else {
            return Ok(None);
        };
        store::order_for_case(c, order).map(Some)
    })
    .await?
    .ok_or(AppError::NotFound)
}

/// Whose case it is and where answers go: a signed-in customer of the order (the consumer who
/// placed it, or a user of its company) opens it as themselves; anyone else with the link opens
/// it for the person who placed the order, at the order's address.
fn owner(principal: &Principal, order: &store::OrderForCase) -> (Option<i64>, String) {
    match principal {
        Principal::Consumer(u) if order.company_id.is_none() && order.user_id == Some(u.id) => {
            (Some(u.id), u.email.clone())
        }
        Principal::CompanyUser { user, company, .. } if order.company_id == Some(company.id) => {
            (Some(user.id), user.email.clone())
        }
        _ => (order.user_id, order.order.email.clone()),
    }
}

/// "About 15 minutes": the live estimate of the first answer (see
/// `domain::cases::expected_first_response`).
pub async fn expected_response(state: &AppState) -> Result<chrono::Duration, AppError> {
    let now = chrono::Utc::now().naive_utc();
    let times = db::run(&state.pool, move |c| {
        store::response_times(c, now - chrono::Duration::hours(24))
    })
    .await?;
    let recent: Vec<chrono::Duration> = times.answered.iter().map(|(a, b)| *b - *a).collect();
    Ok(cases::expected_first_response(
        &recent,
        times.oldest_unanswered.map(|o| now - o),
        state.settings.support.targets().first_response,
    ))
}

fn view(
    order: &store::OrderForCase,
    posted: Option<&Posted>,
    email: String,
    response: chrono::Duration,
    errors: Vec<(&'static str, String)>,
    line_errors: &[(i64, String)],
    locale: Locale,
) -> NewCaseView {
    let field = |name: &str| posted.map(|p| p.field(name)).unwrap_or_default();
    let kind = field("kind");
    NewCaseView {
        order_number: order.order.number.clone(),
        token: order.order.public_token.clone(),
        order_url: crate::web::checkout::order_url(&order.order.number, &order.order.public_token),
        kinds: KINDS
            .into_iter()
            .map(|k| ChoiceView {
                code: k,
                label: super::kind_label(k, locale),
                selected: k == kind,
            })
            .collect(),
        lines: order
            .lines
            .iter()
            .map(|(id, name, sku, ordered)| LineInput {
                id: *id,
                name: name.clone(),
                sku: sku.clone(),
                ordered: *ordered,
                typed: field(&format!("qty_{id}")),
                error: line_errors
                    .iter()
                    .find(|(l, _)| l == id)
                    .map(|(_, m)| m.clone()),
            })
            .collect(),
        description: field("description"),
        answers_to: locale.t_args("case-answers-to", &[("email", email)]),
        photo_hint: locale.t_args(
            "case-photos-hint",
            &[
                ("count", MAX_FILES.to_string()),
                ("size", (MAX_FILE_BYTES / 1024 / 1024).to_string()),
            ],
        ),
        response: locale.t_args(
            "case-response-expected",
            &[("time", super::span(response, locale))],
        ),
        errors,
    }
}

/// `GET /orders/{number}/case?t=…`.
pub async fn form(
    req: HttpRequest,
    state: web::Data<AppState>,
    number: web::Path<String>,
    query: web::Query<files::TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let token: String = query.into_inner().t.chars().take(64).collect();
    let order = order_for(&state, number.into_inner(), token).await?;
    let response = expected_response(&state).await?;
    let principal = Principal::of(&req).await?;
    let (_, email) = owner(&principal, &order);
    let ctx = PageContext::with_principal(&req, Theme::storefront_for(&principal), principal);
    let v = view(&order, None, email, response, Vec::new(), &[], ctx.locale);
    Ok(crate::web::cache_control(
        render_new(ctx, v, StatusCode::OK)?,
        "private, no-store",
    ))
}

/// `POST /orders/{number}/case` (multipart: `csrf_token` first, `t`, `kind`, `qty_{line}`,
/// `description`, `photos` ×0–3): opens the case, mails the customer the case's link and the
/// support team the new case, and shows the case.
pub async fn open(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: actix_session::Session,
    number: web::Path<String>,
    parts: Multipart,
) -> Result<HttpResponse, AppError> {
    let posted = files::read(parts).await;
    let token: String = posted.field("t").chars().take(64).collect();
    let order = order_for(&state, number.into_inner(), token).await?;
    let principal = Principal::of(&req).await?;
    let (user_id, email) = owner(&principal, &order);
    let ctx = PageContext::with_principal(&req, Theme::storefront_for(&principal), principal);
    let locale = ctx.locale;
    let typed: Vec<(i64, String)> = order
        .lines
        .iter()
        .map(|(id, ..)| (*id, posted.field(&format!("qty_{id}"))))
        .collect();
    let order_lines: Vec<OrderLine> = order
        .lines
        .iter()
        .map(|(id, _, _, q)| OrderLine {
            id: *id,
            quantity: u32::try_from(*q).unwrap_or(0),
        })
        .collect();
    let checked = cases::check_new(
        &posted.field("kind"),
        &posted.field("description"),
        &typed,
        &order_lines,
    );
    let photos = files::check(&posted.files, locale);
    let (new, photos) = match (checked, photos) {
        (Ok(new), Ok(photos)) => (new, photos),
        (checked, photos) => {
            let mut errors = Vec::new();
            let mut line_errors = Vec::new();
            for p in checked.err().unwrap_or_default() {
                match p {
                    Problem::Kind => errors.push(("kind", locale.t("case-error-kind"))),
                    Problem::DescriptionShort => errors.push((
                        "description",
                        locale.t_args(
                            "case-error-description-short",
                            &[("count", cases::DESCRIPTION_MIN.to_string())],
                        ),
                    )),
                    Problem::DescriptionLong => errors.push((
                        "description",
                        locale.t_args(
                            "case-error-description-long",
                            &[("count", cases::TEXT_MAX.to_string())],
                        ),
                    )),
                    Problem::LinesNeeded => errors.push(("lines", locale.t("case-error-lines"))),
                    Problem::Line(id) => {
                        let ordered = order.lines.iter().find(|l| l.0 == id).map_or(0, |l| l.3);
                        line_errors.push((
                            id,
                            locale.t_args("case-error-line", &[("count", ordered.to_string())]),
                        ));
                    }
                }
            }
            if !line_errors.is_empty() && errors.iter().all(|(f, _)| *f != "lines") {
                errors.push(("lines", locale.t("case-error-line-summary")));
            }
            match photos {
                Err(message) => errors.push(("photos", message)),
                Ok(ok) if !ok.is_empty() => {
                    errors.push(("photos", locale.t("case-photos-choose-again")))
                }
                Ok(_) => {}
            }
            let response = expected_response(&state).await?;
            let v = view(
                &order,
                Some(&posted),
                email,
                response,
                errors,
                &line_errors,
                locale,
            );
            return render_new(ctx, v, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let now = chrono::Utc::now().naive_utc();
    let Posted { files: uploads, .. } = posted;
    let stored = files::save(&state.attachments_dir, uploads, photos).await?;
    let record = store::NewCase {
        user_id,
        company_id: order.company_id,
        order_id: Some(order.order.id),
        email: email.clone(),
        locale: locale.code().to_string(),
        kind: new.kind.to_string(),
        subject: format!(
            "{} · {}",
            super::kind_label(new.kind, locale),
            order.order.number
        ),
        description: new.description.clone(),
        lines: new.lines.clone(),
        files: stored.clone(),
        targets: state.settings.support.targets(),
        now,
    };
    let base = state.public_base_url();
    let support = state.settings.support.email.clone();
    let shop_locale = state.default_locale;
    let response = expected_response(&state).await?;
    let when = super::span(response, locale);
    let created = db::run_write(&state.pool, move |c| {
        let (number, token) = store::create(c, &record)?;
        let args = |link: String| {
            vec![
                ("number", number.clone()),
                ("link", link),
                ("when", when.clone()),
                ("topic", record.subject.clone()),
            ]
        };
        Mail::case_update(
            locale,
            &record.email,
            "opened",
            &args(format!("{base}{}", super::case_url(&number, &token))),
        )
        .enqueue(c)?;
        Mail::case_update(
            shop_locale,
            &support,
            "new",
            &args(format!("{base}/admin/cases/{number}")),
        )
        .enqueue(c)?;
        Ok((number, token))
    })
    .await;
    let (number, token) = match created {
        Ok(done) => done,
        Err(e) => {
            files::discard(&state.attachments_dir, &stored);
            return Err(e.into());
        }
    };
    crate::auth::session::flash(&session, "case-created");
    Ok(see_other(super::case_url(&number, &token)))
}
