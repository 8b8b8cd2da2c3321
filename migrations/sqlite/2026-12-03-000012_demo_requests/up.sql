-- "Book a live demo": a company user asks for a live product demonstration; a sales
-- representative schedules it (when, online or on site, the meeting details), holds it, or
-- cancels it with a reason. The buyer's company is on every row so every read is scoped by it.
CREATE TABLE demo_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    number TEXT NOT NULL UNIQUE,
    company_id BIGINT NOT NULL REFERENCES companies (id),
    requested_by BIGINT NOT NULL REFERENCES users (id),
    content_id BIGINT REFERENCES content_pages (id),
    topic TEXT NOT NULL,
    preferred_date DATE NOT NULL,
    time_of_day TEXT NOT NULL,
    format TEXT NOT NULL,
    attendees INTEGER NOT NULL,
    phone TEXT,
    message TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'requested'
        CHECK (status IN ('requested', 'scheduled', 'held', 'cancelled')),
    assigned_to BIGINT REFERENCES users (id),
    scheduled_at TIMESTAMP,
    meeting_details TEXT,
    staff_note TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX demo_requests_company ON demo_requests (company_id, created_at);
CREATE INDEX demo_requests_status ON demo_requests (status, created_at);
