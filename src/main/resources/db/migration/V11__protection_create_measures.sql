-- 五快 protective measures (issue 5): stop-payment, freeze, return, phone restriction, blocking, card cut;
-- the outbox to banks and carriers; the working-day calendar for legal due dates.
CREATE SCHEMA IF NOT EXISTS protection;

CREATE TABLE protection.measure (
    id               uuid PRIMARY KEY,
    kind             text NOT NULL CHECK (kind IN
        ('STOP_PAYMENT', 'FREEZE', 'UNFREEZE_RETURN', 'PHONE_RESTRICTION', 'URL_BLOCK', 'APP_BLOCK', 'CARD_CUT')),
    state            text NOT NULL CHECK (state IN
        ('REQUESTED', 'SENT', 'ACKNOWLEDGED', 'EXECUTED', 'REJECTED', 'EXPIRED', 'RELEASED')),
    -- the bank or carrier that carries it out (routing of the outbox, and a liaison's queue)
    institution      text NOT NULL,
    target           text NOT NULL,
    holder           text,
    amount           numeric(14, 2),
    transacted_at    timestamptz,
    legal_basis      text NOT NULL,
    reason           text NOT NULL,
    appeal_route     text,
    document_no      text NOT NULL UNIQUE,
    warning_id       uuid,
    case_ref         text,
    -- the measure this one follows: a repeated stop-payment, or the freeze a return draws on
    follows_id       uuid REFERENCES protection.measure (id),
    requested_by     text NOT NULL,
    requested_at     timestamptz NOT NULL,
    sent_at          timestamptz,
    acknowledged_at  timestamptz,
    executed_at      timestamptz,
    rejected_at      timestamptz,
    reject_reason    text,
    expires_at       timestamptz,
    alarm_at         timestamptz,
    alarmed_at       timestamptz,
    due_at           timestamptz,
    renewals         integer NOT NULL DEFAULT 0,
    released_at      timestamptz,
    release_reason   text,
    expired_at       timestamptz,
    amount_protected numeric(14, 2),
    amount_returned  numeric(14, 2),
    updated_at       timestamptz NOT NULL,
    district_code    text,
    station_code     text,
    township_code    text,
    community_code   text,
    grid_code        text
);
CREATE INDEX measure_warning_idx ON protection.measure (warning_id);
CREATE INDEX measure_institution_idx ON protection.measure (institution, state);
CREATE INDEX measure_target_idx ON protection.measure (kind, target);
CREATE INDEX measure_station_idx ON protection.measure (station_code);
CREATE INDEX measure_district_idx ON protection.measure (district_code);
CREATE INDEX measure_executed_idx ON protection.measure (executed_at);
-- the legal clock polls these
CREATE INDEX measure_expiry_idx ON protection.measure (expires_at) WHERE state = 'EXECUTED';
CREATE INDEX measure_alarm_idx ON protection.measure (alarm_at) WHERE alarmed_at IS NULL AND state = 'EXECUTED';

CREATE TABLE protection.measure_event (
    measure_id uuid NOT NULL REFERENCES protection.measure (id),
    seq        integer NOT NULL,
    at         timestamptz NOT NULL,
    actor      text NOT NULL,
    action     text NOT NULL,
    state      text NOT NULL,
    note       text,
    PRIMARY KEY (measure_id, seq)
);

-- What must reach a bank or carrier: written in the transaction that decided it, sent by a poller
-- with an idempotency key, retried with back-off until the other end has it.
CREATE TABLE protection.outbox (
    id              uuid PRIMARY KEY,
    measure_id      uuid NOT NULL REFERENCES protection.measure (id),
    institution     text NOT NULL,
    operation       text NOT NULL CHECK (operation IN ('EXECUTE', 'RENEW', 'RELEASE')),
    idempotency_key text NOT NULL UNIQUE,
    payload         jsonb NOT NULL,
    state           text NOT NULL CHECK (state IN ('PENDING', 'DELIVERED')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz
);
CREATE INDEX outbox_due_idx ON protection.outbox (next_attempt_at) WHERE state = 'PENDING';

-- Public holidays and the weekend days worked in exchange (调休), for "3 working days".
CREATE TABLE protection.calendar_day (
    day     date PRIMARY KEY,
    working boolean NOT NULL,
    name    text NOT NULL
);

-- 文书编号: one running number per year and kind of notice, e.g. 澄反止〔2026〕000123号
CREATE SEQUENCE protection.document_seq;
