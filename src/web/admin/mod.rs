//! Staff admin under `/admin`, in its own theme. Every route states the staff roles it admits.

mod act_for;
mod applications;
mod audit;
mod brands;
mod cart_rules;
mod cases;
mod categories;
mod chats;
mod companies;
mod content;
mod coupons;
mod customers;
mod dashboard;
mod demos;
mod faq;
pub(crate) mod files;
pub mod nav;
mod order_notes;
mod order_print;
mod order_refund;
mod orders;
mod outbox;
mod prices;
mod products;
mod promotions;
mod quotes;
mod returns;
mod reviews;
mod sales;
mod settings;
mod staff;
mod testimonials;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cases::routes(cfg);
    chats::routes(cfg);
    cfg.route("/admin", web::get().to(dashboard::show))
        .route("/admin/outbox", web::get().to(outbox::show))
        .route("/admin/audit", web::get().to(audit::show))
        .route("/admin/applications", web::get().to(applications::list))
        .route(
            "/admin/applications/{id}/approve",
            web::post().to(applications::approve),
        )
        .route(
            "/admin/applications/{id}/reject",
            web::post().to(applications::reject),
        )
        .route("/admin/orders", web::get().to(orders::list))
        .route("/admin/orders/{number}", web::get().to(orders::show))
        .route("/admin/orders/{number}/step", web::post().to(orders::step))
        .route(
            "/admin/orders/{number}/notes",
            web::post().to(order_notes::add),
        )
        .route(
            "/admin/orders/{number}/refund",
            web::post().to(order_refund::give),
        )
        .route(
            "/admin/orders/{number}/print",
            web::get().to(order_print::show),
        )
        .service(
            web::resource("/admin/act-for")
                .route(web::get().to(act_for::list))
                .route(web::post().to(act_for::start)),
        )
        .route(crate::auth::acting::STOP, web::post().to(act_for::stop))
        .route("/admin/quotes", web::get().to(quotes::list))
        .service(
            web::resource("/admin/quotes/{number}")
                .route(web::get().to(quotes::show))
                .route(web::post().to(quotes::answer)),
        )
        .route("/admin/demos", web::get().to(demos::list))
        .service(
            web::resource("/admin/demos/{number}")
                .route(web::get().to(demos::show))
                .route(web::post().to(demos::act)),
        )
        .service(
            web::resource("/admin/faq")
                .route(web::get().to(faq::list))
                .route(web::post().to(faq::create)),
        )
        .route("/admin/faq/new", web::get().to(faq::new))
        .service(
            web::resource("/admin/faq/{id}")
                .route(web::get().to(faq::edit))
                .route(web::post().to(faq::update)),
        )
        .service(
            web::resource("/admin/content")
                .route(web::get().to(content::list))
                .route(web::post().to(content::create)),
        )
        .route("/admin/content/new", web::get().to(content::new))
        .service(
            web::resource("/admin/files")
                .route(web::get().to(files::list))
                .route(web::post().to(files::upload)),
        )
        .route("/admin/files/{id}", web::get().to(files::show))
        .route("/admin/files/{id}/delete", web::post().to(files::remove))
        .service(
            web::resource("/admin/content/{id}")
                .route(web::get().to(content::edit))
                .route(web::post().to(content::update)),
        )
        .service(
            web::resource("/admin/testimonials")
                .route(web::get().to(testimonials::list))
                .route(web::post().to(testimonials::create)),
        )
        .route("/admin/testimonials/new", web::get().to(testimonials::new))
        .service(
            web::resource("/admin/testimonials/{id}")
                .route(web::get().to(testimonials::edit))
                .route(web::post().to(testimonials::update)),
        )
        .service(
            web::resource("/admin/coupons")
                .route(web::get().to(coupons::list))
                .route(web::post().to(coupons::create)),
        )
        .route("/admin/coupons/new", web::get().to(coupons::new))
        .service(
            web::resource("/admin/coupons/{id}")
                .route(web::get().to(coupons::edit))
                .route(web::post().to(coupons::update)),
        )
        .service(
            web::resource("/admin/promotions")
                .route(web::get().to(promotions::list))
                .route(web::post().to(promotions::create)),
        )
        .route("/admin/promotions/new", web::get().to(promotions::new))
        .service(
            web::resource("/admin/promotions/{id}")
                .route(web::get().to(promotions::edit))
                .route(web::post().to(promotions::update)),
        )
        .service(
            web::resource("/admin/products")
                .route(web::get().to(products::list))
                .route(web::post().to(products::create)),
        )
        .route("/admin/products/new", web::get().to(products::new))
        .route("/admin/products/bulk", web::post().to(products::bulk))
        .route(
            "/admin/products/export.csv",
            web::get().to(products::export),
        )
        .service(
            web::resource("/admin/products/import")
                .route(web::get().to(products::import_form))
                .route(web::post().to(products::upload)),
        )
        .service(
            web::resource("/admin/products/import/{id}")
                .route(web::get().to(products::job))
                .route(web::post().to(products::run)),
        )
        .service(
            web::resource("/admin/products/{id}")
                .route(web::get().to(products::edit))
                .route(web::post().to(products::update)),
        )
        .route("/admin/products/{id}/state", web::post().to(products::act))
        .route(
            "/admin/products/{id}/stock",
            web::post().to(products::adjust),
        )
        .route(
            "/admin/products/{id}/video",
            web::post().to(products::video),
        )
        .route(
            "/admin/products/{id}/pictures/{media}",
            web::post().to(products::picture),
        )
        .service(
            web::resource("/admin/categories")
                .route(web::get().to(categories::list))
                .route(web::post().to(categories::create)),
        )
        .route("/admin/categories/new", web::get().to(categories::new))
        .service(
            web::resource("/admin/categories/{id}")
                .route(web::get().to(categories::edit))
                .route(web::post().to(categories::update)),
        )
        .route(
            "/admin/categories/{id}/move",
            web::post().to(categories::move_one),
        )
        .route(
            "/admin/categories/{id}/picture",
            web::post().to(categories::picture),
        )
        .route(
            "/admin/categories/{id}/delete",
            web::post().to(categories::remove),
        )
        .service(
            web::resource("/admin/brands")
                .route(web::get().to(brands::list))
                .route(web::post().to(brands::create)),
        )
        .route("/admin/brands/{id}", web::post().to(brands::update))
        .route("/admin/brands/{id}/delete", web::post().to(brands::remove))
        .route("/admin/settings", web::get().to(settings::show))
        .route("/admin/settings/shop", web::post().to(settings::save_shop))
        .route(
            "/admin/settings/vat/{code}",
            web::post().to(settings::save_rate),
        )
        .route(
            "/admin/settings/delivery",
            web::post().to(settings::add_delivery),
        )
        .route(
            "/admin/settings/delivery/{code}",
            web::post().to(settings::change_delivery),
        )
        .service(
            web::resource("/admin/cart-rules")
                .route(web::get().to(cart_rules::list))
                .route(web::post().to(cart_rules::create)),
        )
        .route("/admin/cart-rules/new", web::get().to(cart_rules::new))
        .service(
            web::resource("/admin/cart-rules/{id}")
                .route(web::get().to(cart_rules::edit))
                .route(web::post().to(cart_rules::update)),
        )
        .route("/admin/prices", web::get().to(prices::overview))
        .route("/admin/prices/lists", web::post().to(prices::create_list))
        .route(
            "/admin/prices/terms/{code}",
            web::post().to(prices::set_terms),
        )
        .service(
            web::resource("/admin/prices/lists/{id}")
                .route(web::get().to(prices::list))
                .route(web::post().to(prices::change_list)),
        )
        .service(
            web::resource("/admin/prices/companies/{id}")
                .route(web::get().to(prices::company))
                .route(web::post().to(prices::assign)),
        )
        .route(
            "/admin/prices/companies/{id}/contracts",
            web::post().to(prices::add_contract),
        )
        .route("/admin/customers", web::get().to(customers::list))
        .service(
            web::resource("/admin/customers/{id}")
                .route(web::get().to(customers::show))
                .route(web::post().to(customers::change)),
        )
        .route("/admin/companies", web::get().to(companies::list))
        .service(
            web::resource("/admin/companies/{id}")
                .route(web::get().to(companies::company))
                .route(web::post().to(companies::update)),
        )
        .route(
            "/admin/companies/{id}/members/{membership}",
            web::post().to(companies::member),
        )
        .service(
            web::resource("/admin/staff")
                .route(web::get().to(staff::list))
                .route(web::post().to(staff::invite)),
        )
        .route("/admin/staff/{id}", web::post().to(staff::change))
        .route("/admin/returns", web::get().to(returns::list))
        .route("/admin/returns/{number}", web::get().to(returns::show))
        .route("/admin/returns/{number}/act", web::post().to(returns::act))
        .route("/admin/reviews", web::get().to(reviews::list))
        .route("/admin/reviews/bulk", web::post().to(reviews::bulk))
        .route(
            "/admin/reviews/{id}/approve",
            web::post().to(reviews::approve),
        )
        .route(
            "/admin/reviews/{id}/reject",
            web::post().to(reviews::reject),
        );
}
