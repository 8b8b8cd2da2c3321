//! A product's video as staff set it (`product_media` rows of kind `video`; the product page plays
//! the first).

use super::schema::product_media;
use super::{DbConn, DbError};
use crate::domain::product_video::Video;
use diesel::prelude::*;

/// The product's video.
pub fn of(c: &mut DbConn, product_id: i64) -> Result<Option<Video>, DbError> {
    let row: Option<(String, Option<String>, Option<String>, String)> = product_media::table
        .filter(product_media::product_id.eq(product_id))
        .filter(product_media::kind.eq("video"))
        .order((product_media::position, product_media::id))
        .select((
            product_media::url,
            product_media::poster_url,
            product_media::captions_url,
            product_media::alt,
        ))
        .first(c)
        .optional()?;
    Ok(row.map(|(url, poster, captions, title)| Video {
        url,
        poster,
        captions,
        title,
    }))
}

/// Sets the product's one video (replacing any), or removes it (`None`); how many rows went.
pub fn set(c: &mut DbConn, product_id: i64, video: Option<&Video>) -> Result<usize, DbError> {
    let removed = diesel::delete(
        product_media::table
            .filter(product_media::product_id.eq(product_id))
            .filter(product_media::kind.eq("video")),
    )
    .execute(c)?;
    if let Some(v) = video {
        diesel::insert_into(product_media::table)
            .values((
                product_media::product_id.eq(product_id),
                product_media::kind.eq("video"),
                product_media::url.eq(&v.url),
                product_media::poster_url.eq(&v.poster),
                product_media::captions_url.eq(&v.captions),
                product_media::alt.eq(&v.title),
                product_media::width.eq(Some(1280)),
                product_media::height.eq(Some(720)),
                product_media::position.eq(0),
            ))
            .execute(c)?;
    }
    Ok(removed)
}
