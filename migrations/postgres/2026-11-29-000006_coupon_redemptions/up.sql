-- Who used which coupon on which order: per-customer limits are counted here, and a declined or
-- expired payment takes its redemption back (db::orders).
CREATE TABLE coupon_redemptions (
    id BIGSERIAL PRIMARY KEY,
    coupon_id BIGINT NOT NULL REFERENCES coupons (id),
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    user_id BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (coupon_id, order_id)
);
CREATE INDEX coupon_redemptions_email ON coupon_redemptions (coupon_id, email);
