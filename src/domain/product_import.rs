//! Product files, pure: the CSV columns staff export and import, reading a file into rows
//! (header by name, in any order, English or Swedish), and turning one row into a checked
//! product with the same rules as the form. A column the file leaves out keeps the product's
//! current value (or a new product's default), so a file of `sku,price` changes only prices.

use super::bulk_order::delimiter;
use super::product_form::{self, Draft, Fields, Known, Refusal};
use std::collections::HashMap;

/// The largest file read (100 000 products with long descriptions fit).
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// The most rows one file may hold.
pub const MAX_ROWS: usize = 200_000;

/// The columns, in the order an export writes them.
pub const COLUMNS: [&str; 19] = [
    "sku",
    "name",
    "slug",
    "category",
    "brand",
    "tax_class",
    "price",
    "audience",
    "active",
    "featured",
    "min_qty",
    "qty_step",
    "max_qty",
    "low_stock",
    "summary",
    "description",
    "specs",
    "seo_title",
    "seo_description",
];

/// Columns a file must have.
pub const REQUIRED: [&str; 1] = ["sku"];

/// Other names people give a column (lower case).
fn alias(name: &str) -> Option<&'static str> {
    let n = name.trim().trim_start_matches('\u{feff}').to_lowercase();
    let n = n.trim_matches('"');
    if let Some(c) = COLUMNS.iter().find(|c| **c == n) {
        return Some(c);
    }
    Some(match n {
        "artikelnummer" | "art.nr" | "artnr" => "sku",
        "namn" | "produkt" | "title" => "name",
        "webbadress" | "url" | "handle" => "slug",
        "kategori" => "category",
        "varumärke" | "märke" => "brand",
        "moms" | "momsklass" | "vat" | "tax" => "tax_class",
        "pris" | "list_price" | "price_excl_vat" => "price",
        "säljs i" => "audience",
        "aktiv" | "on_sale" => "active",
        "utvald" => "featured",
        "sammanfattning" => "summary",
        "beskrivning" => "description",
        "specifikationer" | "specifications" => "specs",
        _ => return None,
    })
}

/// Why a whole file cannot be read; nothing in it is imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetProblem {
    /// No header row with a `sku` column.
    NoSku,
    /// The same column twice.
    Repeated(String),
    TooManyRows,
    /// CSV that cannot be parsed (an unclosed quote), on this line.
    Broken(u64),
    Empty,
}

/// One data row: its line in the file and its cells by column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: u64,
    pub cells: HashMap<&'static str, String>,
}

impl Row {
    pub fn sku(&self) -> String {
        self.cells
            .get("sku")
            .map(|s| s.trim().to_ascii_uppercase())
            .unwrap_or_default()
    }
}

/// A read file: the columns it has, the ones it names that are not ours, its rows.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub columns: Vec<&'static str>,
    pub ignored: Vec<String>,
    pub rows: Vec<Row>,
}

/// Reads the file's text: a header row, then one product per row (cells may hold line breaks
/// when quoted). Blank rows are skipped.
pub fn read(text: &str) -> Result<Sheet, SheetProblem> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|_| SheetProblem::Empty)?.clone();
    let mut columns: Vec<Option<&'static str>> = Vec::new();
    let mut ignored = Vec::new();
    for h in headers.iter() {
        let known = alias(h);
        if let Some(k) = known {
            if columns.contains(&Some(k)) {
                return Err(SheetProblem::Repeated(h.trim().to_string()));
            }
        } else if !h.trim().is_empty() {
            ignored.push(h.trim().to_string());
        }
        columns.push(known);
    }
    if !columns.contains(&Some("sku")) {
        return Err(SheetProblem::NoSku);
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return Err(SheetProblem::Broken(line));
            }
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rows.len() >= MAX_ROWS {
            return Err(SheetProblem::TooManyRows);
        }
        let line = record.position().map_or(0, |p| p.line());
        let cells = columns
            .iter()
            .zip(record.iter())
            .filter_map(|(c, v)| c.map(|c| (c, v.to_string())))
            .collect();
        rows.push(Row { line, cells });
    }
    if rows.is_empty() {
        return Err(SheetProblem::Empty);
    }
    Ok(Sheet {
        columns: columns.into_iter().flatten().collect(),
        ignored,
        rows,
    })
}

/// What the file's words refer to: categories and brands by slug or name (lower case).
pub struct Lookups {
    pub categories: HashMap<String, i64>,
    pub brands: HashMap<String, i64>,
    pub category_ids: Vec<i64>,
    pub brand_ids: Vec<i64>,
    pub tax_classes: Vec<String>,
}

fn yes_no(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "1" | "yes" | "y" | "true" | "ja" | "j" | "x" => Some(true),
        "0" | "no" | "n" | "false" | "nej" | "" => Some(false),
        _ => None,
    }
}

/// A cell that would run as a formula in a spreadsheet (`=`, `@`, or `+`/`-` before a
/// non-number); refused in text columns so an export never carries one back out.
fn formula(cell: &str) -> bool {
    let mut chars = cell.trim_start().chars();
    match chars.next() {
        Some('=' | '@') => true,
        Some('+' | '-') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// A checked row: the product to save and whether it is on sale and featured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ready {
    pub draft: Draft,
    pub active: bool,
    pub featured: bool,
}

/// Checks one row over the product's current `fields` (or a new product's defaults): the file's
/// cells replace what they name; then the form's rules. Problems name the column.
pub fn check_row(
    row: &Row,
    current: Option<&Fields>,
    lookups: &Lookups,
) -> Result<Ready, Vec<Refusal>> {
    let mut f = current.cloned().unwrap_or_else(Fields::new_product);
    let mut errors = Vec::new();
    let refuse = |field, key| Refusal {
        field,
        key,
        count: 0,
    };
    // In the columns' order, so a row's problems are always listed the same way.
    for column in &COLUMNS {
        let Some(cell) = row.cells.get(column) else {
            continue;
        };
        let cell = cell.trim();
        if *column != "price" && *column != "specs" && formula(cell) {
            errors.push(refuse(column, "import-formula"));
            continue;
        }
        match *column {
            "sku" => f.sku = cell.to_string(),
            "name" => f.name = cell.to_string(),
            "slug" => f.slug = cell.to_string(),
            "category" => match lookups.categories.get(&cell.to_lowercase()) {
                Some(id) => f.category = id.to_string(),
                None if cell.is_empty() => f.category.clear(),
                None => errors.push(refuse("category", "import-category-unknown")),
            },
            "brand" => match lookups.brands.get(&cell.to_lowercase()) {
                Some(id) => f.brand = id.to_string(),
                None if cell.is_empty() => f.brand.clear(),
                None => errors.push(refuse("brand", "import-brand-unknown")),
            },
            "tax_class" => f.tax_class = cell.to_lowercase(),
            "price" => f.price = cell.to_string(),
            "audience" => f.audience = cell.to_lowercase(),
            "active" | "featured" => match yes_no(cell) {
                Some(b) if *column == "active" => f.active = b,
                Some(b) => f.featured = b,
                None => errors.push(refuse(column, "import-yes-no")),
            },
            "min_qty" => f.min_qty = cell.to_string(),
            "qty_step" => f.qty_step = cell.to_string(),
            "max_qty" => f.max_qty = cell.to_string(),
            "low_stock" => f.low_stock = cell.to_string(),
            "summary" => f.summary = cell.to_string(),
            "description" => f.description = cell.replace("\r\n", "\n"),
            // One per line, or separated by " | " in a one-line cell.
            "specs" => f.specs = cell.replace("\r\n", "\n").replace(" | ", "\n"),
            "seo_title" => f.seo_title = cell.to_string(),
            "seo_description" => f.seo_description = cell.to_string(),
            _ => {}
        }
    }
    // A new product made from a file takes its address from its name unless one is given.
    if current.is_none() && !row.cells.contains_key("slug") {
        f.slug.clear();
    }
    let tax: Vec<&str> = lookups.tax_classes.iter().map(String::as_str).collect();
    let known = Known {
        categories: &lookups.category_ids,
        brands: &lookups.brand_ids,
        tax_classes: &tax,
    };
    let checked = product_form::check(&f.input(), &known);
    match checked {
        Ok(draft) if errors.is_empty() => Ok(Ready {
            draft,
            active: f.active,
            featured: f.featured,
        }),
        Ok(_) => Err(errors),
        Err(more) => {
            // A category or brand the file named but we do not know is said once.
            for r in more {
                if !errors.iter().any(|e| e.field == r.field) {
                    errors.push(r);
                }
            }
            Err(errors)
        }
    }
}

/// A product's export row, in [`COLUMNS`] order (price in kronor with a point, flags as 1/0).
pub fn export_row(f: &Fields, category: &str, brand: &str, price_minor: i64) -> Vec<String> {
    let price = format!("{}.{:02}", price_minor / 100, price_minor % 100);
    vec![
        f.sku.clone(),
        f.name.clone(),
        f.slug.clone(),
        category.to_string(),
        brand.to_string(),
        f.tax_class.clone(),
        price,
        f.audience.clone(),
        u8::from(f.active).to_string(),
        u8::from(f.featured).to_string(),
        f.min_qty.clone(),
        f.qty_step.clone(),
        f.max_qty.clone(),
        f.low_stock.clone(),
        f.summary.clone(),
        f.description.clone(),
        f.specs.clone(),
        f.seo_title.clone(),
        f.seo_description.clone(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookups() -> Lookups {
        Lookups {
            categories: [("saws".to_string(), 4), ("Sågar".to_lowercase(), 4)]
                .into_iter()
                .collect(),
            brands: [("verktyg ab".to_string(), 9)].into_iter().collect(),
            category_ids: vec![4],
            brand_ids: vec![9],
            tax_classes: vec!["standard".into(), "reduced".into()],
        }
    }

    #[test]
    fn a_file_is_read_by_its_header_names() {
        let text = "\u{feff}Artikelnummer;Namn;Pris;Kategori;Colour\nTS-1;Saw;999,20;Sågar;red\n\n;;;;\nTS-2;\"Saw\nlong\";100;saws;blue\n";
        let sheet = read(text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(sheet.columns, ["sku", "name", "price", "category"]);
        assert_eq!(sheet.ignored, ["Colour"]);
        assert_eq!(sheet.rows.len(), 2);
        assert_eq!(sheet.rows[0].line, 2);
        assert_eq!(sheet.rows[1].line, 5);
        assert_eq!(sheet.rows[1].cells["name"], "Saw\nlong");
    }

    #[test]
    fn files_that_cannot_be_read_say_why() {
        let table: [(&str, SheetProblem); 3] = [
            ("name,price\nSaw,100\n", SheetProblem::NoSku),
            ("sku,SKU\nA,B\n", SheetProblem::Repeated("SKU".into())),
            ("sku,name\n", SheetProblem::Empty),
        ];
        for (text, want) in table {
            assert_eq!(read(text).err(), Some(want), "{text:?}");
        }
    }

    fn row(cells: &[(&'static str, &str)]) -> Row {
        Row {
            line: 2,
            cells: cells.iter().map(|(k, v)| (*k, v.to_string())).collect(),
        }
    }

    #[test]
    fn a_new_product_needs_what_the_form_needs() {
        let ok = check_row(
            &row(&[
                ("sku", "ts-1"),
                ("name", "Track saw"),
                ("category", "Sågar"),
                ("brand", "Verktyg AB"),
                ("price", "999.20"),
                ("specs", "Blade: 190 mm | Weight: 3 kg"),
                ("active", "ja"),
            ]),
            None,
            &lookups(),
        );
        let Ok(ready) = ok else { panic!("{ok:?}") };
        assert_eq!(ready.draft.sku, "TS-1");
        assert_eq!(ready.draft.slug, "track-saw");
        assert_eq!(ready.draft.category_id, 4);
        assert_eq!(ready.draft.brand_id, Some(9));
        assert_eq!(ready.draft.list_price_minor, 99_920);
        assert_eq!(ready.draft.specs.len(), 2);
        assert!(ready.active);
    }

    #[test]
    fn a_row_names_each_wrong_column() {
        type Case<'a> = (Vec<(&'static str, &'a str)>, &'a str, &'a str);
        let table: Vec<Case<'_>> = vec![
            (
                vec![
                    ("sku", "A-1"),
                    ("name", "X y"),
                    ("category", "Boats"),
                    ("price", "1"),
                ],
                "category",
                "import-category-unknown",
            ),
            (
                vec![("sku", "A-1"), ("name", "X y"), ("category", "saws")],
                "price",
                "product-price-missing",
            ),
            (
                vec![
                    ("sku", "A-1"),
                    ("name", "=HYPERLINK(1)"),
                    ("category", "saws"),
                    ("price", "1"),
                ],
                "name",
                "import-formula",
            ),
            (
                vec![
                    ("sku", "A-1"),
                    ("name", "X y"),
                    ("category", "saws"),
                    ("price", "1"),
                    ("active", "maybe"),
                ],
                "active",
                "import-yes-no",
            ),
            (
                vec![
                    ("sku", "A-1"),
                    ("name", "X y"),
                    ("category", "saws"),
                    ("price", "1"),
                    ("brand", "Acme"),
                ],
                "brand",
                "import-brand-unknown",
            ),
            (
                vec![
                    ("sku", "A 1"),
                    ("name", "X y"),
                    ("category", "saws"),
                    ("price", "1"),
                ],
                "sku",
                "product-sku-bad",
            ),
        ];
        for (cells, field, key) in table {
            let got = check_row(&row(&cells), None, &lookups());
            let Err(e) = got else {
                panic!("{field} accepted")
            };
            assert_eq!((e[0].field, e[0].key), (field, key), "{e:?}");
            assert_eq!(e.len(), 1, "{e:?}");
        }
    }

    #[test]
    fn columns_left_out_keep_the_current_values() {
        let current = Fields {
            sku: "TS-1".into(),
            name: "Track saw".into(),
            slug: "track-saw".into(),
            category: "4".into(),
            price: "999,20".into(),
            description: "Kept.".into(),
            ..Fields::new_product()
        };
        let got = check_row(
            &row(&[("sku", "ts-1"), ("price", "899")]),
            Some(&current),
            &lookups(),
        );
        let Ok(ready) = got else { panic!("{got:?}") };
        assert_eq!(ready.draft.list_price_minor, 89_900);
        assert_eq!(ready.draft.description, "Kept.");
        assert_eq!(ready.draft.slug, "track-saw");
    }

    #[test]
    fn an_export_row_reads_back_as_the_same_product() {
        let f = Fields {
            sku: "TS-1".into(),
            name: "Track saw".into(),
            slug: "track-saw".into(),
            category: "4".into(),
            specs: "Blade: 190 mm\nWeight: 3 kg".into(),
            description: "One.\n\nTwo.".into(),
            ..Fields::new_product()
        };
        let cells = export_row(&f, "saws", "", 99_920);
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(COLUMNS).unwrap_or_default();
        w.write_record(&cells).unwrap_or_default();
        let text = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
        let sheet = read(&text).unwrap_or_else(|e| panic!("{e:?}"));
        let got = check_row(&sheet.rows[0], None, &lookups());
        let Ok(ready) = got else { panic!("{got:?}") };
        assert_eq!(ready.draft.list_price_minor, 99_920);
        assert_eq!(ready.draft.description, "One.\n\nTwo.");
        assert_eq!(ready.draft.specs.len(), 2);
    }
}
