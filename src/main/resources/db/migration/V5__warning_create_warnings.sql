-- 预警线索: warnings as taken in, graded and routed, with their history and the triage rule sets.
CREATE SCHEMA IF NOT EXISTS warning;

-- Versioned triage parameters: a new row per change; a warning records the version that graded it.
CREATE TABLE warning.rule_set (
    version    integer PRIMARY KEY,
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    parameters jsonb NOT NULL
);

CREATE TABLE warning.warning (
    id               uuid PRIMARY KEY,
    clue_id          text NOT NULL,
    source           text NOT NULL,
    kind             text NOT NULL,
    door             text NOT NULL,
    pushed_at        timestamptz NOT NULL,
    received_at      timestamptz NOT NULL,
    person_name      text NOT NULL,
    person_id_number text,
    person_phone     text,
    person_address   text,
    person_bank      text,
    person_account   text,
    suspect_bank     text,
    suspect_account  text,
    suspect_holder   text,
    suspect_phone    text,
    suspect_url      text,
    suspect_app      text,
    amount           numeric(14, 2),
    transacted_at    timestamptz,
    fraud_type       text,
    upstream_level   text,
    level            text NOT NULL CHECK (level IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    level_reasons    jsonb NOT NULL,
    rule_set_version integer NOT NULL REFERENCES warning.rule_set (version),
    resident_id      uuid,
    route_method     text NOT NULL,
    route_note       text,
    status           text NOT NULL CHECK (status IN ('RECEIVED', 'SIGNED_FOR', 'RETURNED', 'TRANSFERRED')),
    -- the unit that holds the warning now: a station, or a district / the city for their queues
    unit_code        text NOT NULL,
    signed_for_at    timestamptz,
    signed_for_by    text,
    updated_at       timestamptz NOT NULL,
    district_code    text,
    station_code     text,
    township_code    text,
    community_code   text,
    grid_code        text,
    -- the upstream id is the idempotency key: a replay finds this row instead of making another
    CONSTRAINT warning_clue_id_key UNIQUE (clue_id)
);
CREATE INDEX warning_station_idx ON warning.warning (station_code, status);
CREATE INDEX warning_district_idx ON warning.warning (district_code);
CREATE INDEX warning_grid_idx ON warning.warning (grid_code);
CREATE INDEX warning_township_idx ON warning.warning (township_code);
CREATE INDEX warning_community_idx ON warning.warning (community_code);
CREATE INDEX warning_received_idx ON warning.warning (received_at DESC);
CREATE INDEX warning_id_number_idx ON warning.warning (person_id_number, received_at);
CREATE INDEX warning_phone_idx ON warning.warning (person_phone, received_at);

CREATE TABLE warning.history (
    warning_id uuid NOT NULL REFERENCES warning.warning (id),
    seq        integer NOT NULL,
    at         timestamptz NOT NULL,
    actor      text NOT NULL,
    action     text NOT NULL,
    from_unit  text,
    to_unit    text,
    note       text,
    PRIMARY KEY (warning_id, seq)
);
