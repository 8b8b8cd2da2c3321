//! `GET /b2b/demos/new` and `POST /b2b/demos`: the request form, checked as a whole, saved,
//! and told to the sales representatives with a receipt for the buyer.

use super::*;

#[derive(Template)]
#[template(path = "b2b/demo_new.html")]
pub struct NewDemoPage {
    pub ctx: PageContext,
    /// The demo page it was asked from: (slug, title).
    pub demo: Option<(String, String)>,
    pub topic: String,
    pub preferred_date: String,
    pub times: Vec<Choice>,
    pub formats: Vec<Choice>,
    pub attendees: String,
    pub phone: String,
    pub message: String,
    pub min_date: String,
    pub max_date: String,
    pub errors: Vec<(&'static str, String)>,
    pub alert: Option<String>,
}

impl NewDemoPage {
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

#[derive(Deserialize, Default)]
pub struct DemoForm {
    #[serde(default)]
    demo: String,
    #[serde(default)]
    topic: String,
    #[serde(default)]
    preferred_date: String,
    #[serde(default)]
    time_of_day: String,
    #[serde(default)]
    format: String,
    #[serde(default)]
    attendees: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    message: String,
}

fn clip(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

fn new_page(
    ctx: PageContext,
    state: &AppState,
    demo: Option<(String, String)>,
    form: &DemoForm,
    errors: Vec<(&'static str, String)>,
) -> NewDemoPage {
    let locale = ctx.locale;
    let today = state.local_now().date();
    let alert = (!errors.is_empty()).then(|| locale.t("demo-fix-errors"));
    NewDemoPage {
        times: choices(
            &TimeOfDay::ALL,
            TimeOfDay::code,
            |t| locale.t(&format!("demo-time-{}", t.code())),
            form.time_of_day.trim(),
        ),
        formats: choices(
            &Format::ALL,
            Format::code,
            |f| format_label(f, locale),
            form.format.trim(),
        ),
        topic: clip(&form.topic, demos::TOPIC_MAX + 50),
        preferred_date: clip(&form.preferred_date, 20),
        attendees: clip(&form.attendees, 10),
        phone: clip(&form.phone, 40),
        message: clip(&form.message, demos::MESSAGE_MAX + 100),
        min_date: (today + chrono::Duration::days(1))
            .format("%Y-%m-%d")
            .to_string(),
        max_date: (today + chrono::Duration::days(AHEAD_MAX_DAYS))
            .format("%Y-%m-%d")
            .to_string(),
        demo,
        errors,
        alert,
        ctx,
    }
}

#[derive(Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    demo: String,
}

/// `GET /b2b/demos/new` (`?demo={slug}` names the demo page it was asked from).
pub async fn new(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<NewQuery>,
) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    CompanyMember::of(&principal, "/b2b/demos/new")?;
    let demo = demo_page(&state, &query.demo).await?;
    let form = DemoForm {
        topic: demo.as_ref().map(|d| d.2.clone()).unwrap_or_default(),
        time_of_day: TimeOfDay::Any.code().into(),
        format: Format::Online.code().into(),
        attendees: "1".into(),
        ..DemoForm::default()
    };
    let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
    let page = new_page(ctx, &state, demo.map(|d| (d.1, d.2)), &form, Vec::new());
    render(&page)
}

/// `POST /b2b/demos`: `demo`, `topic`, `preferred_date`, `time_of_day`, `format`, `attendees`,
/// `phone`, `message`.
pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<DemoForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let principal = Principal::of(&req).await?;
    let member = CompanyMember::of(&principal, "/b2b/demos/new")?;
    let locale = crate::web::context::request_locale(&req, &principal, state.default_locale);
    let demo = demo_page(&state, &form.demo).await?;
    let checked = demos::check_request(
        &RequestInput {
            topic: &form.topic,
            preferred_date: &form.preferred_date,
            time_of_day: &form.time_of_day,
            format: &form.format,
            attendees: &form.attendees,
            phone: &form.phone,
            message: &form.message,
        },
        state.local_now().date(),
    );
    let request = match checked {
        Ok(r) => r,
        Err(errors) => {
            let errors = errors
                .into_iter()
                .map(|(field, key)| (field, locale.t(key)))
                .collect();
            let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
            let page = new_page(ctx, &state, demo.map(|d| (d.1, d.2)), &form, errors);
            return render_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let (company, company_name, me) = (
        member.company.id,
        member.company.name.clone(),
        member.user.id,
    );
    let (my_email, my_locale) = (member.user.email.clone(), locale);
    let now = chrono::Utc::now().naive_utc();
    let base = state.public_base_url();
    let default = state.default_locale;
    let content = demo.map(|d| d.0);
    let number = db::run_write(&state.pool, move |c| {
        let number = db::demos::create(c, company, me, content, &request, now)?;
        let args = |link: String| {
            vec![
                ("number", number.clone()),
                ("company", company_name.clone()),
                ("topic", request.topic.clone()),
                ("link", link),
            ]
        };
        for (email, lang) in db::demos::shop_side(c, None)? {
            let their = lang.as_deref().and_then(Locale::parse).unwrap_or(default);
            let link = format!("{base}/admin/demos/{number}");
            Mail::demo_update(their, &email, "requested", &args(link)).enqueue(c)?;
        }
        let link = format!("{base}{PATH}/{number}");
        Mail::demo_update(my_locale, &my_email, "received", &args(link)).enqueue(c)?;
        Ok(number)
    })
    .await?;
    session::flash(&session, "demo-requested");
    Ok(see_other(format!("{PATH}/{number}")))
}
