//! Staff accounts, for administrators: `GET /admin/staff` (everyone with their role, switched
//! off or waiting for their invitation; searched and filtered by role and state), `POST /admin/staff` (add a person: name, e-mail, role;
//! they get an e-mail to choose a password) and `POST /admin/staff/{id}` (role, switched off).
//! Nobody changes their own role or switches themselves off, and the last active administrator
//! stays one (`domain::staff_form::may_change`). A switched-off account's sessions end on their
//! next request. Audited.

use super::nav::{self, Choice, NavItem};
use crate::auth::{StaffUser, session};
use crate::db::{self, audit, staff as store, tokens};
use crate::domain::accounts::StaffRole;
use crate::domain::staff_form::{Change, check_new, may_change};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::mail::{self, Mail};
use crate::web::{PageContext, render, render_status, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Duration;
use serde::Deserialize;

const PATH: &str = "/admin/staff";

pub struct PersonView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub roles: Vec<Choice>,
    pub disabled: bool,
    pub invited: bool,
    pub me: bool,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/staff.html")]
pub struct StaffPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub people: Vec<PersonView>,
    /// The list's search and filters as asked.
    pub q: String,
    pub role_filter: Vec<nav::OptionView>,
    pub state_filter: Vec<nav::OptionView>,
    pub form: NewForm,
    pub roles: Vec<Choice>,
    pub errors: Vec<(&'static str, String)>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl StaffPage {
    pub fn error(&self, field: &str) -> Option<&str> {
        nav::field_error(&self.errors, field)
    }
}

#[derive(Deserialize, Default, Clone)]
pub struct NewForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub role: String,
}

fn role_choices(ctx: &PageContext, selected: &str) -> Vec<Choice> {
    StaffRole::ALL
        .iter()
        .map(|r| Choice {
            value: r.code(),
            label: ctx.t(&format!("staff-role-{}", r.code().replace('_', "-"))),
            selected: r.code() == selected,
        })
        .collect()
}

/// `GET /admin/staff?q=&role=&state=`: words in the name or e-mail address, a role, and
/// active / switched off / invited (not yet signed in).
#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    page: Option<i64>,
}

const STATES: [&str; 3] = ["active", "off", "invited"];

impl ListQuery {
    fn state(&self) -> Option<&'static str> {
        STATES.into_iter().find(|s| *s == self.state)
    }

    fn role(&self) -> Option<StaffRole> {
        StaffRole::parse(&self.role)
    }

    fn keeps(&self, words: &[String], r: &store::StaffRow) -> bool {
        let invited = r.password_hash.starts_with('!');
        crate::domain::faq::matches(words, &r.name, &r.email)
            && self
                .role()
                .is_none_or(|role| r.role.as_deref() == Some(role.code()))
            && match self.state() {
                Some("active") => !r.disabled && !invited,
                Some("off") => r.disabled,
                Some("invited") => invited && !r.disabled,
                _ => true,
            }
    }
}

async fn page(
    state: &AppState,
    ctx: PageContext,
    staff: &StaffUser,
    form: NewForm,
    errors: Vec<(&'static str, String)>,
    row_error: Option<(i64, String)>,
    query: ListQuery,
) -> Result<StaffPage, AppError> {
    let rows = db::run(&state.pool, store::list).await?;
    let q: String = query.q.trim().chars().take(100).collect();
    let words = crate::domain::faq::words(&q);
    let codes: Vec<&str> = StaffRole::ALL.iter().map(|r| r.code()).collect();
    let people: Vec<PersonView> = rows
        .into_iter()
        // A shop has tens of staff: filtered here.
        .filter(|r| query.keeps(&words, r))
        .map(|r| PersonView {
            roles: role_choices(&ctx, r.role.as_deref().unwrap_or_default()),
            invited: r.password_hash.starts_with('!'),
            me: r.id == staff.user.id,
            error: row_error
                .as_ref()
                .filter(|(id, _)| *id == r.id)
                .map(|(_, e)| e.clone()),
            id: r.id,
            name: r.name,
            email: r.email,
            disabled: r.disabled,
        })
        .collect();
    // A refused row is shown on its page, with its message.
    let asked = people
        .iter()
        .position(|p| p.error.is_some())
        .map(nav::page_of_index)
        .or(query.page);
    let (people, prev, next) = nav::page_in_memory(people, asked, |n| {
        format!(
            "{PATH}?q={}&role={}&state={}&page={n}",
            crate::web::url_encode(&q),
            query.role().map_or("", |r| r.code()),
            query.state().unwrap_or_default()
        )
    });
    Ok(StaffPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        role_filter: nav::filter_options(&ctx, query.role().map(|r| r.code()), &codes, |c| {
            ctx.t(&format!("staff-role-{}", c.replace('_', "-")))
        }),
        state_filter: nav::filter_options(&ctx, query.state(), &STATES, |s| {
            ctx.t(&format!("staff-state-{s}"))
        }),
        people,
        prev,
        next,
        roles: role_choices(&ctx, &form.role),
        q,
        form,
        errors,
        ctx,
    })
}

/// The list again with the new-person form as typed and what was wrong with it.
async fn refused_invite(
    state: &AppState,
    ctx: PageContext,
    staff: &StaffUser,
    form: NewForm,
    errors: Vec<(&'static str, String)>,
) -> Result<HttpResponse, AppError> {
    let page = page(state, ctx, staff, form, errors, None, ListQuery::default()).await?;
    render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
}

/// `GET /admin/staff`.
pub async fn list(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    let form = NewForm {
        role: "support_agent".into(),
        ..NewForm::default()
    };
    let page = page(
        &state,
        ctx,
        &staff,
        form,
        Vec::new(),
        None,
        query.into_inner(),
    )
    .await?;
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}

/// `POST /admin/staff`: adds a person and e-mails them the link to choose a password.
pub async fn invite(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    form: web::Form<NewForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let mut form = form.into_inner();
    form.name = form.name.chars().take(120).collect();
    form.email = form.email.chars().take(200).collect();
    let ctx = nav::staff_context(&req, &staff);
    let (name, email, role) = match check_new(&form.name, &form.email, &form.role) {
        Ok(ok) => ok,
        Err(e) => {
            let errors = e.into_iter().map(|(f, k)| (f, ctx.t(k))).collect();
            return refused_invite(&state, ctx, &staff, form, errors).await;
        }
    };
    let actor = staff.user.id;
    let now = chrono::Utc::now().naive_utc();
    let base = state.public_base_url();
    let locale = ctx.locale;
    let role_label = ctx.t(&format!("staff-role-{}", role.code().replace('_', "-")));
    let address = email.as_str().to_string();
    let sent = db::run_write(&state.pool, move |c| {
        let Some(user_id) = store::invite(c, &name, &address, role.code())? else {
            return Ok(None);
        };
        let token = tokens::issue(c, "invitation", user_id, now, Duration::days(7))?;
        let mail = Mail::staff_invitation(
            locale,
            &address,
            &name,
            &role_label,
            &format!("{base}/invitation?token={token}"),
        );
        mail.enqueue(c)?;
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "staff_invited",
                subject_type: "user",
                subject_id: &user_id.to_string(),
                before: None,
                after: Some(&format!("{address} {}", role.code())),
            },
        )?;
        Ok(Some(mail))
    })
    .await?;
    let Some(mail) = sent else {
        let errors = vec![("email", ctx.t("staff-email-taken"))];
        return refused_invite(&state, ctx, &staff, form, errors).await;
    };
    mail::log_queued(state.settings.environment, &mail);
    session::flash(&session, "staff-invited");
    Ok(see_other(PATH))
}

#[derive(Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    disabled: Option<String>,
}

/// `POST /admin/staff/{id}`: role and whether the account is switched off.
pub async fn change(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    id: web::Path<i64>,
    form: web::Form<ChangeForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let form = form.into_inner();
    let role =
        StaffRole::parse(&form.role).ok_or_else(|| AppError::BadRequest("unknown role".into()))?;
    let disabled = form.disabled.is_some();
    let actor = staff.user.id;
    let now = chrono::Utc::now().naive_utc();
    let outcome = db::run_write(&state.pool, move |c| {
        let Some(row) = store::find(c, id)? else {
            return Ok(None);
        };
        let was = row
            .role
            .as_deref()
            .and_then(StaffRole::parse)
            .unwrap_or(StaffRole::SupportAgent);
        let allowed = may_change(&Change {
            own: id == actor,
            was,
            was_disabled: row.disabled,
            role,
            disabled,
            active_administrators: store::active_administrators(c)?,
        });
        if let Err(key) = allowed {
            return Ok(Some(Err(key)));
        }
        store::update(c, id, role.code(), disabled, now)?;
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: "staff_changed",
                subject_type: "user",
                subject_id: &id.to_string(),
                before: Some(&format!(
                    "{} {}{}",
                    row.email,
                    was.code(),
                    if row.disabled { ", off" } else { "" }
                )),
                after: Some(&format!(
                    "{} {}{}",
                    row.email,
                    role.code(),
                    if disabled { ", off" } else { "" }
                )),
            },
        )?;
        Ok(Some(Ok(())))
    })
    .await?;
    match outcome {
        None => Err(AppError::NotFound),
        Some(Ok(())) => {
            session::flash(&session, "staff-saved");
            Ok(see_other(PATH))
        }
        Some(Err(key)) => {
            let ctx = nav::staff_context(&req, &staff);
            let message = ctx.t(key);
            let form = NewForm {
                role: "support_agent".into(),
                ..NewForm::default()
            };
            let page = page(
                &state,
                ctx,
                &staff,
                form,
                Vec::new(),
                Some((id, message)),
                ListQuery::default(),
            )
            .await?;
            render_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}
