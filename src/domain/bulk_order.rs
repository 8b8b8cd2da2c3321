//! Bulk ordering, pure: reading pasted text and uploaded CSV files (size, encoding, delimiter,
//! header, line limit) into entries, and checking the entries against the catalog as the caller
//! looks it up — unknown SKUs, quantity rules, stock (counting what the cart already holds),
//! duplicates (merged, and said so) and cells that look like spreadsheet formulas.

use super::cart::{QuantityError, QuantityRules};
use std::collections::HashMap;

/// At most this many lines are read from one file or paste.
pub const MAX_LINES: usize = 10_000;
/// At most this many bytes are read from one file.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// Why a whole file or paste cannot be read; nothing in it is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    Empty,
    TooLarge,
    TooManyLines {
        lines: usize,
    },
    /// An Excel or OpenDocument workbook rather than CSV.
    Spreadsheet,
    /// Not text at all.
    Binary,
}

/// The text encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    /// Not UTF-8: read as Windows-1252 (Excel's "CSV" on Western European Windows).
    Windows1252,
}

/// The file's bytes as text.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), FileProblem> {
    decode_up_to(bytes, MAX_BYTES)
}

/// The file's bytes as text, when there are at most `max` of them.
pub fn decode_up_to(bytes: &[u8], max: usize) -> Result<(String, Encoding), FileProblem> {
    if bytes.len() > max {
        return Err(FileProblem::TooLarge);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(FileProblem::Spreadsheet);
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        match std::str::from_utf8(rest) {
            Ok(t) => (t.to_string(), Encoding::Utf8),
            Err(_) => return Err(FileProblem::Binary),
        }
    } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let (text, _, bad) = encoding_rs::UTF_16LE.decode(bytes); // the BOM picks LE or BE
        if bad {
            return Err(FileProblem::Binary);
        }
        (text.into_owned(), Encoding::Utf16)
    } else {
        match std::str::from_utf8(bytes) {
            Ok(t) => (t.to_string(), Encoding::Utf8),
            Err(_) if bytes.contains(&0) => return Err(FileProblem::Binary),
            Err(_) => {
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                (text.into_owned(), Encoding::Windows1252)
            }
        }
    };
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
    {
        return Err(FileProblem::Binary);
    }
    if text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    Ok((text, encoding))
}

/// One line as read: its line number in the text (1-based), SKU and quantity as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub line: usize,
    pub sku: String,
    pub quantity: String,
}

/// The delimiter of a CSV text, from its first line: tab, semicolon or comma.
pub fn delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first.contains('\t') {
        b'\t'
    } else if first.contains(';') {
        b';'
    } else {
        b','
    }
}

fn looks_like_header(sku: &str, quantity: &str) -> bool {
    let (s, q) = (sku.to_lowercase(), quantity.to_lowercase());
    !q.chars().any(|c| c.is_ascii_digit())
        && ([
            "sku", "art", "item", "product", "produkt", "nummer", "number",
        ]
        .iter()
        .any(|w| s.contains(w))
            || ["qty", "quantity", "antal", "amount"]
                .iter()
                .any(|w| q.contains(w)))
}

/// Reads "SKU, quantity" lines: comma, semicolon or tab separated (chosen from the first line),
/// or "SKU quantity" with a space; quoted cells as in CSV; blank lines and a header line skipped;
/// columns after the second ignored.
pub fn read(text: &str) -> Result<Vec<Entry>, FileProblem> {
    let delimiter = delimiter(text);
    let mut entries = Vec::new();
    let mut lines = 0;
    // Line by line (a SKU or a quantity never spans lines), so line numbers are the file's.
    for (at, raw) in text.lines().enumerate() {
        let line = at + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(raw.as_bytes());
        let record = match reader.records().next() {
            Some(Ok(r)) => r,
            _ => csv::StringRecord::from(vec![raw]),
        };
        let mut cells = record.iter().map(str::trim);
        let first = cells.next().unwrap_or("");
        let second = cells.next().unwrap_or("");
        let (sku, quantity) = if second.is_empty() && record.len() <= 2 {
            // "SKU 12": the last word is the quantity.
            match first.rsplit_once(char::is_whitespace) {
                Some((s, q)) if q.chars().all(|c| c.is_ascii_digit()) => (s.trim(), q),
                _ => (first, ""),
            }
        } else {
            (first, second)
        };
        if sku.is_empty() && quantity.is_empty() {
            continue;
        }
        if lines == 0 && looks_like_header(sku, quantity) {
            lines += 1;
            continue;
        }
        lines += 1;
        if entries.len() >= MAX_LINES {
            let more = text.lines().skip(line).filter(|l| !l.trim().is_empty());
            return Err(FileProblem::TooManyLines {
                lines: MAX_LINES + 1 + more.count(),
            });
        }
        entries.push(Entry {
            line,
            sku: sku.to_string(),
            quantity: quantity.to_string(),
        });
    }
    if entries.is_empty() {
        return Err(FileProblem::Empty);
    }
    Ok(entries)
}

/// A product as the check needs it.
#[derive(Debug, Clone)]
pub struct Found {
    pub product_id: i64,
    pub sku: String,
    pub name: String,
    pub rules: QuantityRules,
    /// Units that can still be sold.
    pub available: i64,
    /// Units of it already in the buyer's cart.
    pub in_cart: u32,
}

/// Why a line (or a group of merged lines) cannot be ordered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineProblem {
    MissingSku,
    /// A cell starting with `=` or `@`, or `+`/`-` followed by something other than a number.
    Formula,
    Unknown,
    Quantity(QuantityError),
    /// Not enough stock for what the cart would then hold.
    Short {
        available: i64,
        in_cart: u32,
    },
}

/// One product to order, or one problem: which lines it came from (more than one when
/// duplicates were merged), what was typed and the outcome.
#[derive(Debug, Clone)]
pub struct Checked {
    pub lines: Vec<usize>,
    pub sku: String,
    pub quantity: String,
    pub outcome: Result<Ready, LineProblem>,
}

/// A line ready to go into the cart: `quantity` more of the product.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ready {
    pub product_id: i64,
    pub sku: String,
    pub name: String,
    pub quantity: u32,
}

fn formula(cell: &str) -> bool {
    let mut chars = cell.chars();
    match chars.next() {
        Some('=' | '@') => true,
        Some('+' | '-') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// The SKU as the catalog spells it: trimmed, upper case.
pub fn normalise_sku(sku: &str) -> String {
    sku.trim().to_uppercase()
}

/// Checks entries in the order given; the same SKU on several lines becomes one line with the
/// quantities added up (checked as a total). `find` looks a normalised SKU up.
pub fn check(entries: &[Entry], find: impl Fn(&str) -> Option<Found>) -> Vec<Checked> {
    // Any whole number first; the product's own rules apply to the merged total.
    let loose = QuantityRules {
        min: 1,
        step: 1,
        max: u32::MAX,
    };
    let mut out: Vec<Checked> = Vec::new();
    let mut groups: HashMap<String, (usize, u64)> = HashMap::new();
    for e in entries {
        let parsed = if e.sku.is_empty() {
            Err(LineProblem::MissingSku)
        } else if formula(&e.sku) || formula(&e.quantity) {
            Err(LineProblem::Formula)
        } else {
            loose.parse(&e.quantity).map_err(LineProblem::Quantity)
        };
        let quantity = match parsed {
            Ok(q) => u64::from(q),
            Err(problem) => {
                out.push(Checked {
                    lines: vec![e.line],
                    sku: e.sku.clone(),
                    quantity: e.quantity.clone(),
                    outcome: Err(problem),
                });
                continue;
            }
        };
        let key = normalise_sku(&e.sku);
        match groups.get_mut(&key) {
            Some((at, total)) => {
                *total += quantity;
                out[*at].lines.push(e.line);
                out[*at].quantity = total.to_string();
            }
            None => {
                groups.insert(key, (out.len(), quantity));
                out.push(Checked {
                    lines: vec![e.line],
                    sku: e.sku.clone(),
                    quantity: e.quantity.clone(),
                    outcome: Err(LineProblem::Unknown),
                });
            }
        }
    }
    for (key, (at, total)) in groups {
        let Some(found) = find(&key) else {
            continue;
        };
        let total_u32 = u32::try_from(total).unwrap_or(u32::MAX);
        let in_cart = found.in_cart;
        let outcome = match found.rules.check(total_u32.saturating_add(in_cart)) {
            Err(QuantityError::TooSmall { .. } | QuantityError::NotInSteps { .. })
                if in_cart > 0 =>
            {
                // The cart's own quantity may already be off-step; judge what was asked.
                found
                    .rules
                    .check(total_u32)
                    .map_err(LineProblem::Quantity)
                    .map(|_| ())
            }
            Err(e) => Err(LineProblem::Quantity(e)),
            Ok(_) => Ok(()),
        }
        .and_then(|()| {
            if i64::from(total_u32) + i64::from(in_cart) > found.available {
                Err(LineProblem::Short {
                    available: found.available.max(0),
                    in_cart,
                })
            } else {
                Ok(())
            }
        });
        out[at].outcome = outcome.map(|()| Ready {
            product_id: found.product_id,
            sku: found.sku,
            name: found.name,
            quantity: total_u32,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(line: usize, sku: &str, quantity: &str) -> Entry {
        Entry {
            line,
            sku: sku.into(),
            quantity: quantity.into(),
        }
    }

    #[test]
    fn reads_the_forms_buyers_paste_and_export() {
        // (text, entries as (line, sku, qty))
        type Read<'a> = Vec<(usize, &'a str, &'a str)>;
        let cases: [(&str, Read); 8] = [
            (
                "PO-1, 2\nPO-2,3\n",
                vec![(1, "PO-1", "2"), (2, "PO-2", "3")],
            ),
            (
                "PO-1\t2\r\nPO-2\t3",
                vec![(1, "PO-1", "2"), (2, "PO-2", "3")],
            ),
            (
                "sku;quantity\nPO-1;2\n\nPO-2;3;ignored",
                vec![(2, "PO-1", "2"), (4, "PO-2", "3")],
            ),
            (
                "Artikelnummer,Antal\n\"PO-1\",\"12\"",
                vec![(2, "PO-1", "12")],
            ),
            ("PO-1 2\nPO 2 7", vec![(1, "PO-1", "2"), (2, "PO 2", "7")]),
            ("PO-1", vec![(1, "PO-1", "")]),
            ("=HYPERLINK(\"x\"),1", vec![(1, "=HYPERLINK(\"x\")", "1")]),
            ("  \nPO-1,,\n", vec![(2, "PO-1", "")]),
        ];
        for (text, want) in cases {
            let got = read(text).unwrap();
            let got: Vec<(usize, &str, &str)> = got
                .iter()
                .map(|e| (e.line, e.sku.as_str(), e.quantity.as_str()))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn whole_file_problems_are_named() {
        let many: String = (0..=MAX_LINES).map(|i| format!("S{i},1\n")).collect();
        let just_enough: String = (0..MAX_LINES).map(|i| format!("S{i},1\n")).collect();
        assert_eq!(read(&just_enough).unwrap().len(), MAX_LINES);
        assert_eq!(
            read(&many),
            Err(FileProblem::TooManyLines {
                lines: MAX_LINES + 1
            })
        );
        assert_eq!(read(" \n\n"), Err(FileProblem::Empty));
        assert_eq!(read("sku,qty\n"), Err(FileProblem::Empty));
        assert_eq!(read("PO-1,1\n\"PO-2,2\n").unwrap()[1].sku, "PO-2,2");
        // (bytes, outcome)
        let big = vec![b'a'; MAX_BYTES + 1];
        let cases: [(&[u8], Result<Encoding, FileProblem>); 8] = [
            (b"PO-1,2", Ok(Encoding::Utf8)),
            (b"\xEF\xBB\xBFPO-1,2", Ok(Encoding::Utf8)),
            (b"\xFF\xFEP\0O\0,\x002\0", Ok(Encoding::Utf16)),
            (b"Tr\xE4d,2", Ok(Encoding::Windows1252)),
            (b"PK\x03\x04rest", Err(FileProblem::Spreadsheet)),
            (b"\x00\x01\x02\xFF", Err(FileProblem::Binary)),
            (b"   ", Err(FileProblem::Empty)),
            (&big, Err(FileProblem::TooLarge)),
        ];
        for (bytes, want) in cases {
            assert_eq!(decode(bytes).map(|(_, e)| e), want, "{bytes:?}");
        }
        assert_eq!(decode(b"Tr\xE4d,2").unwrap().0, "Träd,2");
        assert_eq!(decode(b"\xFF\xFEP\0O\0,\x002\0").unwrap().0, "PO,2");
    }

    #[test]
    fn checks_merge_and_explain_every_line() {
        let product = |sku: &str| -> Option<Found> {
            let (id, rules, available, in_cart) = match sku {
                "A" => (1, (1, 1, 100), 50, 0),
                "PACK" => (2, (12, 12, 240), 1000, 0),
                "LOW" => (3, (1, 1, 100), 5, 2),
                _ => return None,
            };
            Some(Found {
                product_id: id,
                sku: sku.into(),
                name: format!("Product {sku}"),
                rules: QuantityRules {
                    min: rules.0,
                    step: rules.1,
                    max: rules.2,
                },
                available,
                in_cart,
            })
        };
        let entries = [
            entry(1, "a", "2"),
            entry(2, "PACK", "13"),
            entry(3, "nope", "1"),
            entry(4, " A ", "3"),
            entry(5, "LOW", "4"),
            entry(6, "", "1"),
            entry(7, "=cmd|' /C calc'!A0", "1"),
            entry(8, "A", "-2"),
            entry(9, "A", "x"),
            entry(10, "PACK", "24"),
            entry(11, "A", "+1"),
        ];
        let got = check(&entries, product);
        // (lines, quantity as merged, outcome)
        let want: Vec<(Vec<usize>, &str, Result<u32, LineProblem>)> = vec![
            (vec![1, 4, 11], "6", Ok(6)),
            (
                vec![2, 10],
                "37",
                Err(LineProblem::Quantity(QuantityError::NotInSteps {
                    step: 12,
                })),
            ),
            (vec![3], "1", Err(LineProblem::Unknown)),
            (
                vec![5],
                "4",
                Err(LineProblem::Short {
                    available: 5,
                    in_cart: 2,
                }),
            ),
            (vec![6], "1", Err(LineProblem::MissingSku)),
            (vec![7], "1", Err(LineProblem::Formula)),
            (
                vec![8],
                "-2",
                Err(LineProblem::Quantity(QuantityError::TooSmall { min: 1 })),
            ),
            (
                vec![9],
                "x",
                Err(LineProblem::Quantity(QuantityError::NotANumber)),
            ),
        ];
        assert_eq!(got.len(), want.len(), "{got:#?}");
        for (g, (lines, qty, outcome)) in got.iter().zip(want) {
            assert_eq!(g.lines, lines, "{g:?}");
            assert_eq!(g.quantity, qty, "{g:?}");
            assert_eq!(
                g.outcome.as_ref().map(|r| r.quantity).map_err(Clone::clone),
                outcome,
                "{g:?}"
            );
        }
    }
}
