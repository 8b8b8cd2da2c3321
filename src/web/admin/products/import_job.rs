//! The background work of a product import: the dry run that checks every row and writes the
//! report, and the run that saves checked rows in batches (checking each batch again, since the
//! catalog may have changed meanwhile). Both write their progress to the job row, which the
//! job's page shows.

use crate::db::{self, product_files as store};
use crate::domain::bulk_order::decode_up_to;
use crate::domain::product_form::Refusal;
use crate::domain::product_import::{self as rules, Row, SheetProblem};
use crate::startup::AppState;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Rows checked or saved per batch (one transaction when saving).
const BATCH: usize = 500;
/// Row problems kept for the report.
pub const REPORT_MAX: usize = 200;

/// One row's problem as the report keeps it (the message is made when the page is shown).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Problem {
    pub line: u64,
    pub sku: String,
    pub column: String,
    pub key: String,
    pub count: usize,
}

/// The report: a problem with the whole file, or the rows' problems (the first 200) and the
/// file's columns that were not ours.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Report {
    pub file: Option<String>,
    pub rows: Vec<Problem>,
    pub ignored: Vec<String>,
    /// Rows that would change nothing (skipped when importing).
    #[serde(default)]
    pub unchanged: i32,
}

fn sheet_problem_key(p: &SheetProblem) -> String {
    match p {
        SheetProblem::NoSku => "import-no-sku".into(),
        SheetProblem::Repeated(c) => format!("import-repeated:{c}"),
        SheetProblem::TooManyRows => "import-too-many-rows".into(),
        SheetProblem::Broken(line) => format!("import-broken:{line}"),
        SheetProblem::Empty => "import-empty".into(),
    }
}

/// What checking a batch found.
struct Checked {
    ready: Vec<store::Apply>,
    new_count: i32,
    update_count: i32,
    unchanged: i32,
    problems: Vec<Problem>,
}

/// Checks one batch of rows against the catalog as it is now. `seen` carries the SKUs and
/// addresses of earlier rows, so a file cannot name one product twice.
fn check_batch(
    c: &mut db::DbConn,
    rows: &[Row],
    lookups: &rules::Lookups,
    seen: &mut (HashSet<String>, HashMap<String, String>),
) -> Result<Checked, db::DbError> {
    let skus: Vec<String> = rows.iter().map(Row::sku).collect();
    let current = store::current(c, &skus)?;
    let mut out = Checked {
        ready: Vec::new(),
        new_count: 0,
        update_count: 0,
        unchanged: 0,
        problems: Vec::new(),
    };
    let mut checked = Vec::new();
    for row in rows {
        let sku = row.sku();
        let mut problem = |r: Refusal| Problem {
            line: row.line,
            sku: sku.clone(),
            column: r.field.to_string(),
            key: r.key.to_string(),
            count: r.count,
        };
        if !sku.is_empty() && !seen.0.insert(sku.clone()) {
            out.problems.push(problem(Refusal {
                field: "sku",
                key: "import-sku-twice",
                count: 0,
            }));
            continue;
        }
        let existing = current.get(&sku);
        match rules::check_row(row, existing.map(|(_, f)| f), lookups) {
            // A row that leaves the product as it is: nothing to save.
            Ok(ready) if existing.is_some_and(|(_, f)| same(f, &ready, lookups)) => {
                out.unchanged += 1;
            }
            Ok(ready) => checked.push((row.line, existing.map(|(id, f)| (*id, f)), ready)),
            Err(refused) => out.problems.extend(refused.into_iter().map(&mut problem)),
        }
    }
    // Addresses: not another product's, not two rows'.
    let slugs: Vec<String> = checked
        .iter()
        .map(|(_, _, r)| r.draft.slug.clone())
        .collect();
    let owners = store::slug_owner(c, &slugs)?;
    for (line, existing, ready) in checked {
        let slug = &ready.draft.slug;
        let sku = &ready.draft.sku;
        let taken_by_other = owners.get(slug).is_some_and(|owner| owner != sku)
            || seen.1.get(slug).is_some_and(|owner| owner != sku);
        if taken_by_other {
            out.problems.push(Problem {
                line,
                sku: sku.clone(),
                column: "slug".into(),
                key: "product-slug-taken".into(),
                count: 0,
            });
            continue;
        }
        seen.1.insert(slug.clone(), sku.clone());
        match existing {
            Some(_) => out.update_count += 1,
            None => out.new_count += 1,
        }
        out.ready.push(store::Apply {
            id: existing.map(|(id, _)| id),
            before: existing.map(|(_, f)| format!("{} {} [{} excl. VAT]", f.sku, f.name, f.price)),
            draft: ready.draft,
            active: ready.active,
            featured: ready.featured,
        });
    }
    Ok(out)
}

/// Whether a checked row is the product as it stands (its current values checked alike).
fn same(
    current: &crate::domain::product_form::Fields,
    ready: &rules::Ready,
    lookups: &rules::Lookups,
) -> bool {
    let as_is = Row {
        line: 0,
        cells: [("sku", current.sku.clone())].into_iter().collect(),
    };
    rules::check_row(&as_is, Some(current), lookups).is_ok_and(|now| now == *ready)
}

/// Reads the job's file into rows, or the problem that stops it.
fn read_file(path: &std::path::Path) -> Result<rules::Sheet, String> {
    let bytes = std::fs::read(path).map_err(|_| "import-file-gone".to_string())?;
    let (text, _) = decode_up_to(&bytes, rules::MAX_BYTES).map_err(|p| match p {
        crate::domain::bulk_order::FileProblem::Spreadsheet => "import-spreadsheet".to_string(),
        crate::domain::bulk_order::FileProblem::TooLarge => "import-too-large".to_string(),
        crate::domain::bulk_order::FileProblem::Empty => "import-empty".to_string(),
        _ => "import-not-text".to_string(),
    })?;
    rules::read(&text).map_err(|p| sheet_problem_key(&p))
}

/// Where uploaded product files are kept.
pub fn imports_dir(state: &AppState) -> std::path::PathBuf {
    state.settings.session.data_dir.join("imports")
}

/// Runs a job to its end: `run` false checks (the dry run), true saves. Errors are logged
/// and the job marked failed.
pub async fn work(state: actix_web::web::Data<AppState>, id: i64, run: bool) {
    if let Err(e) = step(&state, id, run).await {
        tracing::error!(error = %e, job = id, "product import failed");
        let now = chrono::Utc::now().naive_utc();
        let _ = db::run(&state.pool, move |c| {
            store::finish(
                c,
                id,
                &store::Outcome {
                    state: "failed",
                    total: 0,
                    new_count: 0,
                    update_count: 0,
                    error_count: 0,
                    report: "",
                },
                now,
            )
        })
        .await;
    }
}

async fn step(state: &AppState, id: i64, run: bool) -> Result<(), db::DbError> {
    let Some(job) = db::run(&state.pool, move |c| store::job(c, id)).await? else {
        return Ok(());
    };
    let path = imports_dir(state).join(&job.stored_name);
    let sheet = actix_web::web::block(move || read_file(&path))
        .await
        .map_err(|_| db::DbError::Canceled)?;
    let now = || chrono::Utc::now().naive_utc();
    let sheet = match sheet {
        Ok(s) => s,
        Err(key) => {
            let report = serde_json::to_string(&Report {
                file: Some(key),
                ..Report::default()
            })
            .unwrap_or_default();
            let at = now();
            return db::run(&state.pool, move |c| {
                store::finish(
                    c,
                    id,
                    &store::Outcome {
                        state: "refused",
                        total: 0,
                        new_count: 0,
                        update_count: 0,
                        error_count: 1,
                        report: &report,
                    },
                    at,
                )
            })
            .await;
        }
    };
    let total = i32::try_from(sheet.rows.len()).unwrap_or(i32::MAX);
    let lookups = std::sync::Arc::new(db::run(&state.pool, store::lookups).await?);
    let seen = std::sync::Arc::new(std::sync::Mutex::new((HashSet::new(), HashMap::new())));
    let mut report = Report {
        ignored: sheet.ignored.clone(),
        ..Report::default()
    };
    let (mut new_count, mut update_count, mut error_count) = (0, 0, 0);
    let mut done = 0;
    for batch in sheet.rows.chunks(BATCH) {
        let rows = batch.to_vec();
        let (lookups, seen) = (lookups.clone(), seen.clone());
        let actor = job.actor_user_id;
        let at = now();
        let checked = move |c: &mut db::DbConn| -> Result<(Checked, (i32, i32)), db::DbError> {
            let mut seen = seen.lock().map_err(|_| db::DbError::Canceled)?;
            let checked = check_batch(c, &rows, &lookups, &mut seen)?;
            let saved = if run {
                store::apply(c, &checked.ready, actor, id, at)?
            } else {
                (0, 0)
            };
            Ok((checked, saved))
        };
        let (checked, saved) = if run {
            db::run_write(&state.pool, checked).await?
        } else {
            db::run(&state.pool, checked).await?
        };
        if run {
            new_count += saved.0;
            update_count += saved.1;
        } else {
            new_count += checked.new_count;
            update_count += checked.update_count;
        }
        report.unchanged += checked.unchanged;
        error_count += i32::try_from(checked.problems.len()).unwrap_or(0);
        for p in checked.problems {
            if report.rows.len() < REPORT_MAX {
                report.rows.push(p);
            }
        }
        done += i32::try_from(batch.len()).unwrap_or(0);
        let at = now();
        db::run(&state.pool, move |c| {
            store::progress(c, id, done, total, at)
        })
        .await?;
    }
    if run {
        state.cache.clear();
    }
    let final_state = match (run, error_count) {
        (true, _) => "done",
        (false, 0) => "checked",
        (false, _) => "refused",
    };
    let report = serde_json::to_string(&report).unwrap_or_default();
    let at = now();
    db::run(&state.pool, move |c| {
        store::finish(
            c,
            id,
            &store::Outcome {
                state: final_state,
                total,
                new_count,
                update_count,
                error_count,
                report: &report,
            },
            at,
        )
    })
    .await
}
