//! Seed idempotence and exact money through the database, on whichever backend the suite runs.

use crate::helpers::{fresh_database, spawn_app, test_settings};
use diesel::prelude::*;
use duett::db::money_sql::MinorUnits;
use duett::db::schema::{companies, products, users};
use duett::db::{self, seed};
use duett::domain::money::{Currency, Money};

fn counts(pool: &db::Pool) -> (i64, i64, i64) {
    let mut c = pool.get().unwrap();
    (
        products::table.count().get_result(&mut c).unwrap(),
        users::table.count().get_result(&mut c).unwrap(),
        companies::table.count().get_result(&mut c).unwrap(),
    )
}

#[tokio::test]
async fn the_demo_shop_is_seeded_once() {
    let app = spawn_app().await;
    let first = counts(&app.pool);
    assert_eq!(first.0, 300);
    assert!(first.1 >= 17, "{first:?}");
    assert_eq!(first.2, 4);
    // A second start on the same database (migrations + seed again) adds nothing.
    let again = duett::startup::prepare_database(&app.settings).unwrap();
    assert_eq!(counts(&again), first);
    seed::demo_if_empty(&again, 300).unwrap();
    assert_eq!(counts(&again), first);
}

#[tokio::test]
async fn the_seed_command_builds_a_larger_catalog() {
    let (url, _db) = fresh_database();
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(&url, dir.path());
    settings.database.seed_demo = false;
    let pool = duett::startup::prepare_database(&settings).unwrap();
    seed::demo_if_empty(&pool, 1_000).unwrap();
    assert_eq!(counts(&pool).0, 1_000);
}

#[tokio::test]
async fn money_round_trips_exactly_through_the_database() {
    let app = spawn_app().await;
    let mut c = app.pool.get().unwrap();
    let id: i64 = products::table.select(products::id).first(&mut c).unwrap();
    for minor in [0_i64, 1, 99, 124_900, 999_999_999_999, i64::MAX] {
        diesel::update(products::table.find(id))
            .set(products::list_price_minor.eq(MinorUnits(minor)))
            .execute(&mut c)
            .unwrap();
        let back: MinorUnits = products::table
            .find(id)
            .select(products::list_price_minor)
            .first(&mut c)
            .unwrap();
        assert_eq!(back, MinorUnits(minor));
        let money = back.money("SEK");
        assert_eq!(money, Money::from_minor(minor, Currency::Sek));
        assert_eq!(money.to_minor().unwrap(), minor);
    }
}

#[tokio::test]
async fn stock_cannot_go_negative_in_the_database() {
    let app = spawn_app().await;
    let mut c = app.pool.get().unwrap();
    let result = diesel::sql_query("UPDATE stock_levels SET on_hand = -1").execute(&mut c);
    assert!(
        result.is_err(),
        "the CHECK constraint refuses negative stock"
    );
}
