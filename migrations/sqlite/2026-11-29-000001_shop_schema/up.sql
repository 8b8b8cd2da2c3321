-- The whole shop's schema, first cut. Money is BIGINT minor units (öre for SEK) with a currency code.
-- Times are UTC TIMESTAMP. Enumerations are TEXT with CHECK constraints so both backends agree.
-- Keep this file and migrations/sqlite/<same name>/up.sql in step: the only difference is the id type (BIGSERIAL here, INTEGER PRIMARY KEY AUTOINCREMENT there).

CREATE TABLE tax_classes (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    rate_bp INTEGER NOT NULL CHECK (rate_bp >= 0 AND rate_bp <= 10000)
);

CREATE TABLE payment_terms (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    days INTEGER NOT NULL CHECK (days >= 0),
    adjustment_bp INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE price_lists (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    currency TEXT NOT NULL DEFAULT 'SEK',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    name TEXT NOT NULL,
    locale TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('consumer', 'staff', 'company_member')),
    staff_role TEXT CHECK (staff_role IS NULL OR staff_role IN ('administrator', 'catalog_manager', 'sales_rep', 'support_agent')),
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE companies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    org_no TEXT NOT NULL,
    vat_no TEXT,
    vat_verified BOOLEAN NOT NULL DEFAULT FALSE,
    industry TEXT NOT NULL,
    size TEXT NOT NULL DEFAULT 'small',
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'rejected', 'suspended')),
    price_list_id BIGINT REFERENCES price_lists (id),
    payment_terms TEXT NOT NULL DEFAULT 'net30' REFERENCES payment_terms (code),
    credit_limit_minor BIGINT NOT NULL DEFAULT 0,
    currency TEXT NOT NULL DEFAULT 'SEK',
    contact_name TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX companies_org_no ON companies (org_no);

CREATE TABLE company_memberships (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id),
    company_id BIGINT NOT NULL REFERENCES companies (id),
    role TEXT NOT NULL CHECK (role IN ('admin', 'buyer', 'approver')),
    order_limit_minor BIGINT,
    monthly_limit_minor BIGINT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (user_id, company_id)
);
CREATE INDEX company_memberships_company ON company_memberships (company_id);

CREATE TABLE addresses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT REFERENCES users (id),
    company_id BIGINT REFERENCES companies (id),
    label TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    line1 TEXT NOT NULL,
    line2 TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    country TEXT NOT NULL DEFAULT 'SE',
    phone TEXT NOT NULL DEFAULT '',
    is_default BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK (user_id IS NOT NULL OR company_id IS NOT NULL)
);
CREATE INDEX addresses_user ON addresses (user_id);
CREATE INDEX addresses_company ON addresses (company_id);

CREATE TABLE categories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id BIGINT REFERENCES categories (id),
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    industry TEXT NOT NULL DEFAULT '',
    image_url TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    active BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX categories_parent ON categories (parent_id);

CREATE TABLE brands (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE products (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sku TEXT NOT NULL UNIQUE,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    brand_id BIGINT REFERENCES brands (id),
    category_id BIGINT NOT NULL REFERENCES categories (id),
    tax_class TEXT NOT NULL REFERENCES tax_classes (code),
    list_price_minor BIGINT NOT NULL CHECK (list_price_minor >= 0),
    currency TEXT NOT NULL DEFAULT 'SEK',
    min_qty INTEGER NOT NULL DEFAULT 1 CHECK (min_qty >= 1),
    qty_step INTEGER NOT NULL DEFAULT 1 CHECK (qty_step >= 1),
    max_qty INTEGER,
    audience TEXT NOT NULL DEFAULT 'both' CHECK (audience IN ('b2c', 'b2b', 'both')),
    featured BOOLEAN NOT NULL DEFAULT FALSE,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    seo_title TEXT NOT NULL DEFAULT '',
    seo_description TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX products_category ON products (category_id, active, featured DESC, id);
CREATE INDEX products_brand ON products (brand_id);
CREATE INDEX products_featured ON products (featured, active);
CREATE INDEX products_created ON products (created_at);

CREATE TABLE product_specs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX product_specs_product ON product_specs (product_id);

CREATE TABLE product_media (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('image', 'video', 'document')),
    url TEXT NOT NULL,
    poster_url TEXT,
    captions_url TEXT,
    alt TEXT NOT NULL DEFAULT '',
    width INTEGER,
    height INTEGER,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX product_media_product ON product_media (product_id, position);

CREATE TABLE stock_levels (
    product_id BIGINT PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
    on_hand INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    low_stock_threshold INTEGER NOT NULL DEFAULT 5,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE stock_movements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    delta INTEGER NOT NULL,
    reason TEXT NOT NULL,
    reference TEXT NOT NULL DEFAULT '',
    actor_user_id BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX stock_movements_product ON stock_movements (product_id, created_at);

CREATE TABLE stock_notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    notified_at TIMESTAMP,
    UNIQUE (product_id, email)
);

CREATE TABLE price_list_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    price_list_id BIGINT NOT NULL REFERENCES price_lists (id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    min_qty INTEGER NOT NULL DEFAULT 1 CHECK (min_qty >= 1),
    unit_price_minor BIGINT NOT NULL CHECK (unit_price_minor >= 0),
    valid_from TIMESTAMP,
    valid_to TIMESTAMP,
    UNIQUE (price_list_id, product_id, min_qty)
);
CREATE INDEX price_list_entries_product ON price_list_entries (product_id);

CREATE TABLE contract_prices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    company_id BIGINT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    min_qty INTEGER NOT NULL DEFAULT 1 CHECK (min_qty >= 1),
    unit_price_minor BIGINT NOT NULL CHECK (unit_price_minor >= 0),
    valid_from TIMESTAMP,
    valid_to TIMESTAMP,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contract_prices_company ON contract_prices (company_id, product_id);

CREATE TABLE promotions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL DEFAULT 'banner' CHECK (kind IN ('banner', 'slide')),
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    image_url TEXT,
    link_url TEXT,
    link_label TEXT NOT NULL DEFAULT '',
    audience TEXT NOT NULL DEFAULT 'everyone' CHECK (audience IN ('everyone', 'consumers', 'signed_in', 'companies')),
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP,
    priority INTEGER NOT NULL DEFAULT 0,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX promotions_schedule ON promotions (active, starts_at);

CREATE TABLE coupons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('percent', 'fixed', 'free_delivery')),
    value_bp INTEGER NOT NULL DEFAULT 0,
    value_minor BIGINT NOT NULL DEFAULT 0,
    min_subtotal_minor BIGINT NOT NULL DEFAULT 0,
    starts_at TIMESTAMP,
    ends_at TIMESTAMP,
    max_uses INTEGER,
    max_uses_per_customer INTEGER,
    uses INTEGER NOT NULL DEFAULT 0,
    stackable BOOLEAN NOT NULL DEFAULT FALSE,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE cart_rules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('buy_x_pay_y', 'percent_off')),
    category_id BIGINT REFERENCES categories (id),
    brand_id BIGINT REFERENCES brands (id),
    buy_qty INTEGER,
    pay_qty INTEGER,
    percent_bp INTEGER,
    starts_at TIMESTAMP,
    ends_at TIMESTAMP,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE carts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token TEXT NOT NULL UNIQUE,
    user_id BIGINT REFERENCES users (id),
    company_id BIGINT REFERENCES companies (id),
    coupon_code TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX carts_user ON carts (user_id, company_id);

CREATE TABLE cart_lines (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    cart_id BIGINT NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products (id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    saved_for_later BOOLEAN NOT NULL DEFAULT FALSE,
    seen_unit_price_minor BIGINT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (cart_id, product_id, saved_for_later)
);

CREATE TABLE requisition_lists (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    company_id BIGINT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    owner_user_id BIGINT NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    shared BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX requisition_lists_company ON requisition_lists (company_id);

CREATE TABLE requisition_lines (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    list_id BIGINT NOT NULL REFERENCES requisition_lists (id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products (id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (list_id, product_id)
);

CREATE TABLE orders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    number TEXT NOT NULL UNIQUE,
    public_token TEXT NOT NULL UNIQUE,
    segment TEXT NOT NULL CHECK (segment IN ('b2c', 'b2b')),
    user_id BIGINT REFERENCES users (id),
    company_id BIGINT REFERENCES companies (id),
    email TEXT NOT NULL,
    status TEXT NOT NULL,
    po_number TEXT,
    payment_method TEXT NOT NULL,
    payment_terms TEXT,
    payment_reference TEXT,
    currency TEXT NOT NULL DEFAULT 'SEK',
    subtotal_minor BIGINT NOT NULL,
    discount_minor BIGINT NOT NULL DEFAULT 0,
    shipping_minor BIGINT NOT NULL DEFAULT 0,
    tax_minor BIGINT NOT NULL,
    total_minor BIGINT NOT NULL,
    reverse_charge BOOLEAN NOT NULL DEFAULT FALSE,
    coupon_code TEXT,
    delivery_method TEXT NOT NULL DEFAULT '',
    shipping_address TEXT NOT NULL DEFAULT '',
    billing_address TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    idempotency_key TEXT NOT NULL UNIQUE,
    placed_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX orders_user ON orders (user_id, placed_at);
CREATE INDEX orders_company ON orders (company_id, placed_at);
CREATE INDEX orders_status ON orders (status, placed_at);

CREATE TABLE order_lines (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id BIGINT REFERENCES products (id),
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_minor BIGINT NOT NULL,
    discount_minor BIGINT NOT NULL DEFAULT 0,
    tax_rate_bp INTEGER NOT NULL,
    tax_minor BIGINT NOT NULL,
    line_total_minor BIGINT NOT NULL,
    price_breakdown TEXT NOT NULL DEFAULT ''
);
CREATE INDEX order_lines_order ON order_lines (order_id);
CREATE INDEX order_lines_product ON order_lines (product_id);

CREATE TABLE order_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    actor_user_id BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX order_events_order ON order_events (order_id, created_at);

CREATE TABLE approvals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    company_id BIGINT NOT NULL REFERENCES companies (id),
    requested_by BIGINT NOT NULL REFERENCES users (id),
    decided_by BIGINT REFERENCES users (id),
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    reason TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    decided_at TIMESTAMP
);
CREATE INDEX approvals_company ON approvals (company_id, status);

CREATE TABLE invoices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    number TEXT NOT NULL UNIQUE,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    company_id BIGINT REFERENCES companies (id),
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL DEFAULT 'SEK',
    issued_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    due_at TIMESTAMP NOT NULL,
    paid_at TIMESTAMP
);
CREATE INDEX invoices_company ON invoices (company_id, paid_at);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    number TEXT NOT NULL UNIQUE,
    company_id BIGINT NOT NULL REFERENCES companies (id),
    requested_by BIGINT NOT NULL REFERENCES users (id),
    assigned_to BIGINT REFERENCES users (id),
    status TEXT NOT NULL DEFAULT 'requested',
    currency TEXT NOT NULL DEFAULT 'SEK',
    total_minor BIGINT,
    valid_until TIMESTAMP,
    order_id BIGINT REFERENCES orders (id),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX quotes_company ON quotes (company_id, status);

CREATE TABLE quote_lines (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    quote_id BIGINT NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products (id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    requested_unit_price_minor BIGINT,
    offered_unit_price_minor BIGINT
);

CREATE TABLE quote_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    quote_id BIGINT NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
    author_user_id BIGINT NOT NULL REFERENCES users (id),
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE returns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    number TEXT NOT NULL UNIQUE,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    kind TEXT NOT NULL DEFAULT 'return' CHECK (kind IN ('return', 'exchange')),
    status TEXT NOT NULL DEFAULT 'requested',
    reason TEXT NOT NULL DEFAULT '',
    refund_minor BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX returns_order ON returns (order_id);

CREATE TABLE return_lines (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    return_id BIGINT NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    order_line_id BIGINT NOT NULL REFERENCES order_lines (id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    exchange_product_id BIGINT REFERENCES products (id)
);

CREATE TABLE content_pages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('guide', 'blog', 'case_study', 'faq', 'demo', 'block')),
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    body_markdown TEXT NOT NULL DEFAULT '',
    audience TEXT NOT NULL DEFAULT 'both' CHECK (audience IN ('b2c', 'b2b', 'both')),
    industry TEXT,
    role TEXT,
    topic TEXT,
    product_id BIGINT REFERENCES products (id),
    video_url TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    published_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX content_pages_kind ON content_pages (kind, audience, published_at);

CREATE TABLE reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id),
    rating SMALLINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    rejection_reason TEXT NOT NULL DEFAULT '',
    verified_buyer BOOLEAN NOT NULL DEFAULT FALSE,
    helpful_count INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (product_id, user_id)
);
CREATE INDEX reviews_product ON reviews (product_id, status);

CREATE TABLE review_votes (
    review_id BIGINT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (review_id, user_id)
);

CREATE TABLE testimonials (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    audience TEXT NOT NULL DEFAULT 'b2c' CHECK (audience IN ('b2c', 'b2b', 'both')),
    author TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    quote TEXT NOT NULL,
    rating SMALLINT,
    position INTEGER NOT NULL DEFAULT 0,
    active BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE delivery_methods (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    price_minor BIGINT NOT NULL,
    free_over_minor BIGINT,
    min_days INTEGER NOT NULL,
    max_days INTEGER NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    active BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE support_cases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    number TEXT NOT NULL UNIQUE,
    user_id BIGINT REFERENCES users (id),
    company_id BIGINT REFERENCES companies (id),
    order_id BIGINT REFERENCES orders (id),
    email TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'waiting_on_customer', 'resolved', 'closed')),
    assigned_to BIGINT REFERENCES users (id),
    first_response_at TIMESTAMP,
    resolved_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX support_cases_status ON support_cases (status, created_at);
CREATE INDEX support_cases_company ON support_cases (company_id);

CREATE TABLE case_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id BIGINT NOT NULL REFERENCES support_cases (id) ON DELETE CASCADE,
    author_user_id BIGINT REFERENCES users (id),
    from_staff BOOLEAN NOT NULL DEFAULT FALSE,
    body TEXT NOT NULL,
    attachment_url TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX case_messages_case ON case_messages (case_id, created_at);

CREATE TABLE chat_conversations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token TEXT NOT NULL UNIQUE,
    user_id BIGINT REFERENCES users (id),
    company_id BIGINT REFERENCES companies (id),
    order_id BIGINT REFERENCES orders (id),
    agent_user_id BIGINT REFERENCES users (id),
    status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'active', 'closed')),
    case_id BIGINT REFERENCES support_cases (id),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX chat_conversations_status ON chat_conversations (status, created_at);

CREATE TABLE chat_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id BIGINT NOT NULL REFERENCES chat_conversations (id) ON DELETE CASCADE,
    author_user_id BIGINT REFERENCES users (id),
    from_agent BOOLEAN NOT NULL DEFAULT FALSE,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX chat_messages_conversation ON chat_messages (conversation_id, id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    actor_user_id BIGINT REFERENCES users (id),
    action TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id TEXT NOT NULL DEFAULT '',
    before_value TEXT,
    after_value TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX audit_log_created ON audit_log (created_at);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT,
    status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    sent_at TIMESTAMP
);
CREATE INDEX outbox_status ON outbox (status, created_at);

CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY,
    window_start TIMESTAMP NOT NULL,
    hits INTEGER NOT NULL DEFAULT 0
);
