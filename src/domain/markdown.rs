//! Markdown that staff write (articles, FAQ answers, targeted blocks) made into HTML a page can
//! show as is. CommonMark with tables and strikethrough (pulldown-cmark); raw HTML in the text is
//! shown as text, never passed through; then the result is cleaned by ammonia with an allow-list,
//! so no script, event handler, style or `javascript:` link survives whatever was typed.
//! A `#` heading becomes `<h2>`: the page's own title is its only `<h1>`.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;

/// The most characters of Markdown staff may save in one body.
pub const BODY_MAX: usize = 50_000;

/// `#` becomes `<h2>`: the page's title is its only `<h1>`. Other levels stay as typed, so
/// `##` sections under a title read as the outline staff wrote.
fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        other => other,
    }
}

/// `markdown` as sanitised HTML.
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        // Typed HTML is text: "<b>" shows as "<b>".
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: lower(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(lower(level))),
        other => other,
    });
    let mut html = String::with_capacity(markdown.len() * 5 / 4);
    pulldown_cmark::html::push_html(&mut html, events);
    clean(&html)
}

/// The allow-list: text structure, links (`http`, `https`, `mailto`, `tel` or on this site),
/// pictures on this site and tables; nothing that runs, styles or frames.
fn clean(html: &str) -> String {
    let tags: HashSet<&str> = [
        "a",
        "blockquote",
        "br",
        "code",
        "del",
        "em",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "img",
        "li",
        "ol",
        "p",
        "pre",
        "strong",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ]
    .into_iter()
    .collect();
    ammonia::Builder::default()
        .tags(tags)
        .tag_attributes(
            [
                ("a", ["href", "title"].into_iter().collect()),
                ("img", ["src", "alt", "title"].into_iter().collect()),
                ("ol", ["start"].into_iter().collect()),
            ]
            .into_iter()
            .collect(),
        )
        .generic_attributes(HashSet::new())
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .set_tag_attribute_value("img", "loading", "lazy")
        // The pages' content security policy loads pictures from this site only.
        .attribute_filter(|element, attribute, value| {
            let off_site = element == "img"
                && attribute == "src"
                && (!value.starts_with('/') || value.starts_with("//"));
            (!off_site).then_some(value.into())
        })
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_safe_html() {
        // (markdown, must contain, must not contain)
        let cases: &[(&str, &[&str], &[&str])] = &[
            ("Hello *world*", &["<p>Hello <em>world</em></p>"], &[]),
            ("# Title", &["<h2>Title</h2>"], &["<h1>"]),
            (
                "## Part\n\n###### Deep",
                &["<h2>Part</h2>", "<h6>Deep</h6>"],
                &[],
            ),
            (
                "<script>alert(1)</script>",
                &["&lt;script&gt;alert(1)&lt;/script&gt;"],
                &["<script"],
            ),
            (
                "Text <img src=x onerror=alert(1)> more",
                &["&lt;img src=x onerror=alert(1)&gt;"],
                &["<img"],
            ),
            (
                "[click](javascript:alert(1))",
                &["<a rel=\"noopener noreferrer nofollow\">click</a>"],
                &["javascript"],
            ),
            (
                "[site](https://example.com \"t\")",
                &[
                    "href=\"https://example.com\"",
                    "rel=\"noopener noreferrer nofollow\"",
                ],
                &[],
            ),
            ("[help](/help/faq)", &["href=\"/help/faq\""], &[]),
            ("[mail](mailto:a@b.se)", &["href=\"mailto:a@b.se\""], &[]),
            (
                "![A drill](/static/img/drill.jpg)",
                &["<img src=\"/static/img/drill.jpg\" alt=\"A drill\" loading=\"lazy\">"],
                &[],
            ),
            (
                "![far](https://example.com/a.jpg) ![far](//example.com/a.jpg)",
                &["<img loading=\"lazy\" alt=\"far\">"],
                &["example.com"],
            ),
            (
                "![x](data:image/svg+xml;base64,PHN2Zz4=)",
                &["alt=\"x\""],
                &["data:"],
            ),
            (
                "| A | B |\n|---|--:|\n| 1 | 2 |",
                &["<table>", "<th>A</th>", "<td>2</td>"],
                &["style"],
            ),
            (
                "- one\n- two",
                &["<ul>\n<li>one</li>\n<li>two</li>\n</ul>"],
                &[],
            ),
            ("3. three\n4. four", &["<ol start=\"3\">"], &[]),
            ("~~old~~ new", &["<del>old</del>"], &[]),
            ("`<b>`", &["<code>&lt;b&gt;</code>"], &["<b>"]),
            ("> quoted", &["<blockquote>"], &[]),
            (
                "<iframe src=\"https://evil\"></iframe>",
                &["&lt;iframe"],
                &["<iframe"],
            ),
            ("", &[], &["<"]),
        ];
        for (md, yes, no) in cases {
            let html = to_html(md);
            for y in *yes {
                assert!(html.contains(y), "{md:?} → {html:?} lacks {y:?}");
            }
            for n in *no {
                assert!(!html.contains(n), "{md:?} → {html:?} has {n:?}");
            }
        }
    }
}
