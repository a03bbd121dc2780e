-- 用户、权限、审计
CREATE SCHEMA IF NOT EXISTS identity;

CREATE TABLE identity.app_user (
    username      text PRIMARY KEY,
    password_hash text NOT NULL,
    display_name  text NOT NULL,
    role          text NOT NULL,
    scope_kind    text NOT NULL,
    scope_code    text,
    staff_id      uuid,
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL
);

-- Machine clients. Only the SHA-256 of a token is kept: a leaked table does not leak tokens.
CREATE TABLE identity.api_token (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    token_hash  text NOT NULL UNIQUE,
    role        text NOT NULL,
    scope_kind  text NOT NULL,
    scope_code  text,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);

-- Append-only and hash-chained: each entry's hash covers its fields and the previous entry's hash.
CREATE TABLE identity.audit_entry (
    seq         bigint PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    action      text NOT NULL,
    target_type text NOT NULL,
    target_id   text NOT NULL,
    remote_addr text,
    detail      text,
    prev_hash   text NOT NULL,
    hash        text NOT NULL
);
CREATE INDEX audit_entry_target_idx ON identity.audit_entry (target_type, target_id);
CREATE INDEX audit_entry_actor_idx ON identity.audit_entry (actor);

CREATE FUNCTION identity.audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'identity.audit_entry is append-only (% refused)', TG_OP;
END $$;
CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON identity.audit_entry
    FOR EACH ROW EXECUTE FUNCTION identity.audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON identity.audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION identity.audit_entry_append_only();
