-- Product files staff import: checked first (a dry run with a report), then applied on request,
-- both in the background with progress. The file itself is kept under session.data_dir/imports.
CREATE TABLE product_imports (
    id BIGSERIAL PRIMARY KEY,
    actor_user_id BIGINT NOT NULL REFERENCES users (id),
    file_name TEXT NOT NULL,
    stored_name TEXT NOT NULL,
    -- checking | checked | refused | running | done | failed
    state TEXT NOT NULL,
    total_rows INTEGER NOT NULL DEFAULT 0,
    done_rows INTEGER NOT NULL DEFAULT 0,
    new_count INTEGER NOT NULL DEFAULT 0,
    update_count INTEGER NOT NULL DEFAULT 0,
    error_count INTEGER NOT NULL DEFAULT 0,
    -- JSON: the file's problem, or the first rows' problems
    report TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX product_imports_created ON product_imports (created_at);
