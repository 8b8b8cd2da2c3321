//! The staff dashboard's figures: sales per shop (consumer, business) over today, 7 and 30
//! days — revenue, orders, average order value, new customers, top products — and the geometry
//! of the daily revenue chart, worked out here so the template only draws. Days are the shop's.

use chrono::NaiveDate;

/// The periods shown side by side: today, the last 7 days, the last 30 days (today included).
pub const PERIODS: [i64; 3] = [1, 7, 30];

/// A sale as counted: the shop day it was placed, which shop, what it came to (incl. VAT).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sale {
    pub day: NaiveDate,
    pub business: bool,
    pub total_minor: i64,
}

/// Money given back as counted: the shop day it was refunded, which shop's order, how much
/// (incl. VAT) — returns refunded and refunds from an order's page or a support case.
pub type Refund = Sale;

/// One shop's figures over one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Figures {
    pub revenue_minor: i64,
    /// Given back in the period (whenever the order was placed).
    pub refunds_minor: i64,
    /// Revenue less refunds.
    pub net_minor: i64,
    pub orders: i64,
    /// Revenue ÷ orders, rounded half up to the minor unit (0 without orders).
    pub average_minor: i64,
    pub new_customers: i64,
}

fn within(day: NaiveDate, today: NaiveDate, days: i64) -> bool {
    let first = today - chrono::Duration::days(days - 1);
    day >= first && day <= today
}

/// One shop's figures for the `days` up to and including `today`; `joined` are the days new
/// customers of that shop joined.
pub fn figures(
    sales: &[Sale],
    refunds: &[Refund],
    joined: &[NaiveDate],
    today: NaiveDate,
    days: i64,
    business: bool,
) -> Figures {
    let (revenue_minor, orders) = sales
        .iter()
        .filter(|s| s.business == business && within(s.day, today, days))
        .fold((0_i64, 0_i64), |(r, n), s| (r + s.total_minor, n + 1));
    let refunds_minor = refunds
        .iter()
        .filter(|r| r.business == business && within(r.day, today, days))
        .map(|r| r.total_minor)
        .sum();
    Figures {
        revenue_minor,
        refunds_minor,
        net_minor: revenue_minor - refunds_minor,
        orders,
        average_minor: if orders == 0 {
            0
        } else {
            (revenue_minor + orders / 2) / orders
        },
        new_customers: joined.iter().filter(|d| within(**d, today, days)).count() as i64,
    }
}

/// Revenue per day for the `days` up to `today`, oldest first, days without sales at 0.
pub fn daily(sales: &[Sale], today: NaiveDate, days: i64, business: bool) -> Vec<(NaiveDate, i64)> {
    (0..days)
        .rev()
        .map(|back| {
            let day = today - chrono::Duration::days(back);
            let total = sales
                .iter()
                .filter(|s| s.business == business && s.day == day)
                .map(|s| s.total_minor)
                .sum();
            (day, total)
        })
        .collect()
}

/// A product's sales over a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductSales {
    pub sku: String,
    pub name: String,
    pub units: i64,
    pub revenue_minor: i64,
}

/// The best sellers by revenue (then units, then SKU), at most `n`; `lines` are (sku, name,
/// units, line total) of one shop's counted orders.
pub fn top_products(lines: &[(String, String, i64, i64)], n: usize) -> Vec<ProductSales> {
    let mut by_sku: Vec<ProductSales> = Vec::new();
    for (sku, name, units, total) in lines {
        match by_sku.iter_mut().find(|p| p.sku == *sku) {
            Some(p) => {
                p.units += units;
                p.revenue_minor += total;
            }
            None => by_sku.push(ProductSales {
                sku: sku.clone(),
                name: name.clone(),
                units: *units,
                revenue_minor: *total,
            }),
        }
    }
    by_sku.sort_by(|a, b| {
        b.revenue_minor
            .cmp(&a.revenue_minor)
            .then(b.units.cmp(&a.units))
            .then(a.sku.cmp(&b.sku))
    });
    by_sku.truncate(n);
    by_sku
}

/// The smallest "nice" number (1, 2 or 5 × a power of ten) at least `v` (at least 1).
pub fn nice_ceiling(v: i64) -> i64 {
    let v = v.max(1);
    let mut power = 1_i64;
    while power.saturating_mul(10) <= v {
        power *= 10;
    }
    [1, 2, 5, 10]
        .into_iter()
        .map(|m| m * power)
        .find(|c| *c >= v)
        .unwrap_or(10 * power)
}

/// A bar of the chart, in the drawing's units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub x: i64,
    pub y: i64,
    pub width: i64,
    pub height: i64,
    pub day: NaiveDate,
    pub value_minor: i64,
}

/// A bar chart's geometry: a plot area at (`left`, `top`) of `plot_width` × `plot_height`;
/// the value axis runs from 0 to `max_minor` with a line at each of `ticks` (y, value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    pub width: i64,
    pub height: i64,
    pub left: i64,
    pub top: i64,
    pub plot_width: i64,
    pub plot_height: i64,
    pub max_minor: i64,
    pub ticks: Vec<(i64, i64)>,
    pub bars: Vec<Bar>,
}

/// Lays out one bar per day in a `width` × `height` drawing, leaving room on the left for the
/// value labels and below for the dates. The value axis ends at a nice number of at least
/// `floor_minor` (so a quiet month does not draw a scale in öre).
pub fn bar_chart(series: &[(NaiveDate, i64)], width: i64, height: i64, floor_minor: i64) -> Chart {
    let (left, top, right, bottom) = (110, 8, 8, 24);
    let plot_width = (width - left - right).max(1);
    let plot_height = (height - top - bottom).max(1);
    let highest = series.iter().map(|(_, v)| *v).max().unwrap_or(0);
    let max_minor = nice_ceiling(highest.max(floor_minor));
    let n = series.len().max(1) as i64;
    let step = plot_width / n;
    let bar_width = (step * 3 / 4).max(1);
    let bars = series
        .iter()
        .enumerate()
        .map(|(i, (day, value))| {
            let h = value.max(&0) * plot_height / max_minor;
            Bar {
                x: left + i as i64 * step + (step - bar_width) / 2,
                y: top + plot_height - h,
                width: bar_width,
                height: h,
                day: *day,
                value_minor: *value,
            }
        })
        .collect();
    let ticks = [0, 1, 2]
        .into_iter()
        .map(|k| (top + plot_height - plot_height * k / 2, max_minor * k / 2))
        .collect();
    Chart {
        width,
        height,
        left,
        top,
        plot_width,
        plot_height,
        max_minor,
        ticks,
        bars,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn sale(day: &str, business: bool, total: i64) -> Sale {
        Sale {
            day: d(day),
            business,
            total_minor: total,
        }
    }

    #[test]
    fn figures_count_each_shop_over_its_window() {
        let today = d("2026-12-04");
        let sales = [
            sale("2026-12-04", false, 10_000),
            sale("2026-12-04", false, 5_001),
            sale("2026-11-28", false, 2_000),
            sale("2026-11-27", false, 9_999),
            sale("2026-11-05", false, 1_000),
            sale("2026-11-04", false, 7_777),
            sale("2026-12-04", true, 100_000),
            sale("2026-12-05", false, 50),
        ];
        // Given back: today from an order of last month, and a week ago; one business refund.
        let refunds = [
            sale("2026-12-04", false, 1_000),
            sale("2026-11-28", false, 2_500),
            sale("2026-10-30", false, 9_000),
            sale("2026-12-03", true, 40_000),
        ];
        let joined = [d("2026-12-04"), d("2026-11-30"), d("2026-10-01")];
        let cases = [
            (1, false, (15_001, 1_000, 2, 7_501, 1)),
            (7, false, (17_001, 3_500, 3, 5_667, 2)),
            (30, false, (28_000, 3_500, 5, 5_600, 2)),
            (1, true, (100_000, 0, 1, 100_000, 1)),
            (30, true, (100_000, 40_000, 1, 100_000, 2)),
        ];
        for (days, business, (revenue, refunded, orders, average, new)) in cases {
            assert_eq!(
                figures(&sales, &refunds, &joined, today, days, business),
                Figures {
                    revenue_minor: revenue,
                    refunds_minor: refunded,
                    net_minor: revenue - refunded,
                    orders,
                    average_minor: average,
                    new_customers: new
                },
                "{days} days, business {business}"
            );
        }
        // More back than sold in a quiet week: the net is negative, not hidden.
        let quiet = figures(&[], &refunds[..1], &[], today, 1, false);
        assert_eq!((quiet.revenue_minor, quiet.net_minor), (0, -1_000));
        assert_eq!(figures(&[], &[], &[], today, 7, false), Figures::default());
    }

    #[test]
    fn the_daily_series_has_every_day_oldest_first() {
        let today = d("2026-12-04");
        let sales = [
            sale("2026-12-04", false, 300),
            sale("2026-12-04", false, 200),
            sale("2026-12-02", false, 100),
            sale("2026-12-02", true, 999),
        ];
        assert_eq!(
            daily(&sales, today, 4, false),
            vec![
                (d("2026-12-01"), 0),
                (d("2026-12-02"), 100),
                (d("2026-12-03"), 0),
                (d("2026-12-04"), 500),
            ]
        );
    }

    #[test]
    fn best_sellers_add_up_per_product_by_revenue() {
        let line =
            |sku: &str, units, total| (sku.to_string(), format!("Product {sku}"), units, total);
        let top = top_products(
            &[
                line("A", 1, 100),
                line("B", 5, 500),
                line("A", 2, 450),
                line("C", 9, 500),
            ],
            2,
        );
        assert_eq!(
            top.iter()
                .map(|p| (p.sku.as_str(), p.units, p.revenue_minor))
                .collect::<Vec<_>>(),
            [("A", 3, 550), ("C", 9, 500)]
        );
    }

    #[test]
    fn the_value_axis_ends_at_a_nice_number() {
        for (v, want) in [
            (0, 1),
            (1, 1),
            (7, 10),
            (10, 10),
            (11, 20),
            (199, 200),
            (201, 500),
            (123_456, 200_000),
        ] {
            assert_eq!(nice_ceiling(v), want, "{v}");
        }
    }

    #[test]
    fn bars_stand_on_the_axis_in_proportion() {
        let series = [
            (d("2026-12-01"), 0),
            (d("2026-12-02"), 50_000),
            (d("2026-12-03"), 100_000),
        ];
        let chart = bar_chart(&series, 410, 132, 10_000);
        assert_eq!(
            (chart.plot_width, chart.plot_height, chart.max_minor),
            (292, 100, 100_000)
        );
        let bottom = chart.top + chart.plot_height;
        assert_eq!(chart.bars[0].height, 0);
        assert_eq!(chart.bars[1].height, 50);
        assert_eq!(chart.bars[2].height, 100);
        for b in &chart.bars {
            assert_eq!(b.y + b.height, bottom, "each bar stands on the axis");
            assert!(b.x >= chart.left && b.x + b.width <= chart.left + chart.plot_width);
        }
        assert!(chart.bars[0].x < chart.bars[1].x);
        assert_eq!(chart.ticks, vec![(bottom, 0), (58, 50_000), (8, 100_000)]);
        let quiet = bar_chart(
            &[(d("2026-12-01"), 0), (d("2026-12-02"), 3)],
            410,
            132,
            10_000,
        );
        assert_eq!(
            quiet.max_minor, 10_000,
            "a quiet month keeps a readable scale"
        );
        assert_eq!(quiet.bars[1].height, 0);
    }
}
