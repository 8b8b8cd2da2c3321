//! One demo request for staff: its page and the moves (schedule, hold, cancel).

use super::*;

#[derive(Template)]
#[template(path = "admin/demo.html")]
pub struct DemoPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub number: String,
    pub status: String,
    pub company: String,
    pub industry: String,
    pub requester: String,
    pub requester_email: String,
    pub phone: String,
    pub topic: String,
    pub preferred: String,
    pub requested_format: String,
    pub attendees: i32,
    pub message: String,
    pub demo: Option<String>,
    pub assigned: String,
    pub when: String,
    pub meeting_details_now: String,
    pub staff_note: String,
    pub can_schedule: bool,
    pub can_hold: bool,
    pub can_cancel: bool,
    pub scheduled_at: String,
    pub formats: Vec<Choice>,
    pub meeting_details: String,
    pub reason: String,
    pub errors: Vec<(&'static str, String)>,
    pub alert: Option<String>,
    pub zone: String,
    pub min_at: String,
}

impl DemoPage {
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

#[derive(Deserialize, Default)]
pub struct ActForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    scheduled_at: String,
    #[serde(default)]
    format: String,
    #[serde(default)]
    meeting_details: String,
    #[serde(default)]
    reason: String,
}

#[derive(Default)]
struct Sent {
    form: Option<ActForm>,
    errors: Vec<(&'static str, String)>,
    alert: Option<String>,
}

fn clip(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

async fn demo_page(
    req: &HttpRequest,
    staff: &StaffUser,
    state: &AppState,
    number: String,
    sent: Sent,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (d, assigned) = db::run(&state.pool, move |c| {
        let Some(d) = db::demos::find(c, &number, None)? else {
            return Ok(None);
        };
        let assigned = match d.assigned_to {
            Some(id) => db::demos::staff_name(c, id)?,
            None => None,
        };
        Ok(Some((d, assigned)))
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let ctx = nav::staff_context(req, staff);
    let locale = ctx.locale;
    let now = chrono::Utc::now().naive_utc();
    let st = d.status();
    let due = d.scheduled_at.is_some_and(|t| t <= now);
    let form = sent.form.unwrap_or_else(|| ActForm {
        scheduled_at: d
            .scheduled_at
            .map(|t| state.to_local(t).format("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_default(),
        format: d.format.clone(),
        meeting_details: d.meeting_details.clone().unwrap_or_default(),
        ..ActForm::default()
    });
    let zone_now = chrono::Utc::now().with_timezone(&state.time_zone);
    let page = DemoPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        status: status_label(st, locale),
        preferred: preferred_label(&d, locale),
        requested_format: format_label(d.format(), locale),
        when: d
            .scheduled_at
            .filter(|_| st != Status::Requested)
            .map(|t| when_label(state, t, locale))
            .unwrap_or_default(),
        meeting_details_now: d.meeting_details.clone().unwrap_or_default(),
        staff_note: d.staff_note.clone().unwrap_or_default(),
        can_schedule: next(st, Action::Schedule, due).is_some(),
        can_hold: next(st, Action::Hold, due).is_some(),
        can_cancel: next(st, Action::Cancel, due).is_some(),
        scheduled_at: clip(&form.scheduled_at, 25),
        formats: Format::ALL
            .iter()
            .map(|f| Choice {
                value: f.code(),
                label: format_label(*f, locale),
                checked: f.code() == form.format.trim(),
            })
            .collect(),
        meeting_details: clip(&form.meeting_details, demos::DETAILS_MAX + 100),
        reason: clip(&form.reason, demos::MESSAGE_MAX + 100),
        errors: sent.errors,
        alert: sent.alert,
        zone: format!("{} ({})", state.time_zone.name(), zone_now.format("%Z")),
        min_at: zone_now.format("%Y-%m-%dT%H:%M").to_string(),
        assigned: assigned.unwrap_or_default(),
        demo: d.demo_slug.clone(),
        attendees: d.attendees,
        phone: d.phone.clone().unwrap_or_default(),
        message: d.message.clone(),
        topic: d.topic.clone(),
        industry: locale.t(&format!("industry-{}", d.industry)),
        requester_email: d.requester_email.clone(),
        requester: d.requester.clone(),
        company: d.company.clone(),
        number: d.number.clone(),
        ctx,
    };
    render_status(&page, status)
}

/// `GET /admin/demos/{number}`.
pub async fn show(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    number: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    demo_page(
        &req,
        &staff,
        &state,
        number.into_inner(),
        Sent::default(),
        StatusCode::OK,
    )
    .await
}

/// `POST /admin/demos/{number}`.
pub async fn act(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    session: actix_session::Session,
    number: web::Path<String>,
    form: web::Form<ActForm>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let number = number.into_inner();
    let form = form.into_inner();
    let locale = nav::staff_context(&req, &staff).locale;
    let action = match Action::parse(&form.action) {
        Some(a @ (Action::Schedule | Action::Hold | Action::Cancel)) => a,
        _ => return Err(AppError::BadRequest("unknown demo action".into())),
    };
    let lookup = number.clone();
    let d = db::run(&state.pool, move |c| db::demos::find(c, &lookup, None))
        .await?
        .ok_or(AppError::NotFound)?;
    let now = chrono::Utc::now().naive_utc();
    let due = d.scheduled_at.is_some_and(|t| t <= now);
    let Some(to) = next(d.status(), action, due) else {
        let sent = Sent {
            alert: Some(locale.t("demo-not-now")),
            form: Some(form),
            ..Sent::default()
        };
        return demo_page(&req, &staff, &state, number, sent, StatusCode::CONFLICT).await;
    };
    let mut changes = Changes {
        assign_to: Some(staff.user.id),
        ..Changes::default()
    };
    let mut errors: Vec<(&'static str, String)> = Vec::new();
    match action {
        Action::Schedule => {
            let checked = demos::check_schedule(
                &ScheduleInput {
                    at: &form.scheduled_at,
                    format: &form.format,
                    details: &form.meeting_details,
                },
                state.local_now(),
            );
            match checked {
                Ok(s) => {
                    changes.scheduled_at = Some(state.to_utc(s.at));
                    changes.format = Some(s.format);
                    changes.meeting_details = Some(s.details);
                }
                Err(e) => errors.extend(e.into_iter().map(|(f, k)| (f, locale.t(k)))),
            }
        }
        Action::Cancel => match demos::check_reason(&form.reason) {
            Ok(r) => changes.staff_note = Some(r),
            Err(k) => errors.push(("reason", locale.t(k))),
        },
        _ => {}
    }
    if !errors.is_empty() {
        let sent = Sent {
            alert: Some(locale.t("demo-fix-errors")),
            errors,
            form: Some(form),
        };
        return demo_page(
            &req,
            &staff,
            &state,
            number,
            sent,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let (id, from, actor) = (d.id, d.status(), staff.user.id);
    let base = state.public_base_url();
    let default = state.default_locale;
    let when = changes.scheduled_at.map(|t| {
        let their = d
            .requester_locale
            .as_deref()
            .and_then(Locale::parse)
            .unwrap_or(default);
        (their, when_label(&state, t, their))
    });
    let demo = d.clone();
    let moved = db::run_write(&state.pool, move |c| {
        if !db::demos::apply(c, id, from, to, &changes, now)? {
            return Ok(false);
        }
        let after = match (&changes.scheduled_at, &changes.staff_note) {
            (Some(at), _) => format!("{} {}", to.code(), at.format("%Y-%m-%d %H:%M UTC")),
            (None, Some(reason)) => format!("{}: {reason}", to.code()),
            _ => to.code().to_string(),
        };
        audit::record(
            c,
            &audit::Entry {
                actor_user_id: Some(actor),
                action: &format!("demo_{}", action.code()),
                subject_type: "demo_request",
                subject_id: &demo.number,
                before: Some(from.code()),
                after: Some(&after),
            },
        )?;
        let their = demo
            .requester_locale
            .as_deref()
            .and_then(Locale::parse)
            .unwrap_or(default);
        let link = format!("{base}/b2b/demos/{}", demo.number);
        let mut args = vec![
            ("number", demo.number.clone()),
            ("topic", demo.topic.clone()),
            ("link", link),
        ];
        let what = match action {
            Action::Schedule => {
                args.push(("when", when.map(|w| w.1).unwrap_or_default()));
                args.push((
                    "details",
                    changes.meeting_details.clone().unwrap_or_default(),
                ));
                Some("scheduled")
            }
            Action::Cancel => {
                args.push(("reason", changes.staff_note.clone().unwrap_or_default()));
                Some("cancelled")
            }
            _ => None,
        };
        if let Some(what) = what {
            Mail::demo_update(their, &demo.requester_email, what, &args).enqueue(c)?;
        }
        Ok(true)
    })
    .await?;
    if !moved {
        let sent = Sent {
            alert: Some(locale.t("demo-not-now")),
            ..Sent::default()
        };
        return demo_page(&req, &staff, &state, number, sent, StatusCode::CONFLICT).await;
    }
    session::flash(&session, &format!("admin-demo-done-{}", action.code()));
    Ok(see_other(format!("{PATH}/{number}")))
}
