//! The dashboard's sales figures for each shop (consumer, business) side by side: revenue,
//! orders, average order and new customers over today / 7 / 30 days, the 30-day revenue chart
//! as an SVG drawn from `domain::dashboard::bar_chart` (with the same figures as a table), and
//! the best sellers. Days are the shop's; money is incl. VAT. Revenue is what was ordered in the
//! period; refunds are what was given back in it (returns refunded, refunds from an order or a
//! case), and net revenue the one less the other.

use crate::db;
use crate::domain::dashboard::{self, PERIODS, Refund, Sale};
use crate::domain::money::{Currency, Money};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::startup::AppState;

/// One figure over the periods.
pub struct FigureRow {
    pub label: String,
    pub values: Vec<String>,
}

pub struct BarView {
    pub x: i64,
    pub y: i64,
    pub width: i64,
    pub height: i64,
    /// "3 Dec: SEK 1,249.00", the bar's tooltip and the table row.
    pub label: String,
}

pub struct TickView {
    pub y: i64,
    /// Where the label's baseline sits (a little under the line).
    pub text_y: i64,
    pub label: String,
}

/// A date under the chart.
pub struct DateLabel {
    pub x: i64,
    pub label: String,
}

pub struct ChartView {
    pub id: &'static str,
    pub title: String,
    /// What the chart shows in words, for screen readers.
    pub desc: String,
    pub width: i64,
    pub height: i64,
    pub left: i64,
    pub right: i64,
    pub label_x: i64,
    pub date_y: i64,
    pub bars: Vec<BarView>,
    pub ticks: Vec<TickView>,
    pub dates: Vec<DateLabel>,
    /// (day, amount) for the table under the chart.
    pub table: Vec<(String, String)>,
}

pub struct TopView {
    pub name: String,
    pub sku: String,
    pub units: i64,
    pub revenue: String,
}

pub struct ShopView {
    pub id: &'static str,
    pub title: String,
    pub rows: Vec<FigureRow>,
    pub chart: ChartView,
    pub top: Vec<TopView>,
}

fn money(minor: i64, locale: Locale) -> String {
    Money::from_minor(minor, Currency::Sek).format(locale.code())
}

/// An axis label: the amount without its minor digits when they are zero ("SEK 20,000",
/// "20 000 kr").
fn whole(minor: i64, locale: Locale) -> String {
    let text = money(minor, locale);
    if minor % 100 != 0 {
        return text;
    }
    for zeros in [".00", ",00"] {
        if let Some(at) = text.rfind(zeros)
            && !text[at + zeros.len()..].chars().any(|c| c.is_ascii_digit())
        {
            return format!("{}{}", &text[..at], &text[at + zeros.len()..]);
        }
    }
    text
}

fn day_label(day: chrono::NaiveDate, locale: Locale) -> String {
    day.format_localized("%-d %b", locale.chrono()).to_string()
}

fn chart_view(
    id: &'static str,
    title: String,
    series: &[(chrono::NaiveDate, i64)],
    locale: Locale,
) -> ChartView {
    // The axis runs to at least 100 kr (10 000 öre).
    let chart = dashboard::bar_chart(series, 640, 200, 10_000);
    let best = series.iter().max_by_key(|(_, v)| *v);
    let total: i64 = series.iter().map(|(_, v)| v).sum();
    let desc = locale.t_args(
        "admin-chart-desc",
        &[
            ("total", money(total, locale)),
            (
                "best",
                best.filter(|(_, v)| *v > 0)
                    .map(|(d, v)| format!("{} ({})", day_label(*d, locale), money(*v, locale)))
                    .unwrap_or_else(|| locale.t("admin-chart-no-sales")),
            ),
        ],
    );
    let bottom = chart.top + chart.plot_height;
    let last = chart.bars.len().saturating_sub(1);
    let dates = chart
        .bars
        .iter()
        .enumerate()
        .filter(|(i, _)| *i == 0 || *i == last || *i == last / 2)
        .map(|(_, b)| DateLabel {
            x: b.x + b.width / 2,
            label: day_label(b.day, locale),
        })
        .collect();
    ChartView {
        id,
        title,
        desc,
        width: chart.width,
        height: chart.height,
        left: chart.left,
        right: chart.left + chart.plot_width,
        label_x: chart.left - 6,
        date_y: bottom + 16,
        ticks: chart
            .ticks
            .iter()
            .map(|(y, v)| TickView {
                y: *y,
                text_y: y + 4,
                label: whole(*v, locale),
            })
            .collect(),
        table: chart
            .bars
            .iter()
            .map(|b| (day_label(b.day, locale), money(b.value_minor, locale)))
            .collect(),
        bars: chart
            .bars
            .into_iter()
            .map(|b| BarView {
                label: format!(
                    "{}: {}",
                    day_label(b.day, locale),
                    money(b.value_minor, locale)
                ),
                x: b.x,
                y: b.y,
                width: b.width,
                height: b.height,
            })
            .collect(),
        dates,
    }
}

/// Both shops' figures, read in one hop to the database.
pub async fn shops(state: &AppState, locale: Locale) -> Result<Vec<ShopView>, AppError> {
    let today = state.local_now().date();
    let first = today - chrono::Duration::days(29);
    let since = state.to_utc(first.and_hms_opt(0, 0, 0).unwrap_or_default());
    let (sales, refunds, lines, (consumers, companies)) = db::run(&state.pool, move |c| {
        Ok((
            db::admin::sales_since(c, since)?,
            db::admin::refunds_since(c, since)?,
            db::admin::lines_since(c, since)?,
            db::admin::joined_since(c, since)?,
        ))
    })
    .await?;
    let day = |t: chrono::NaiveDateTime| state.to_local(t).date();
    let sales: Vec<Sale> = sales
        .into_iter()
        .map(|(at, business, total_minor)| Sale {
            day: day(at),
            business,
            total_minor,
        })
        .collect();
    let refunds: Vec<Refund> = refunds
        .into_iter()
        .map(|(at, business, total_minor)| Refund {
            day: day(at),
            business,
            total_minor,
        })
        .collect();
    let joined_consumers: Vec<_> = consumers.into_iter().map(day).collect();
    let joined_companies: Vec<_> = companies.into_iter().map(day).collect();
    let shop = |id: &'static str, business: bool, joined: &[chrono::NaiveDate]| {
        let figures: Vec<_> = PERIODS
            .iter()
            .map(|days| dashboard::figures(&sales, &refunds, joined, today, *days, business))
            .collect();
        let row = |key: &str, value: &dyn Fn(&dashboard::Figures) -> String| FigureRow {
            label: locale.t(key),
            values: figures.iter().map(value).collect(),
        };
        let shop_lines: Vec<(String, String, i64, i64)> = lines
            .iter()
            .filter(|l| l.0 == business)
            .map(|(_, sku, name, units, total)| (sku.clone(), name.clone(), *units, *total))
            .collect();
        ShopView {
            id,
            title: locale.t(&format!("admin-shop-{id}")),
            rows: vec![
                row("admin-figure-revenue", &|f| money(f.revenue_minor, locale)),
                row("admin-figure-refunds", &|f| money(f.refunds_minor, locale)),
                row("admin-figure-net", &|f| money(f.net_minor, locale)),
                row("admin-figure-orders", &|f| f.orders.to_string()),
                row("admin-figure-average", &|f| money(f.average_minor, locale)),
                row("admin-figure-new-customers", &|f| {
                    f.new_customers.to_string()
                }),
            ],
            chart: chart_view(
                id,
                locale.t_args(
                    "admin-chart-title",
                    &[("shop", locale.t(&format!("admin-shop-{id}")))],
                ),
                &dashboard::daily(&sales, today, 30, business),
                locale,
            ),
            top: dashboard::top_products(&shop_lines, 5)
                .into_iter()
                .map(|p| TopView {
                    name: p.name,
                    sku: p.sku,
                    units: p.units,
                    revenue: money(p.revenue_minor, locale),
                })
                .collect(),
        }
    };
    Ok(vec![
        shop("b2c", false, &joined_consumers),
        shop("b2b", true, &joined_companies),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_labels_drop_zero_minor_digits_only() {
        let cases = [
            (2_000_000, Locale::En, "SEK\u{a0}20,000"),
            (2_000_000, Locale::Sv, "20\u{a0}000\u{a0}kr"),
            (0, Locale::En, "SEK\u{a0}0"),
            (150, Locale::En, "SEK\u{a0}1.50"),
            (100_000_000, Locale::En, "SEK\u{a0}1,000,000"),
        ];
        for (minor, locale, want) in cases {
            assert_eq!(whole(minor, locale), want, "{minor}");
        }
    }
}
