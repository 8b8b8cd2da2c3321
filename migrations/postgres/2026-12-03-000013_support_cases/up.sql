-- After-sales cases: a customer opens one about an order (or some of its lines) from the order's
-- page, with photos; customer and agents write in its thread; the service-level timers (first
-- response and resolution, around the clock) are due times stored when the case is opened, and
-- the resolution clock stops while the case waits on the customer (paused_seconds, waiting_since).
-- A guest reaches their case with public_token (the link in their e-mail and on the order page).
ALTER TABLE support_cases ADD COLUMN public_token TEXT NOT NULL DEFAULT '';
ALTER TABLE support_cases ADD COLUMN locale TEXT NOT NULL DEFAULT 'sv';
ALTER TABLE support_cases ADD COLUMN first_response_due_at TIMESTAMP;
ALTER TABLE support_cases ADD COLUMN resolution_due_at TIMESTAMP;
ALTER TABLE support_cases ADD COLUMN waiting_since TIMESTAMP;
ALTER TABLE support_cases ADD COLUMN paused_seconds BIGINT NOT NULL DEFAULT 0;
ALTER TABLE support_cases ADD COLUMN closed_at TIMESTAMP;
ALTER TABLE support_cases ADD COLUMN return_number TEXT;
CREATE INDEX support_cases_user ON support_cases (user_id, created_at);
CREATE INDEX support_cases_order ON support_cases (order_id);
CREATE INDEX support_cases_token ON support_cases (public_token);

-- Internal notes are for staff only; an event row (status change, a return started) has its
-- code in event and its detail in body.
ALTER TABLE case_messages ADD COLUMN internal BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE case_messages ADD COLUMN event TEXT;

CREATE TABLE case_lines (
    case_id BIGINT NOT NULL REFERENCES support_cases (id) ON DELETE CASCADE,
    order_line_id BIGINT NOT NULL REFERENCES order_lines (id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (case_id, order_line_id)
);

-- Photos, stored on disk under a generated name (never the uploaded one) and served only to
-- those who may read the case.
CREATE TABLE case_attachments (
    id BIGSERIAL PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES support_cases (id) ON DELETE CASCADE,
    message_id BIGINT NOT NULL REFERENCES case_messages (id) ON DELETE CASCADE,
    stored_name TEXT NOT NULL UNIQUE,
    original_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX case_attachments_case ON case_attachments (case_id);

-- Money given back from a case without a return (a missing item, a late delivery).
CREATE TABLE case_refunds (
    id BIGSERIAL PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES support_cases (id),
    order_id BIGINT NOT NULL REFERENCES orders (id),
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    reference TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX case_refunds_order ON case_refunds (order_id);
-- The provider's reference (or the credited invoice and the form's key): a second click records nothing.
CREATE UNIQUE INDEX case_refunds_reference ON case_refunds (reference);
