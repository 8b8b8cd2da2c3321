//! Demo product images, drawn as SVG by the shop itself so a fresh checkout has a real-looking
//! catalog without shipping thousands of photos. `/media/demo/<motif>-<hue>-<variant>.svg`; the
//! same name always gives the same picture, so it is cached for a year.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpResponse, web};
use std::fmt::Write;

use crate::error::AppError;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/media/demo/{name}", web::get().to(demo_image))
        .route("/media/p/{name}", web::get().to(crate::pictures::serve))
        .route("/media/f/{name}", web::get().to(crate::media_files::serve));
}

/// The motifs the demo catalog uses, one per kind of product.
pub const MOTIFS: [&str; 12] = [
    "drill",
    "hammer",
    "helmet",
    "screws",
    "paint",
    "chair",
    "desk",
    "monitor",
    "headphones",
    "pot",
    "mug",
    "lamp",
];

/// `GET /media/demo/{name}`: a product picture.
async fn demo_image(name: web::Path<String>) -> Result<HttpResponse, AppError> {
    let (motif, hue, variant) = parse(&name).ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "image/svg+xml"))
        .insert_header((CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .body(draw(motif, hue, variant)))
}

fn parse(name: &str) -> Option<(&'static str, u16, u8)> {
    let stem = name.strip_suffix(".svg")?;
    let mut parts = stem.split('-');
    let motif = parts.next()?;
    let hue: u16 = parts.next()?.parse().ok()?;
    let variant: u8 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || hue >= 360 || variant > 9 {
        return None;
    }
    let motif = MOTIFS.iter().chain(["box"].iter()).find(|m| **m == motif)?;
    Some((motif, hue, variant))
}

/// Draws one picture: a soft studio background, a shadow and the product in the hue's colours.
pub fn draw(motif: &str, hue: u16, variant: u8) -> String {
    let bg_light = 94 - u16::from(variant % 3) * 3;
    let main = format!("hsl({hue},55%,45%)");
    let dark = format!("hsl({hue},45%,25%)");
    let light = format!("hsl({hue},60%,70%)");
    let metal = "#9aa3ad";
    let ink = "#2b2f36";
    let mut s = String::with_capacity(2048);
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" width="800" height="800" role="img"><defs><radialGradient id="bg" cx="50%" cy="40%" r="75%"><stop offset="0" stop-color="hsl({hue},30%,{bg_light}%)"/><stop offset="1" stop-color="hsl({hue},25%,{}%)"/></radialGradient><linearGradient id="sh" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fff" stop-opacity=".35"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></linearGradient></defs><rect width="800" height="800" fill="url(#bg)"/><ellipse cx="400" cy="690" rx="250" ry="34" fill="#000" opacity=".12"/>"##,
        bg_light - 12
    );
    let turn = i32::from(variant % 4) * 6 - 9;
    let _ = write!(s, r##"<g transform="rotate({turn} 400 420)">"##);
    let body = match motif {
        "drill" => format!(
            r##"<rect x="180" y="250" width="360" height="130" rx="40" fill="{main}"/><rect x="540" y="290" width="120" height="50" rx="10" fill="{metal}"/><rect x="650" y="303" width="90" height="24" rx="6" fill="{ink}"/><path d="M300 380 h120 l-30 230 h-110 z" fill="{dark}"/><rect x="250" y="590" width="200" height="80" rx="20" fill="{ink}"/><rect x="210" y="275" width="150" height="30" rx="15" fill="url(#sh)"/>"##
        ),
        "hammer" => format!(
            r##"<rect x="370" y="260" width="60" height="420" rx="24" fill="{main}"/><rect x="370" y="520" width="60" height="160" rx="24" fill="{dark}"/><path d="M230 180 h330 a30 30 0 0 1 30 30 v50 a30 30 0 0 1 -30 30 h-330 l-60 -40 v-30 z" fill="{metal}"/><rect x="250" y="195" width="280" height="20" rx="10" fill="url(#sh)"/>"##
        ),
        "helmet" => format!(
            r##"<path d="M170 520 a230 230 0 0 1 460 0 z" fill="{main}"/><rect x="130" y="500" width="540" height="60" rx="30" fill="{dark}"/><rect x="370" y="280" width="60" height="240" rx="20" fill="{light}"/><path d="M230 420 a170 170 0 0 1 120 -120" stroke="#fff" stroke-opacity=".4" stroke-width="22" fill="none" stroke-linecap="round"/>"##
        ),
        "screws" => format!(
            r##"<rect x="200" y="300" width="400" height="330" rx="24" fill="{main}"/><rect x="200" y="240" width="400" height="90" rx="20" fill="{dark}"/><rect x="250" y="380" width="300" height="150" rx="12" fill="#fff" opacity=".9"/><g fill="{metal}"><rect x="290" y="410" width="18" height="90" rx="4"/><rect x="350" y="410" width="18" height="90" rx="4"/><rect x="410" y="410" width="18" height="90" rx="4"/><rect x="470" y="410" width="18" height="90" rx="4"/></g><g fill="{ink}"><rect x="280" y="400" width="38" height="14" rx="5"/><rect x="340" y="400" width="38" height="14" rx="5"/><rect x="400" y="400" width="38" height="14" rx="5"/><rect x="460" y="400" width="38" height="14" rx="5"/></g>"##
        ),
        "paint" => format!(
            r##"<path d="M230 280 h340 l-20 370 a30 30 0 0 1 -30 28 h-240 a30 30 0 0 1 -30 -28 z" fill="{metal}"/><ellipse cx="400" cy="280" rx="170" ry="40" fill="{dark}"/><ellipse cx="400" cy="276" rx="150" ry="30" fill="{main}"/><rect x="250" y="380" width="300" height="170" rx="10" fill="{main}"/><path d="M230 280 q170 -240 340 0" stroke="{ink}" stroke-width="12" fill="none"/><rect x="280" y="410" width="140" height="24" rx="12" fill="#fff" opacity=".7"/>"##
        ),
        "chair" => format!(
            r##"<rect x="260" y="150" width="280" height="300" rx="60" fill="{main}"/><rect x="230" y="440" width="340" height="80" rx="36" fill="{dark}"/><rect x="385" y="520" width="30" height="110" fill="{ink}"/><path d="M260 650 l140 -30 l140 30" stroke="{ink}" stroke-width="22" fill="none" stroke-linecap="round"/><circle cx="260" cy="660" r="18" fill="{ink}"/><circle cx="540" cy="660" r="18" fill="{ink}"/><rect x="290" y="180" width="120" height="30" rx="15" fill="url(#sh)"/>"##
        ),
        "desk" => format!(
            r##"<rect x="140" y="330" width="520" height="40" rx="10" fill="{main}"/><rect x="170" y="370" width="30" height="290" fill="{ink}"/><rect x="600" y="370" width="30" height="290" fill="{ink}"/><rect x="430" y="370" width="150" height="190" rx="8" fill="{dark}"/><rect x="455" y="400" width="100" height="12" rx="6" fill="{light}"/><rect x="455" y="470" width="100" height="12" rx="6" fill="{light}"/><rect x="220" y="250" width="150" height="80" rx="8" fill="{light}"/>"##
        ),
        "monitor" => format!(
            r##"<rect x="130" y="170" width="540" height="340" rx="22" fill="{ink}"/><rect x="155" y="195" width="490" height="290" rx="8" fill="{main}"/><path d="M155 485 L420 195 H645 V300 L380 485 z" fill="url(#sh)"/><rect x="370" y="510" width="60" height="120" fill="{metal}"/><rect x="270" y="620" width="260" height="30" rx="15" fill="{metal}"/>"##
        ),
        "headphones" => format!(
            r##"<path d="M220 470 v-70 a180 180 0 0 1 360 0 v70" stroke="{dark}" stroke-width="40" fill="none"/><rect x="170" y="430" width="110" height="190" rx="44" fill="{main}"/><rect x="520" y="430" width="110" height="190" rx="44" fill="{main}"/><rect x="190" y="450" width="30" height="150" rx="15" fill="url(#sh)"/>"##
        ),
        "pot" => format!(
            r##"<rect x="200" y="330" width="400" height="300" rx="40" fill="{metal}"/><rect x="200" y="330" width="400" height="60" rx="20" fill="{main}"/><rect x="130" y="360" width="80" height="30" rx="15" fill="{ink}"/><rect x="590" y="360" width="80" height="30" rx="15" fill="{ink}"/><ellipse cx="400" cy="310" rx="210" ry="34" fill="{dark}"/><rect x="370" y="250" width="60" height="40" rx="14" fill="{ink}"/><rect x="230" y="420" width="70" height="180" rx="30" fill="url(#sh)"/>"##
        ),
        "mug" => format!(
            r##"<path d="M230 260 h300 v330 a50 50 0 0 1 -50 50 h-200 a50 50 0 0 1 -50 -50 z" fill="{main}"/><path d="M530 330 h40 a70 70 0 0 1 0 140 h-40" stroke="{dark}" stroke-width="36" fill="none"/><ellipse cx="380" cy="260" rx="150" ry="26" fill="{dark}"/><rect x="260" y="300" width="50" height="280" rx="25" fill="url(#sh)"/><path d="M330 200 q20 -40 0 -80 M400 200 q20 -40 0 -80" stroke="{metal}" stroke-width="12" fill="none" stroke-linecap="round"/>"##
        ),
        "lamp" => format!(
            r##"<path d="M280 170 h240 l80 200 h-400 z" fill="{main}"/><ellipse cx="400" cy="370" rx="200" ry="22" fill="{dark}"/><rect x="388" y="370" width="24" height="250" fill="{ink}"/><ellipse cx="400" cy="640" rx="130" ry="26" fill="{ink}"/><ellipse cx="400" cy="395" rx="70" ry="16" fill="#ffe9a8"/><path d="M300 190 h70 l-50 160 h-60 z" fill="url(#sh)"/>"##
        ),
        _ => format!(
            r##"<path d="M200 330 l200 -100 l200 100 v260 l-200 100 l-200 -100 z" fill="{main}"/><path d="M200 330 l200 100 l200 -100" stroke="{dark}" stroke-width="10" fill="none"/><path d="M400 430 v260" stroke="{dark}" stroke-width="10"/><path d="M300 280 l200 100" stroke="{light}" stroke-width="26"/>"##
        ),
    };
    s.push_str(&body);
    s.push_str("</g></svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_or_are_refused() {
        assert_eq!(parse("drill-200-1.svg"), Some(("drill", 200, 1)));
        assert_eq!(parse("box-0-0.svg"), Some(("box", 0, 0)));
        for bad in [
            "drill-200-1.png",
            "drill-360-1.svg",
            "nope-1-1.svg",
            "drill-1.svg",
            "drill-1-1-1.svg",
            "../x-1-1.svg",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_motif_draws_a_complete_svg() {
        for m in MOTIFS {
            let svg = draw(m, 120, 2);
            assert!(
                svg.starts_with("<svg") && svg.ends_with("</g></svg>"),
                "{m}"
            );
            assert!(svg.len() > 600, "{m} is too plain");
        }
    }
}
