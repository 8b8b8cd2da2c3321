//! The staff forms for the catalog's structure, pure: a category (name, address, parent,
//! description, industry, shown or hidden) checked against the tree it goes into, its place
//! among its siblings, and a brand (name, address). `db::category_admin` stores them.
//!
//! Tree rules: a category cannot move under itself or one of its own subcategories, the tree is
//! at most `MAX_DEPTH` levels deep (the shops show a category with its subcategories and a
//! breadcrumb), and a shown category cannot sit under a hidden one — hiding a category hides its
//! subcategories with it.

use super::catalog::Slug;
use super::company_form::INDUSTRIES;

/// Levels of the tree: group → category → subcategory.
pub const MAX_DEPTH: usize = 3;
pub const NAME_MAX: usize = 80;
pub const DESCRIPTION_MAX: usize = 2_000;
pub const BRAND_NAME_MAX: usize = 60;

/// Field name → message key.
pub type Errors = Vec<(&'static str, &'static str)>;

/// A category as the tree knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub active: bool,
}

/// What staff typed.
#[derive(Debug, Clone, Default)]
pub struct Input<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    /// A category id, or empty for the top level.
    pub parent: &'a str,
    pub description: &'a str,
    pub industry: &'a str,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub name: String,
    pub slug: String,
    pub parent_id: Option<i64>,
    pub description: String,
    pub industry: &'static str,
    pub active: bool,
}

/// `id`'s depth from the top (0 for a top-level category), or `None` when it is unknown.
fn depth(tree: &[Node], id: i64) -> Option<usize> {
    let mut depth = 0;
    let mut at = tree.iter().find(|n| n.id == id)?;
    while let Some(parent) = at.parent_id {
        depth += 1;
        if depth > tree.len() {
            return None;
        }
        at = tree.iter().find(|n| n.id == parent)?;
    }
    Some(depth)
}

/// Every category under `id`, at any depth.
pub fn descendants(tree: &[Node], id: i64) -> Vec<i64> {
    let mut out = Vec::new();
    let mut queue = vec![id];
    while let Some(at) = queue.pop() {
        for child in tree.iter().filter(|n| n.parent_id == Some(at)) {
            if child.id != id && !out.contains(&child.id) {
                out.push(child.id);
                queue.push(child.id);
            }
        }
    }
    out
}

/// Levels below `id` (0 when it has no subcategories).
fn height(tree: &[Node], id: i64) -> usize {
    tree.iter()
        .filter(|n| n.parent_id == Some(id))
        .map(|n| 1 + height(tree, n.id))
        .max()
        .unwrap_or(0)
}

/// Checks the whole form for the category `this` (`None` for a new one) in `tree`.
pub fn check(input: &Input<'_>, this: Option<i64>, tree: &[Node]) -> Result<Draft, Errors> {
    let mut errors = Errors::new();
    let name = input.name.trim();
    let count = name.chars().count();
    if !(2..=NAME_MAX).contains(&count) {
        errors.push(("name", "category-name-bad"));
    }
    let slug = match input.slug.trim() {
        "" => Slug::from_text(name).to_string(),
        typed => match Slug::parse(&typed.to_lowercase()) {
            Some(s) => s.to_string(),
            None => {
                errors.push(("slug", "category-slug-bad"));
                typed.to_string()
            }
        },
    };
    let parent_id = match input.parent.trim() {
        "" => None,
        typed => match typed
            .parse::<i64>()
            .ok()
            .filter(|id| depth(tree, *id).is_some())
        {
            None => {
                errors.push(("parent", "category-parent-bad"));
                None
            }
            Some(p) => {
                let below_self =
                    this.is_some_and(|me| p == me || descendants(tree, me).contains(&p));
                let levels =
                    depth(tree, p).unwrap_or(0) + 2 + this.map_or(0, |me| height(tree, me));
                if below_self {
                    errors.push(("parent", "category-parent-loop"));
                } else if levels > MAX_DEPTH {
                    errors.push(("parent", "category-too-deep"));
                } else if input.active && tree.iter().any(|n| n.id == p && !n.active) {
                    errors.push(("active", "category-parent-hidden"));
                }
                Some(p)
            }
        },
    };
    let description = input.description.trim();
    if description.chars().count() > DESCRIPTION_MAX {
        errors.push(("description", "category-description-long"));
    }
    let industry = INDUSTRIES
        .iter()
        .copied()
        .find(|i| *i == input.industry.trim())
        .unwrap_or_else(|| {
            errors.push(("industry", "business-industry-missing"));
            "other"
        });
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Draft {
        name: name.to_string(),
        slug,
        parent_id,
        description: description.to_string(),
        industry,
        active: input.active,
    })
}

/// The sibling order after moving `id` one place earlier (`up`) or later; `None` when it is
/// not among `siblings` or already first / last.
pub fn moved(siblings: &[i64], id: i64, up: bool) -> Option<Vec<i64>> {
    let at = siblings.iter().position(|s| *s == id)?;
    let to = if up { at.checked_sub(1)? } else { at + 1 };
    if to >= siblings.len() {
        return None;
    }
    let mut order = siblings.to_vec();
    order.swap(at, to);
    Some(order)
}

/// A brand's name and address as typed, checked.
pub fn check_brand(name: &str, slug: &str) -> Result<(String, String), Errors> {
    let mut errors = Errors::new();
    let name = name.trim();
    if name.is_empty() || name.chars().count() > BRAND_NAME_MAX {
        errors.push(("name", "brand-name-bad"));
    }
    let slug = match slug.trim() {
        "" => Slug::from_text(name).to_string(),
        typed => match Slug::parse(&typed.to_lowercase()) {
            Some(s) => s.to_string(),
            None => {
                errors.push(("slug", "category-slug-bad"));
                String::new()
            }
        },
    };
    if errors.is_empty() {
        Ok((name.to_string(), slug))
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 1 Tools (shown) → 2 Drills → 3 Cordless; 4 Office (hidden); 5 Kitchen.
    fn tree() -> Vec<Node> {
        let n = |id, parent_id, active| Node {
            id,
            parent_id,
            active,
        };
        vec![
            n(1, None, true),
            n(2, Some(1), true),
            n(3, Some(2), true),
            n(4, None, false),
            n(5, None, true),
        ]
    }

    fn input(parent: &'static str) -> Input<'static> {
        Input {
            name: " Saws ",
            slug: "",
            parent,
            description: "Hand and power saws.",
            industry: "construction",
            active: true,
        }
    }

    /// The parent and address a form gets, or the fields refused.
    type Want = Result<(Option<i64>, &'static str), Vec<&'static str>>;

    #[test]
    fn forms_are_checked_against_the_tree() {
        let long = "x".repeat(NAME_MAX + 1);
        let long_text = "x".repeat(DESCRIPTION_MAX + 1);
        // (case, input, this category, the refused fields or the parent and slug it gets)
        let cases: Vec<(&str, Input<'_>, Option<i64>, Want)> = vec![
            ("top level", input(""), None, Ok((None, "saws"))),
            ("under a group", input("1"), None, Ok((Some(1), "saws"))),
            ("third level", input("2"), None, Ok((Some(2), "saws"))),
            ("fourth level", input("3"), None, Err(vec!["parent"])),
            ("unknown parent", input("99"), None, Err(vec!["parent"])),
            ("not a number", input("x"), None, Err(vec!["parent"])),
            ("under itself", input("2"), Some(2), Err(vec!["parent"])),
            ("under its child", input("3"), Some(2), Err(vec!["parent"])),
            // Drills takes Cordless along: under Kitchen that is three levels.
            (
                "with its subtree",
                input("5"),
                Some(2),
                Ok((Some(5), "saws")),
            ),
            (
                "a leaf to the third level",
                input("2"),
                Some(5),
                Ok((Some(2), "saws")),
            ),
            ("shown under hidden", input("4"), None, Err(vec!["active"])),
            (
                "hidden under hidden",
                Input {
                    active: false,
                    ..input("4")
                },
                None,
                Ok((Some(4), "saws")),
            ),
            (
                "typed address",
                Input {
                    slug: "Power-Saws",
                    ..input("")
                },
                None,
                Ok((None, "power-saws")),
            ),
            (
                "bad address",
                Input {
                    slug: "power saws",
                    ..input("")
                },
                None,
                Err(vec!["slug"]),
            ),
            (
                "everything wrong",
                Input {
                    name: "x",
                    slug: "-",
                    parent: "99",
                    description: &long_text,
                    industry: "farming",
                    active: true,
                },
                None,
                Err(vec!["name", "slug", "parent", "description", "industry"]),
            ),
            (
                "name too long",
                Input {
                    name: &long,
                    ..input("")
                },
                None,
                Err(vec!["name"]),
            ),
        ];
        for (case, input, this, want) in cases {
            let got = check(&input, this, &tree());
            match want {
                Ok((parent, slug)) => {
                    let d = got.unwrap_or_else(|e| panic!("{case}: {e:?}"));
                    assert_eq!((d.parent_id, d.slug.as_str()), (parent, slug), "{case}");
                    assert_eq!(d.name, "Saws", "{case}");
                }
                Err(fields) => {
                    let got: Vec<&str> = got.expect_err(case).iter().map(|(f, _)| *f).collect();
                    assert_eq!(got, fields, "{case}");
                }
            }
        }
    }

    #[test]
    fn a_subtree_too_deep_is_refused() {
        // Tools (with two levels under it) cannot go under Kitchen: four levels.
        let got = check(&input("5"), Some(1), &tree()).expect_err("too deep");
        assert_eq!(got, vec![("parent", "category-too-deep")]);
    }

    #[test]
    fn descendants_at_any_depth() {
        let mut d = descendants(&tree(), 1);
        d.sort();
        assert_eq!(d, vec![2, 3]);
        assert!(descendants(&tree(), 3).is_empty());
    }

    #[test]
    fn moves_among_siblings() {
        let cases: &[(i64, bool, Option<Vec<i64>>)] = &[
            (2, true, Some(vec![2, 1, 3])),
            (2, false, Some(vec![1, 3, 2])),
            (1, true, None),
            (3, false, None),
            (9, true, None),
        ];
        for (id, up, want) in cases {
            assert_eq!(moved(&[1, 2, 3], *id, *up), *want, "{id} {up}");
        }
    }

    #[test]
    fn brands_are_checked() {
        assert_eq!(
            check_brand(" Stålberg ", ""),
            Ok(("Stålberg".to_string(), "stalberg".to_string()))
        );
        assert_eq!(
            check_brand("Ljusa", "LJUSA-ab"),
            Ok(("Ljusa".to_string(), "ljusa-ab".to_string()))
        );
        let long = "x".repeat(BRAND_NAME_MAX + 1);
        for (name, slug, fields) in [
            ("", "", vec!["name"]),
            (long.as_str(), "", vec!["name"]),
            ("Ok", "a b", vec!["slug"]),
        ] {
            let got: Vec<&str> = check_brand(name, slug)
                .expect_err(name)
                .iter()
                .map(|(f, _)| *f)
                .collect();
            assert_eq!(got, fields, "{name:?} {slug:?}");
        }
    }
}
