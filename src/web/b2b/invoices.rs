//! `/b2b/company/invoices`: the company's statement for its admins — open invoices with their due
//! dates (overdue ones marked), the open balance, the credit limit and what is left of it, and the
//! invoices settled lately. Scoped to the active company.

use crate::auth::{CompanyMember, Principal};
use crate::db;
use crate::domain::accounts::CompanyRole;
use crate::domain::money::{Currency, Money};
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::checkout::order_url;
use crate::web::{PageContext, Theme, render};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

const PATH: &str = "/b2b/company/invoices";

pub struct InvoiceView {
    pub number: String,
    pub order: String,
    pub order_url: String,
    pub amount: String,
    /// "SEK 1,250.00 credited (returns)".
    pub credited: Option<String>,
    pub issued: String,
    pub due: String,
    pub state: String,
    pub overdue: bool,
}

#[derive(Template)]
#[template(path = "b2b/invoices.html")]
pub struct InvoicesPage {
    pub ctx: PageContext,
    pub company: String,
    pub balance: String,
    pub overdue_total: String,
    pub credit_limit: String,
    pub credit_left: String,
    pub open: Vec<InvoiceView>,
    pub settled: Vec<InvoiceView>,
}

/// `GET /b2b/company/invoices` (company admins).
pub async fn show(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let principal = Principal::of(&req).await?;
    let admin = CompanyMember::of(&principal, PATH)?.require(&[CompanyRole::Admin])?;
    let company = admin.company.id;
    let (rows, (limit, left)) = db::run(&state.pool, move |c| {
        Ok((
            db::companies::invoices(c, company)?,
            db::companies::credit(c, company)?,
        ))
    })
    .await?;
    let ctx = PageContext::with_principal(&req, Theme::B2b, principal);
    let locale = ctx.locale;
    let code = locale.code();
    let now = chrono::Utc::now().naive_utc();
    let sek = |m: i64| Money::from_minor(m, Currency::Sek).format(code);
    let (mut balance, mut overdue_total) = (0_i64, 0_i64);
    let (mut open, mut settled) = (Vec::new(), Vec::new());
    for r in rows {
        let is_open = r.paid_at.is_none() && r.cancelled_at.is_none();
        let overdue = is_open && r.due_at < now;
        // What is owed: the invoice less what refunded returns credited.
        let owed = r.amount.0 - r.credited.0;
        if is_open {
            balance += owed;
            if overdue {
                overdue_total += owed;
            }
        }
        let view = InvoiceView {
            number: r.number,
            order_url: order_url(&r.order_number, &r.order_token),
            order: r.order_number,
            amount: r.amount.money(&r.currency).format(code),
            credited: (r.credited.0 > 0).then(|| {
                locale.t_args(
                    "invoice-credited",
                    &[("amount", r.credited.money(&r.currency).format(code))],
                )
            }),
            issued: locale.date(r.issued_at),
            due: locale.date(r.due_at),
            state: locale.t(match (r.paid_at, r.cancelled_at, overdue) {
                (Some(_), _, _) => "invoice-paid",
                (_, Some(_), _) => "invoice-cancelled",
                (_, _, true) => "invoice-overdue",
                _ => "invoice-open",
            }),
            overdue,
        };
        if is_open {
            open.push(view);
        } else {
            settled.push(view);
        }
    }
    render(&InvoicesPage {
        company: admin.company.name,
        balance: sek(balance),
        overdue_total: sek(overdue_total),
        credit_limit: sek(limit),
        credit_left: sek(left.max(0)),
        open,
        settled,
        ctx,
    })
}
