//! One request: `GET /b2b/demos/{number}` and `POST /b2b/demos/{number}/withdraw`.

use super::*;

#[derive(Template)]
#[template(path = "b2b/demo.html")]
pub struct DemoPage {
    pub ctx: PageContext,
    pub number: String,
    pub topic: String,
    pub status: String,
    pub status_code: &'static str,
    pub requester: String,
    pub preferred: String,
    pub format: String,
    pub attendees: i32,
    pub phone: String,
    pub message: String,
    pub demo: Option<(String, String)>,
    pub when: Option<String>,
    pub meeting_details: Option<String>,
    pub staff_note: Option<String>,
    pub created: String,
    pub can_withdraw: bool,
}

/// The request `number` as `member` may see it (404 otherwise).
async fn visible(
    state: &AppState,
    member: &CompanyMember,
    number: String,
) -> Result<DemoRow, AppError> {
    let company = member.company.id;
    let row = db::run(&state.pool, move |c| {
        db::demos::find(c, &number, Some(company))
    })
    .await?
    .ok_or(AppError::NotFound)?;
    if sees_all(member.role) || row.requested_by == member.user.id {
        Ok(row)
    } else {
        Err(AppError::NotFound)
    }
}

/// Whether `member` may withdraw it: the requester or a company admin, while it is open.
fn may_withdraw(member: &CompanyMember, d: &DemoRow) -> bool {
    (d.requested_by == member.user.id || member.role == CompanyRole::Admin)
        && next(d.status(), Action::Withdraw, false).is_some()
}

/// `GET /b2b/demos/{number}`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    number: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let member = CompanyMember::of(&principal, PATH)?;
    let d = visible(&state, &member, number.into_inner()).await?;
    let can_withdraw = may_withdraw(&member, &d);
    let demo_title = match &d.demo_slug {
        Some(slug) => demo_page(&state, slug).await?.map(|p| (p.1, p.2)),
        None => None,
    };
    let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
    let locale = ctx.locale;
    let scheduled = d.status() == Status::Scheduled || d.status() == Status::Held;
    let page = DemoPage {
        status: status_label(d.status(), locale),
        status_code: d.status().code(),
        preferred: preferred_label(&d, locale),
        format: format_label(d.format(), locale),
        when: d
            .scheduled_at
            .filter(|_| scheduled)
            .map(|t| when_label(&state, t, locale)),
        meeting_details: d.meeting_details.clone().filter(|_| scheduled),
        staff_note: d
            .staff_note
            .clone()
            .filter(|_| d.status() == Status::Cancelled),
        created: locale.date(d.created_at),
        demo: demo_title,
        can_withdraw,
        attendees: d.attendees,
        phone: d.phone.unwrap_or_default(),
        message: d.message,
        requester: d.requester,
        topic: d.topic,
        number: d.number,
        ctx,
    };
    Ok(crate::web::cache_control(render(&page)?, "no-store"))
}

/// `POST /b2b/demos/{number}/withdraw`.
pub async fn withdraw(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    number: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let member = CompanyMember::of(&principal, PATH)?;
    let d = visible(&state, &member, number.into_inner()).await?;
    if d.requested_by != member.user.id && member.role != CompanyRole::Admin {
        return Err(AppError::Forbidden);
    }
    let Some(to) = next(d.status(), Action::Withdraw, false) else {
        session::flash(&session, "demo-not-now");
        return Ok(see_other(format!("{PATH}/{}", d.number)));
    };
    let now = chrono::Utc::now().naive_utc();
    let base = state.public_base_url();
    let default = state.default_locale;
    let (id, from, url) = (d.id, d.status(), format!("{PATH}/{}", d.number));
    let moved = db::run_write(&state.pool, move |c| {
        let changes = db::demos::Changes::default();
        if !db::demos::apply(c, id, from, to, &changes, now)? {
            return Ok(false);
        }
        let args = vec![
            ("number", d.number.clone()),
            ("company", d.company.clone()),
            ("topic", d.topic.clone()),
            ("link", format!("{base}/admin/demos/{}", d.number)),
        ];
        for (email, lang) in db::demos::shop_side(c, d.assigned_to)? {
            let their = lang.as_deref().and_then(Locale::parse).unwrap_or(default);
            Mail::demo_update(their, &email, "withdrawn", &args).enqueue(c)?;
        }
        Ok(true)
    })
    .await?;
    session::flash(
        &session,
        if moved {
            "demo-withdrawn"
        } else {
            "demo-not-now"
        },
    );
    Ok(see_other(url))
}
