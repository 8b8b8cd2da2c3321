//! Product files: `GET /admin/products/export.csv` (the list's filters apply; streamed a batch
//! at a time, so the whole catalog never sits in memory), `GET|POST /admin/products/import`
//! (upload a file: it is checked in the background — a dry run with a report — and nothing is
//! saved), `GET|POST /admin/products/import/{id}` (the job's progress and report; "Import" once
//! the dry run found no problems).

use super::import_job::{self, Problem, Report};
use super::*;
use crate::db::product_files as files_store;
use crate::domain::export::safe;
use crate::domain::product_import::{self as rules, COLUMNS};
use crate::web::cases::files as upload;
use crate::web::{render_status, see_other};
use actix_multipart::Multipart;
use actix_web::http::StatusCode;

const IMPORT: &str = "/admin/products/import";
/// Products read per batch of an export.
const EXPORT_BATCH: i64 = 1_000;

/// `GET /admin/products/export.csv?q=&category=&state=&audience=`.
pub async fn export(
    staff: StaffUser,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let filter = filter_of(&query.into_inner()).0;
    let header = {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record(COLUMNS);
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        bytes.extend(w.into_inner().unwrap_or_default());
        bytes
    };
    let names = std::sync::Arc::new(db::run(&state.pool, files_store::export_names).await?);
    let pool = state.pool.clone();
    let body = futures_util::stream::unfold((Some(0_i64), Some(header)), move |(after, header)| {
        let pool = pool.clone();
        let filter = filter.clone();
        let names = names.clone();
        async move {
            if let Some(h) = header {
                return Some((
                    Ok::<_, actix_web::Error>(web::Bytes::from(h)),
                    (after, None),
                ));
            }
            let after = after?;
            let batch = db::run(&pool, move |c| {
                files_store::export_batch(c, &filter, &names, after, EXPORT_BATCH)
            })
            .await;
            let batch = match batch {
                Ok(b) => b,
                Err(e) => {
                    tracing::error!(error = %e, "product export stopped");
                    return None;
                }
            };
            let last = batch.last().map(|(id, _)| *id)?;
            let mut w = csv::Writer::from_writer(Vec::new());
            for (_, p) in &batch {
                let row = rules::export_row(&p.fields, &p.category_slug, &p.brand, p.price_minor);
                let _ = w.write_record(row.iter().map(|c| safe(c)));
            }
            let bytes = w.into_inner().unwrap_or_default();
            let next = (batch.len() as i64 == EXPORT_BATCH).then_some(last);
            Some((Ok(web::Bytes::from(bytes)), (next, None)))
        }
    });
    let name = format!("products-{}.csv", chrono::Utc::now().format("%Y-%m-%d"));
    Ok(HttpResponse::Ok()
        .insert_header(("content-type", "text/csv; charset=utf-8"))
        .insert_header((
            "content-disposition",
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header(("cache-control", "private, no-store"))
        .streaming(body))
}

/// A job in the list of recent imports.
pub struct JobRow {
    pub id: i64,
    pub file_name: String,
    pub state: String,
    pub when: String,
}

#[derive(Template)]
#[template(path = "admin/product_import.html")]
pub struct ImportPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub error: Option<String>,
    pub columns: String,
    pub jobs: Vec<JobRow>,
}

fn state_label(ctx: &PageContext, state: &str) -> String {
    ctx.t(&format!("import-state-{state}"))
}

async fn import_page(
    state: &AppState,
    ctx: PageContext,
    staff: &StaffUser,
    error: Option<String>,
) -> Result<ImportPage, AppError> {
    let jobs = db::run(&state.pool, |c| files_store::recent_jobs(c, 10)).await?;
    Ok(ImportPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        error,
        columns: COLUMNS.join(", "),
        jobs: jobs
            .into_iter()
            .map(|j| JobRow {
                id: j.id,
                file_name: j.file_name,
                state: state_label(&ctx, &j.state),
                when: crate::web::b2b::demos::when_label(state, j.created_at, ctx.locale),
            })
            .collect(),
        ctx,
    })
}

/// `GET /admin/products/import`.
pub async fn import_form(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let ctx = nav::staff_context(&req, &staff);
    render(&import_page(&state, ctx, &staff, None).await?)
}

/// `POST /admin/products/import` (multipart, field `file`): stores the file and starts the
/// dry run.
pub async fn upload(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    parts: Multipart,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let posted = upload::read_files(parts, "file", 1, rules::MAX_BYTES).await;
    let ctx = nav::staff_context(&req, &staff);
    let problem = match posted.files.first() {
        None => Some("import-choose-file"),
        Some(f) if f.too_large => Some("import-too-large"),
        Some(f) if f.bytes.is_empty() => Some("import-empty"),
        Some(_) => None,
    };
    if let Some(key) = problem {
        let message = ctx.locale.t_args(
            key,
            &[("size", (rules::MAX_BYTES / 1024 / 1024).to_string())],
        );
        let page = import_page(&state, ctx, &staff, Some(message)).await?;
        return render_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let Some(file) = posted.files.into_iter().next() else {
        return Err(AppError::BadRequest("no file".into()));
    };
    let dir = import_job::imports_dir(&state);
    let stored_name = format!("{}.csv", db::tokens::random_token());
    let path = dir.join(&stored_name);
    let bytes = file.bytes;
    web::block(move || {
        std::fs::create_dir_all(&dir)?;
        std::fs::write(path, bytes)
    })
    .await
    .map_err(|e| AppError::Internal(anyhow::anyhow!("import storage panicked: {e}")))?
    .map_err(|e| AppError::Internal(anyhow::anyhow!("could not store an import file: {e}")))?;
    let actor = staff.user.id;
    let now = chrono::Utc::now().naive_utc();
    let name = file.name.clone();
    let id = db::run_write(&state.pool, move |c| {
        let id = files_store::create_job(c, actor, &name, &stored_name, now)?;
        crate::db::audit::log(
            c,
            Some(actor),
            "product_import_check",
            "product_import",
            &id.to_string(),
        )?;
        Ok(id)
    })
    .await?;
    actix_web::rt::spawn(import_job::work(state.clone(), id, false));
    Ok(see_other(format!("{IMPORT}/{id}")))
}

/// A row problem in words.
pub struct ProblemView {
    pub line: u64,
    pub sku: String,
    pub column: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "admin/product_import_job.html")]
pub struct JobPage {
    pub ctx: PageContext,
    pub nav: Vec<NavItem>,
    pub id: i64,
    pub file_name: String,
    pub state: String,
    pub state_code: String,
    /// Still working: the page refreshes itself (with JS) and offers a link (without).
    pub working: bool,
    pub done_rows: i32,
    pub total_rows: i32,
    /// "12 new products, 30 changed".
    pub summary: String,
    pub file_problem: Option<String>,
    pub problems: Vec<ProblemView>,
    /// "and 40 more problems" past the report's first 200.
    pub more_problems: Option<String>,
    pub ignored: String,
    pub can_run: bool,
}

fn problem_text(ctx: &PageContext, p: &Problem) -> String {
    ctx.locale.t_args(&p.key, &[("count", p.count.to_string())])
}

/// A file problem key, with its detail after a colon (`import-repeated:SKU`).
fn file_problem_text(ctx: &PageContext, key: &str) -> String {
    let (key, detail) = key.split_once(':').unwrap_or((key, ""));
    ctx.locale.t_args(
        key,
        &[
            ("name", detail.to_string()),
            ("count", detail.to_string()),
            ("size", (rules::MAX_BYTES / 1024 / 1024).to_string()),
            ("max", rules::MAX_ROWS.to_string()),
        ],
    )
}

/// `GET /admin/products/import/{id}`.
pub async fn job(
    req: HttpRequest,
    staff: StaffUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let job = db::run(&state.pool, move |c| files_store::job(c, id))
        .await?
        .ok_or(AppError::NotFound)?;
    let ctx = nav::staff_context(&req, &staff);
    let report: Report = serde_json::from_str(&job.report).unwrap_or_default();
    let summary = ctx.locale.t_args(
        if job.state == "done" {
            "import-summary-done"
        } else {
            "import-summary"
        },
        &[
            ("count", job.new_count.to_string()),
            ("changed", job.update_count.to_string()),
            ("problems", job.error_count.to_string()),
            ("unchanged", report.unchanged.to_string()),
        ],
    );
    let shown = i32::try_from(report.rows.len()).unwrap_or(0);
    let page = JobPage {
        nav: nav::menu(&ctx, staff.role, PATH),
        id,
        file_name: job.file_name,
        state: state_label(&ctx, &job.state),
        working: matches!(job.state.as_str(), "checking" | "running"),
        state_code: job.state.clone(),
        done_rows: job.done_rows,
        total_rows: job.total_rows.max(job.done_rows),
        summary,
        file_problem: report.file.as_deref().map(|k| file_problem_text(&ctx, k)),
        problems: report
            .rows
            .iter()
            .map(|p| ProblemView {
                line: p.line,
                sku: p.sku.clone(),
                column: p.column.clone(),
                message: problem_text(&ctx, p),
            })
            .collect(),
        more_problems: match job.error_count - shown {
            n if n > 0 => Some(ctx.locale.t_count("import-more-problems", i64::from(n))),
            _ => None,
        },
        ignored: report.ignored.join(", "),
        can_run: job.state == "checked" && job.error_count == 0,
        ctx,
    };
    Ok(crate::web::cache_control(
        render(&page)?,
        "private, no-store",
    ))
}

/// `POST /admin/products/import/{id}`: saves a checked file's products.
pub async fn run(
    staff: StaffUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    staff.require(nav::allowed(PATH))?;
    let id = id.into_inner();
    let actor = staff.user.id;
    let now = chrono::Utc::now().naive_utc();
    let started = db::run_write(&state.pool, move |c| {
        let started = files_store::start_run(c, id, now)?;
        if started {
            crate::db::audit::log(
                c,
                Some(actor),
                "product_import_run",
                "product_import",
                &id.to_string(),
            )?;
        }
        Ok(started)
    })
    .await?;
    if started {
        actix_web::rt::spawn(import_job::work(state.clone(), id, true));
    }
    Ok(see_other(format!("{IMPORT}/{id}")))
}
