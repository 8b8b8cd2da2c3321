//! Files for the shop's pages in admin: pictures, films and captions uploaded (told by their
//! content, refused next to the field with the title kept), served back (films with byte
//! ranges), searched, offered to the forms that take an address, listed with the pages that use
//! them, and deleted only when nothing does — audited, for the roles that write pages only.

use crate::helpers::{TestApp, jpeg, product_at_1000, spawn_app};
use diesel::prelude::*;
use duett::db::schema::{audit_log, content_pages};

fn audited(app: &TestApp, action: &str) -> i64 {
    audit_log::table
        .filter(audit_log::action.eq(action))
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap()
}

/// A film's first bytes as an MP4 starts (a `ftyp` box), then `len` bytes of data.
fn mp4(len: usize) -> Vec<u8> {
    let mut v = b"\0\0\0\x20ftypisom\0\0\x02\0isomiso2avc1mp41".to_vec();
    v.extend((0..len).map(|i| (i % 251) as u8));
    v
}

const CAPTIONS: &[u8] = b"WEBVTT\n\n00:00.000 --> 00:02.500\nThe drill at work.\n";

/// Uploads one file with `title`; the response.
async fn upload(
    staff: &TestApp,
    token: &str,
    title: &str,
    file: Option<(&str, Vec<u8>, &str)>,
) -> crate::helpers::Page {
    staff
        .post_parts(
            "/admin/files",
            &[("csrf_token", token), ("title", title)],
            "file",
            file.into_iter().collect(),
        )
        .await
}

#[tokio::test]
async fn staff_upload_files_the_pages_use_and_delete_only_unused_ones() {
    let app = spawn_app().await;
    let staff = app.another_browser();
    staff.login("catalog@duett.example").await;
    let empty = staff.get("/admin/files").await;
    assert_eq!(empty.status, 200);
    assert_eq!(empty.theme(), "admin");
    assert_eq!(empty.count("table.admin-files tbody tr"), 0);
    assert!(!empty.text("p.empty").is_empty());
    let token = staff.csrf_token("/admin/files").await;

    // Refused next to the field, the title kept: nothing chosen, a text file, a page named
    // like a film, captions without cues, a picture over its size.
    type Upload<'a> = Option<(&'a str, Vec<u8>, &'a str)>;
    let cases: Vec<(Upload, &str)> = vec![
        (None, "Choose a file"),
        (
            Some(("notes.txt", b"hello".to_vec(), "text/plain")),
            "notes.txt",
        ),
        (
            Some((
                "film.mp4",
                b"<html><script>x</script>".to_vec(),
                "video/mp4",
            )),
            "film.mp4",
        ),
        (
            Some((
                "empty.vtt",
                b"WEBVTT\n\nNOTE nothing\n".to_vec(),
                "text/vtt",
            )),
            "WebVTT",
        ),
        (
            Some((
                "huge.jpg",
                {
                    let mut v = jpeg(300, 300);
                    v.resize(16 * 1024 * 1024, 0);
                    v
                },
                "image/jpeg",
            )),
            "15 MB",
        ),
    ];
    for (file, says) in cases {
        let refused = upload(&staff, &token, "Kept title", file).await;
        assert_eq!(refused.status, 422);
        let message = refused.text("#file-error");
        assert!(message.contains(says), "{says}: {message}");
        assert_eq!(
            refused.attr("#file", "aria-invalid").as_deref(),
            Some("true")
        );
        assert_eq!(
            refused.attr("#title", "value").as_deref(),
            Some("Kept title")
        );
    }
    // Without the form's token nothing is taken.
    let forged = staff
        .post_parts(
            "/admin/files",
            &[("title", "x")],
            "file",
            vec![("a.vtt", CAPTIONS.to_vec(), "text/vtt")],
        )
        .await;
    assert_eq!(forged.status, 403);

    // A film: kept under a generated name, served with its type and byte ranges.
    let film_bytes = mp4(40_000);
    let saved = upload(
        &staff,
        &token,
        "",
        Some(("drill_at-work.mp4", film_bytes.clone(), "video/mp4")),
    )
    .await;
    assert_eq!(saved.status, 303);
    let film_page = saved.location();
    let page = staff.get(&film_page).await;
    assert_eq!(page.text("h1"), "drill at work");
    let film = page.text("#file-url");
    assert!(
        film.starts_with("/media/f/") && film.ends_with(".mp4"),
        "{film}"
    );
    assert!(!film.contains("drill"), "{film}");
    assert_eq!(page.attr("video", "src").as_deref(), Some(film.as_str()));
    let served = app.get_raw(&film).await;
    assert_eq!(served.status(), 200);
    assert_eq!(served.headers()["content-type"], "video/mp4");
    assert_eq!(served.headers()["x-content-type-options"], "nosniff");
    assert_eq!(
        served.bytes().await.unwrap().as_ref(),
        film_bytes.as_slice()
    );
    let part = reqwest::Client::new()
        .get(app.url(&film))
        .header("range", "bytes=0-9")
        .send()
        .await
        .unwrap();
    assert_eq!(part.status(), 206);
    assert_eq!(part.bytes().await.unwrap().as_ref(), &film_bytes[..10]);
    assert_eq!(app.get_raw("/media/f/..%2Fduett.db").await.status(), 404);

    // Captions and a picture (resized into the shop's widths; its Markdown to paste).
    let saved = upload(
        &staff,
        &token,
        "Drill captions",
        Some(("drill.vtt", CAPTIONS.to_vec(), "text/vtt")),
    )
    .await;
    assert_eq!(saved.status, 303);
    let captions = staff.get(&saved.location()).await.text("#file-url");
    assert!(captions.ends_with(".vtt"), "{captions}");
    let served = app.get_raw(&captions).await;
    assert_eq!(served.headers()["content-type"], "text/vtt; charset=utf-8");
    let saved = upload(
        &staff,
        &token,
        "Drill in use",
        Some(("IMG_0001.jpg", jpeg(900, 700), "image/jpeg")),
    )
    .await;
    assert_eq!(saved.status, 303);
    let picture_page = saved.location();
    let page = staff.get(&picture_page).await;
    let picture = page.text("#file-url");
    assert!(picture.starts_with("/media/p/"), "{picture}");
    assert_eq!(
        page.text("#file-snippet"),
        format!("![Drill in use]({picture})")
    );
    let srcset = page.attr(".file-preview img", "srcset").unwrap();
    let small = srcset.split(',').next().unwrap().split_whitespace().next();
    let small = small.unwrap().to_string();
    assert_ne!(small, picture);
    assert_eq!(app.get_raw(&small).await.status(), 200);

    // The list: newest first, searched by title, filtered by kind (a bad kind is ignored).
    let list = staff.get("/admin/files").await;
    assert_eq!(
        list.select_texts("table.admin-files tbody td:nth-child(2) a"),
        ["Drill in use", "Drill captions", "drill at work"]
    );
    let found = staff.get("/admin/files?q=CAPTIONS").await;
    assert_eq!(
        found.select_texts("table.admin-files tbody td:nth-child(2) a"),
        ["Drill captions"]
    );
    let films = staff.get("/admin/files?kind=video").await;
    assert_eq!(films.count("table.admin-files tbody tr"), 1);
    let odd = staff.get("/admin/files?kind=zip&q=nothing%25here").await;
    assert_eq!(odd.status, 200);
    assert_eq!(odd.count("table.admin-files tbody tr"), 0);

    // The product's video form offers them; the product plays the film with its captions.
    let (product, _, slug) = product_at_1000(&app);
    let form_path = format!("/admin/products/{product}");
    let form = staff.get(&form_path).await;
    assert_eq!(
        form.attrs("datalist#library-videos option", "value"),
        [film.as_str()]
    );
    assert_eq!(
        form.attr("#video_url", "list").as_deref(),
        Some("library-videos")
    );
    assert_eq!(
        form.attrs("datalist#library-pictures option", "value"),
        [picture.as_str()]
    );
    let token_form = staff.csrf_token(&form_path).await;
    let set = staff
        .post_form(
            &format!("{form_path}/video"),
            &form_path,
            &[
                ("video_url", film.as_str()),
                ("video_poster", picture.as_str()),
                ("video_captions", captions.as_str()),
                ("video_title", "The drill at work"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(set.status, 303, "{token_form}");
    let shop = app
        .another_browser()
        .get(&format!("/products/{slug}"))
        .await;
    assert_eq!(
        shop.attr("video source", "src").as_deref(),
        Some(film.as_str())
    );
    assert_eq!(
        shop.attr("video source", "type").as_deref(),
        Some("video/mp4")
    );
    assert_eq!(
        shop.attr("video track", "src").as_deref(),
        Some(captions.as_str())
    );

    // An article shows the picture (a smaller width of it counts too).
    let article: (i64, String) = content_pages::table
        .order(content_pages::id)
        .select((content_pages::id, content_pages::title))
        .first(&mut app.pool.get().unwrap())
        .unwrap();
    diesel::update(content_pages::table.find(article.0))
        .set(content_pages::body_markdown.eq(format!("Look:\n\n![Drill]({small})\n")))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();

    // Where each is used; a file in use is not deleted (the page says where), an unused one is.
    let page = staff.get(&film_page).await;
    assert_eq!(
        page.attrs(".file-uses a", "href"),
        [format!("/admin/products/{product}")]
    );
    assert_eq!(page.count(".file-delete"), 0);
    let refused = staff
        .post_form(&format!("{film_page}/delete"), &film_page, &[])
        .await;
    assert_eq!(refused.status, 409);
    assert!(!refused.text(".file-refused").is_empty());
    assert_eq!(app.get_raw(&film).await.status(), 200);
    let page = staff.get(&picture_page).await;
    let uses = page.attrs(".file-uses a", "href");
    assert!(
        uses.contains(&format!("/admin/products/{product}")),
        "{uses:?}"
    );
    assert!(
        uses.contains(&format!("/admin/content/{}", article.0)),
        "{uses:?}"
    );
    // Taken off the product, the film goes, and with it its file.
    let off = staff
        .post_form(
            &format!("{form_path}/video"),
            &form_path,
            &[("action", "remove")],
        )
        .await;
    assert_eq!(off.status, 303);
    let deleted = staff
        .post_form(&format!("{film_page}/delete"), &film_page, &[])
        .await;
    assert_eq!(deleted.status, 303);
    assert_eq!(deleted.location(), "/admin/files");
    assert_eq!(app.get_raw(&film).await.status(), 404);
    assert_eq!(staff.get(&film_page).await.status, 404);
    // Still in an article: the picture stays.
    let refused = staff
        .post_form(&format!("{picture_page}/delete"), &picture_page, &[])
        .await;
    assert_eq!(refused.status, 409);
    assert_eq!(app.get_raw(&small).await.status(), 200);
    assert_eq!(audited(&app, "file_uploaded"), 3);
    assert_eq!(audited(&app, "file_deleted"), 1);

    // Support agents do not write pages: no menu entry, refused.
    let support = app.another_browser();
    support.login("support@duett.example").await;
    assert_eq!(support.get("/admin/files").await.status, 403);
    assert_eq!(support.get(&picture_page).await.status, 403);
    let token = support.csrf_token("/admin").await;
    let refused = upload(
        &support,
        &token,
        "",
        Some(("a.vtt", CAPTIONS.to_vec(), "text/vtt")),
    )
    .await;
    assert_eq!(refused.status, 403);
    // Sales reps write articles: they may.
    let sales = app.another_browser();
    sales.login("sales@duett.example").await;
    assert_eq!(sales.get("/admin/files").await.status, 200);
}
