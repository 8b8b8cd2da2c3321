//! The staff form for a product: SKU, name, address (slug), texts, brand, category, tax class,
//! list price (excl. VAT), quantity rules, audience, SEO fields and the specification table.
//! Checked as a whole, pure; `db::products` stores it and checks what only the database knows
//! (a SKU or address already taken).

use crate::domain::catalog::{Sku, Slug};
use crate::domain::money::parse_amount_minor;

pub const AUDIENCES: [&str; 3] = ["both", "b2c", "b2b"];
pub const NAME_MAX: usize = 200;
pub const SUMMARY_MAX: usize = 300;
pub const DESCRIPTION_MAX: usize = 20_000;
pub const SEO_TITLE_MAX: usize = 70;
pub const SEO_DESCRIPTION_MAX: usize = 160;
pub const SPECS_MAX: usize = 40;
pub const SPEC_NAME_MAX: usize = 60;
pub const SPEC_VALUE_MAX: usize = 200;
/// The highest list price accepted: 10 million kronor, in öre.
pub const PRICE_MAX_MINOR: i64 = 1_000_000_000;
/// The highest quantity rule accepted.
pub const QTY_MAX: i32 = 100_000;

/// What staff typed, as sent.
#[derive(Debug, Clone, Default)]
pub struct Input<'a> {
    pub sku: &'a str,
    pub name: &'a str,
    /// Empty: made from the name.
    pub slug: &'a str,
    pub summary: &'a str,
    pub description: &'a str,
    /// A brand id or empty for none.
    pub brand: &'a str,
    pub category: &'a str,
    pub tax_class: &'a str,
    /// Kronor excl. VAT, as people type it ("1 249,00").
    pub price: &'a str,
    pub min_qty: &'a str,
    pub qty_step: &'a str,
    /// Empty for no maximum.
    pub max_qty: &'a str,
    pub audience: &'a str,
    pub seo_title: &'a str,
    pub seo_description: &'a str,
    /// One "Name: value" per line.
    pub specs: &'a str,
    pub low_stock: &'a str,
}

/// A product as text, the way the form and an import file carry it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Fields {
    pub sku: String,
    pub name: String,
    pub slug: String,
    pub summary: String,
    pub description: String,
    pub brand: String,
    pub category: String,
    pub tax_class: String,
    pub price: String,
    pub min_qty: String,
    pub qty_step: String,
    pub max_qty: String,
    pub audience: String,
    pub seo_title: String,
    pub seo_description: String,
    pub specs: String,
    pub low_stock: String,
    pub featured: bool,
    pub active: bool,
}

impl Fields {
    /// A new product's starting values.
    pub fn new_product() -> Fields {
        Fields {
            tax_class: "standard".into(),
            audience: "both".into(),
            min_qty: "1".into(),
            qty_step: "1".into(),
            low_stock: "5".into(),
            active: true,
            ..Fields::default()
        }
    }

    pub fn input(&self) -> Input<'_> {
        Input {
            sku: &self.sku,
            name: &self.name,
            slug: &self.slug,
            summary: &self.summary,
            description: &self.description,
            brand: &self.brand,
            category: &self.category,
            tax_class: &self.tax_class,
            price: &self.price,
            min_qty: &self.min_qty,
            qty_step: &self.qty_step,
            max_qty: &self.max_qty,
            audience: &self.audience,
            seo_title: &self.seo_title,
            seo_description: &self.seo_description,
            specs: &self.specs,
            low_stock: &self.low_stock,
        }
    }
}

/// What the form may refer to.
pub struct Known<'a> {
    pub categories: &'a [i64],
    pub brands: &'a [i64],
    pub tax_classes: &'a [&'a str],
}

/// A checked product.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub sku: String,
    pub name: String,
    pub slug: String,
    pub summary: String,
    pub description: String,
    pub brand_id: Option<i64>,
    pub category_id: i64,
    pub tax_class: String,
    pub list_price_minor: i64,
    pub min_qty: i32,
    pub qty_step: i32,
    pub max_qty: Option<i32>,
    pub audience: &'static str,
    pub seo_title: String,
    pub seo_description: String,
    pub specs: Vec<(String, String)>,
    pub low_stock: i32,
}

/// One wrong field: its name, the message key and the number the message names (a limit, a line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    pub field: &'static str,
    pub key: &'static str,
    pub count: usize,
}

fn refuse(field: &'static str, key: &'static str, count: usize) -> Refusal {
    Refusal { field, key, count }
}

/// Text cut of spaces at both ends, with at most `max` characters.
fn text(typed: &str, field: &'static str, max: usize, errors: &mut Vec<Refusal>) -> String {
    let t = typed.trim();
    if t.chars().count() > max {
        errors.push(refuse(field, "product-too-long", max));
    }
    t.to_string()
}

fn whole(typed: &str, min: i32) -> Option<i32> {
    typed
        .trim()
        .replace([' ', '\u{a0}'], "")
        .parse::<i32>()
        .ok()
        .filter(|n| (min..=QTY_MAX).contains(n))
}

/// The specification table: "Name: value" per line, blank lines skipped.
fn specs(typed: &str, errors: &mut Vec<Refusal>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, line) in typed.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match line.split_once(':') {
            Some((name, value)) if !name.trim().is_empty() && !value.trim().is_empty() => {
                if name.trim().chars().count() > SPEC_NAME_MAX
                    || value.trim().chars().count() > SPEC_VALUE_MAX
                {
                    errors.push(refuse("specs", "product-spec-long", i + 1));
                    return out;
                }
                out.push((name.trim().to_string(), value.trim().to_string()));
            }
            _ => {
                errors.push(refuse("specs", "product-spec-line", i + 1));
                return out;
            }
        }
    }
    if out.len() > SPECS_MAX {
        errors.push(refuse("specs", "product-specs-many", SPECS_MAX));
    }
    out
}

/// Checks the whole form; every wrong field is named.
pub fn check(input: &Input<'_>, known: &Known<'_>) -> Result<Draft, Vec<Refusal>> {
    let mut errors = Vec::new();
    let sku = match Sku::parse(input.sku) {
        Ok(s) => s.to_string(),
        Err(_) if input.sku.trim().is_empty() => {
            errors.push(refuse("sku", "product-sku-missing", 0));
            String::new()
        }
        Err(_) => {
            errors.push(refuse("sku", "product-sku-bad", 32));
            String::new()
        }
    };
    let name = text(input.name, "name", NAME_MAX, &mut errors);
    if name.chars().count() < 2 {
        errors.push(refuse("name", "product-name-missing", 2));
    }
    let slug = match input.slug.trim() {
        "" => Slug::from_text(&name).to_string(),
        typed => match Slug::parse(&typed.to_lowercase()) {
            Some(s) => s.to_string(),
            None => {
                errors.push(refuse("slug", "product-slug-bad", 120));
                typed.to_string()
            }
        },
    };
    let summary = text(input.summary, "summary", SUMMARY_MAX, &mut errors);
    let description = text(
        input.description,
        "description",
        DESCRIPTION_MAX,
        &mut errors,
    );
    let brand_id = match input.brand.trim() {
        "" => None,
        t => match t.parse::<i64>().ok().filter(|id| known.brands.contains(id)) {
            Some(id) => Some(id),
            None => {
                errors.push(refuse("brand", "product-brand-bad", 0));
                None
            }
        },
    };
    let category_id = input
        .category
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|id| known.categories.contains(id))
        .unwrap_or_else(|| {
            errors.push(refuse("category", "product-category-missing", 0));
            0
        });
    let tax_class = input.tax_class.trim();
    if !known.tax_classes.contains(&tax_class) {
        errors.push(refuse("tax_class", "product-tax-missing", 0));
    }
    let list_price_minor = match parse_amount_minor(input.price) {
        Ok(0) => {
            errors.push(refuse("price", "product-price-zero", 0));
            0
        }
        Ok(m) if m > PRICE_MAX_MINOR => {
            errors.push(refuse("price", "product-price-high", 0));
            0
        }
        Ok(m) => m,
        Err(_) if input.price.trim().is_empty() => {
            errors.push(refuse("price", "product-price-missing", 0));
            0
        }
        Err(_) => {
            errors.push(refuse("price", "product-price-bad", 0));
            0
        }
    };
    let min_qty = whole(input.min_qty, 1).unwrap_or_else(|| {
        errors.push(refuse("min_qty", "product-qty-bad", 1));
        1
    });
    let qty_step = whole(input.qty_step, 1).unwrap_or_else(|| {
        errors.push(refuse("qty_step", "product-qty-bad", 1));
        1
    });
    let max_qty = match input.max_qty.trim() {
        "" => None,
        t => match whole(t, 1) {
            Some(m) if m < min_qty => {
                errors.push(refuse("max_qty", "product-max-below-min", min_qty as usize));
                None
            }
            Some(m) => Some(m),
            None => {
                errors.push(refuse("max_qty", "product-qty-bad", 1));
                None
            }
        },
    };
    if min_qty % qty_step != 0 {
        errors.push(refuse("qty_step", "product-step-min", qty_step as usize));
    }
    let audience = AUDIENCES
        .iter()
        .copied()
        .find(|a| *a == input.audience.trim())
        .unwrap_or_else(|| {
            errors.push(refuse("audience", "product-audience-bad", 0));
            "both"
        });
    let seo_title = text(input.seo_title, "seo_title", SEO_TITLE_MAX, &mut errors);
    let seo_description = text(
        input.seo_description,
        "seo_description",
        SEO_DESCRIPTION_MAX,
        &mut errors,
    );
    let specs = specs(input.specs, &mut errors);
    let low_stock = match input.low_stock.trim() {
        "" => 5,
        t => whole(t, 0).unwrap_or_else(|| {
            errors.push(refuse("low_stock", "product-qty-bad", 0));
            5
        }),
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Draft {
        sku,
        name,
        slug,
        summary,
        description,
        brand_id,
        category_id,
        tax_class: tax_class.to_string(),
        list_price_minor,
        min_qty,
        qty_step,
        max_qty,
        audience,
        seo_title,
        seo_description,
        specs,
        low_stock,
    })
}

/// The specification table as the form shows it again.
pub fn specs_text(specs: &[(String, String)]) -> String {
    specs
        .iter()
        .map(|(n, v)| format!("{n}: {v}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The SKUs and addresses a copy of a product may take, in the order to try them: `-COPY`,
/// `-COPY2`, … appended (SKUs stay within 32 characters).
pub fn copy_names(sku: &str, slug: &str) -> impl Iterator<Item = (String, String)> {
    let (sku, slug) = (sku.to_string(), slug.to_string());
    (1..100).map(move |n| {
        let suffix = if n == 1 {
            "-COPY".to_string()
        } else {
            format!("-COPY{n}")
        };
        let base: String = sku.chars().take(32 - suffix.len()).collect();
        (
            format!("{base}{suffix}"),
            format!("{slug}{}", suffix.to_lowercase()),
        )
    })
}

/// The most a stock change by hand may move at once.
pub const STOCK_CHANGE_MAX: i32 = 1_000_000;
pub const STOCK_NOTE_MAX: usize = 200;

/// A stock change as typed ("+20", "-3", "12"): a whole number other than zero. A note is
/// needed when the reason is a correction (nothing else says why).
pub fn check_stock_change(
    change: &str,
    reason_known: bool,
    needs_note: bool,
    note: &str,
) -> Result<i32, Vec<Refusal>> {
    let mut errors = Vec::new();
    let cleaned = change
        .trim()
        .replace([' ', '\u{a0}'], "")
        .replace('\u{2212}', "-");
    let delta = match cleaned.trim_start_matches('+').parse::<i32>() {
        Ok(0) => {
            errors.push(refuse("change", "stock-change-zero", 0));
            0
        }
        Ok(d) if d.abs() > STOCK_CHANGE_MAX => {
            errors.push(refuse("change", "stock-change-bad", 0));
            0
        }
        Ok(d) if !cleaned.starts_with("++") => d,
        _ => {
            errors.push(refuse("change", "stock-change-bad", 0));
            0
        }
    };
    if !reason_known {
        errors.push(refuse("reason", "stock-reason-missing", 0));
    }
    let note = note.trim();
    if note.chars().count() > STOCK_NOTE_MAX {
        errors.push(refuse("note", "product-too-long", STOCK_NOTE_MAX));
    } else if needs_note && note.is_empty() {
        errors.push(refuse("note", "stock-note-missing", 0));
    }
    if errors.is_empty() {
        Ok(delta)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: Known<'static> = Known {
        categories: &[1, 2],
        brands: &[7],
        tax_classes: &["standard", "food"],
    };

    fn good() -> Input<'static> {
        Input {
            sku: "dr-2000",
            name: "  Cordless drill 18 V ",
            slug: "",
            summary: "Light and strong",
            description: "A drill.",
            brand: "7",
            category: "2",
            tax_class: "standard",
            price: "1 249,50",
            min_qty: "1",
            qty_step: "1",
            max_qty: "",
            audience: "both",
            seo_title: "",
            seo_description: "",
            specs: "Voltage: 18 V\n\n Weight : 1,4 kg ",
            low_stock: "",
        }
    }

    #[test]
    fn a_good_form_becomes_a_draft() {
        let d = check(&good(), &KNOWN);
        let Ok(d) = d else { panic!("{d:?}") };
        assert_eq!(d.sku, "DR-2000");
        assert_eq!(d.name, "Cordless drill 18 V");
        assert_eq!(d.slug, "cordless-drill-18-v");
        assert_eq!(d.brand_id, Some(7));
        assert_eq!(d.list_price_minor, 124_950);
        assert_eq!(d.low_stock, 5);
        assert_eq!(
            d.specs,
            [
                ("Voltage".to_string(), "18 V".to_string()),
                ("Weight".to_string(), "1,4 kg".to_string())
            ]
        );
        assert_eq!(specs_text(&d.specs), "Voltage: 18 V\nWeight: 1,4 kg");
    }

    #[test]
    fn each_wrong_field_is_named() {
        let long_name = "n".repeat(NAME_MAX + 1);
        let long_seo = "t".repeat(SEO_TITLE_MAX + 1);
        let table: Vec<(Input<'_>, &str, &str)> = vec![
            (Input { sku: "", ..good() }, "sku", "product-sku-missing"),
            (
                Input {
                    sku: "DR 2000",
                    ..good()
                },
                "sku",
                "product-sku-bad",
            ),
            (Input { sku: "D", ..good() }, "sku", "product-sku-bad"),
            (
                Input {
                    name: " x ",
                    ..good()
                },
                "name",
                "product-name-missing",
            ),
            (
                Input {
                    name: &long_name,
                    ..good()
                },
                "name",
                "product-too-long",
            ),
            (
                Input {
                    slug: "a b",
                    ..good()
                },
                "slug",
                "product-slug-bad",
            ),
            (
                Input {
                    slug: "-a",
                    ..good()
                },
                "slug",
                "product-slug-bad",
            ),
            (
                Input {
                    brand: "8",
                    ..good()
                },
                "brand",
                "product-brand-bad",
            ),
            (
                Input {
                    category: "",
                    ..good()
                },
                "category",
                "product-category-missing",
            ),
            (
                Input {
                    category: "9",
                    ..good()
                },
                "category",
                "product-category-missing",
            ),
            (
                Input {
                    tax_class: "luxury",
                    ..good()
                },
                "tax_class",
                "product-tax-missing",
            ),
            (
                Input {
                    price: "",
                    ..good()
                },
                "price",
                "product-price-missing",
            ),
            (
                Input {
                    price: "0",
                    ..good()
                },
                "price",
                "product-price-zero",
            ),
            (
                Input {
                    price: "-5",
                    ..good()
                },
                "price",
                "product-price-bad",
            ),
            (
                Input {
                    price: "tolv kronor",
                    ..good()
                },
                "price",
                "product-price-bad",
            ),
            (
                Input {
                    price: "20000000",
                    ..good()
                },
                "price",
                "product-price-high",
            ),
            (
                Input {
                    min_qty: "0",
                    ..good()
                },
                "min_qty",
                "product-qty-bad",
            ),
            (
                Input {
                    qty_step: "x",
                    ..good()
                },
                "qty_step",
                "product-qty-bad",
            ),
            (
                Input {
                    max_qty: "3",
                    min_qty: "5",
                    qty_step: "5",
                    ..good()
                },
                "max_qty",
                "product-max-below-min",
            ),
            (
                Input {
                    min_qty: "5",
                    qty_step: "2",
                    ..good()
                },
                "qty_step",
                "product-step-min",
            ),
            (
                Input {
                    audience: "staff",
                    ..good()
                },
                "audience",
                "product-audience-bad",
            ),
            (
                Input {
                    seo_title: &long_seo,
                    ..good()
                },
                "seo_title",
                "product-too-long",
            ),
            (
                Input {
                    specs: "Voltage 18 V",
                    ..good()
                },
                "specs",
                "product-spec-line",
            ),
            (
                Input {
                    specs: "Voltage:",
                    ..good()
                },
                "specs",
                "product-spec-line",
            ),
            (
                Input {
                    low_stock: "-1",
                    ..good()
                },
                "low_stock",
                "product-qty-bad",
            ),
        ];
        for (input, field, key) in table {
            let got = check(&input, &KNOWN);
            let Err(errors) = got else {
                panic!("{field}: {key} was accepted");
            };
            assert!(
                errors.iter().any(|r| r.field == field && r.key == key),
                "{field}: {key} not in {errors:?}"
            );
            assert_eq!(
                errors.len(),
                1,
                "{field}: only one problem expected, got {errors:?}"
            );
        }
    }

    #[test]
    fn the_line_of_a_bad_spec_is_given() {
        let input = Input {
            specs: "A: 1\n\nno colon here",
            ..good()
        };
        let Err(e) = check(&input, &KNOWN) else {
            panic!("accepted");
        };
        assert_eq!(e[0].count, 3);
    }

    #[test]
    fn stock_changes_are_whole_and_explained() {
        let long = "x".repeat(STOCK_NOTE_MAX + 1);
        type Row<'a> = (&'a str, bool, bool, &'a str, Result<i32, &'a str>);
        let table: Vec<Row<'_>> = vec![
            ("+20", true, false, "", Ok(20)),
            ("20", true, false, "", Ok(20)),
            (" -3 ", true, false, "", Ok(-3)),
            ("\u{2212}3", true, false, "", Ok(-3)),
            ("1 000", true, false, "", Ok(1000)),
            ("0", true, false, "", Err("stock-change-zero")),
            ("", true, false, "", Err("stock-change-bad")),
            ("2,5", true, false, "", Err("stock-change-bad")),
            ("++2", true, false, "", Err("stock-change-bad")),
            ("5000000", true, false, "", Err("stock-change-bad")),
            ("5", false, false, "", Err("stock-reason-missing")),
            ("5", true, true, " ", Err("stock-note-missing")),
            ("5", true, true, "Found behind the shelf", Ok(5)),
            ("5", true, false, &long, Err("product-too-long")),
        ];
        for (change, known, needs, note, want) in table {
            let got = check_stock_change(change, known, needs, note).map_err(|e| e[0].key);
            assert_eq!(got, want, "{change:?} {note:?}");
        }
    }

    #[test]
    fn copies_get_free_names() {
        let names: Vec<(String, String)> = copy_names("DR-2000", "drill").take(2).collect();
        assert_eq!(
            names,
            [
                ("DR-2000-COPY".to_string(), "drill-copy".to_string()),
                ("DR-2000-COPY2".to_string(), "drill-copy2".to_string())
            ]
        );
        let long = "A".repeat(32);
        let (sku, _) = copy_names(&long, "a").next().unwrap_or_default();
        assert_eq!(sku.len(), 32);
        assert!(sku.ends_with("-COPY"));
    }
}
