//! Pure domain code: no actix, askama or diesel here. Every rule that decides a price, a quantity
//! or who may do what lives below, with table-driven unit tests beside it.

pub mod accounts;
pub mod address;
pub mod approvals;
pub mod bulk_order;
pub mod cart;
pub mod cart_rule_form;
pub mod cases;
pub mod catalog;
pub mod category_form;
pub mod chat;
pub mod checkout;
pub mod company;
pub mod company_form;
pub mod coupon_form;
pub mod dashboard;
pub mod demos;
pub mod export;
pub mod faq;
pub mod fulfilment;
pub mod listing;
pub mod money;
pub mod order_change;
pub mod pictures;
pub mod price_form;
pub mod pricing;
pub mod product_form;
pub mod product_import;
pub mod promotions;
pub mod quotes;
pub mod returns;
pub mod reviews;
pub mod search;
pub mod settings_form;
pub mod staff_form;
pub mod support;
