-- Fulfilment and returns: the carrier's tracking number on the order, variant groups for
-- exchanges ("another size or colour of the same thing"), and what a return needs to be worked
-- through (the shopper's comment, staff's note, when it arrived and was settled, the refund per
-- line).
ALTER TABLE orders ADD COLUMN tracking_number TEXT;
ALTER TABLE products ADD COLUMN variant_group TEXT;
CREATE INDEX products_variant_group ON products (variant_group);
ALTER TABLE returns ADD COLUMN comment TEXT NOT NULL DEFAULT '';
ALTER TABLE returns ADD COLUMN staff_note TEXT NOT NULL DEFAULT '';
ALTER TABLE returns ADD COLUMN requested_by BIGINT REFERENCES users (id);
ALTER TABLE returns ADD COLUMN received_at TIMESTAMP;
ALTER TABLE returns ADD COLUMN closed_at TIMESTAMP;
CREATE INDEX returns_status ON returns (status, created_at);
ALTER TABLE return_lines ADD COLUMN refund_minor BIGINT NOT NULL DEFAULT 0;
CREATE INDEX return_lines_order_line ON return_lines (order_line_id);
