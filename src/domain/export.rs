//! CSV exports (cart, requisition lists, orders) that are safe to open in a spreadsheet: a cell
//! that starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading `'` so it
//! is shown as text, never evaluated (OWASP's "CSV injection"). Numbers are written as numbers.

/// A text cell as written.
pub fn safe(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// A cell in an export row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// Written as is (amounts with a dot, quantities): never made text.
    Number(String),
}

/// The rows as CSV (comma separated, quoted where needed, a header first, UTF-8 with a BOM so
/// spreadsheet programs read å, ä and ö right).
pub fn to_csv(header: &[&str], rows: &[Vec<Cell>]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(header.iter().map(|h| safe(h)));
    for row in rows {
        let _ = w.write_record(row.iter().map(|c| match c {
            Cell::Text(t) => safe(t),
            Cell::Number(n) => n.clone(),
        }));
    }
    let bytes = w.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8(bytes).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_looking_text_is_defused() {
        // (cell, written)
        let cases = [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+46 70 123", "'+46 70 123"),
            ("-5", "'-5"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("Drill, 18 V", "Drill, 18 V"),
            ("", ""),
            ("PO-01000", "PO-01000"),
        ];
        for (cell, want) in cases {
            assert_eq!(safe(cell), want, "{cell:?}");
        }
        let csv = to_csv(
            &["sku", "name", "quantity"],
            &[vec![
                Cell::Text("PO-1".into()),
                Cell::Text("=1+1, \"quoted\"".into()),
                Cell::Number("-3".into()),
            ]],
        );
        assert_eq!(
            csv,
            "\u{feff}sku,name,quantity\nPO-1,\"'=1+1, \"\"quoted\"\"\",-3\n"
        );
    }
}
