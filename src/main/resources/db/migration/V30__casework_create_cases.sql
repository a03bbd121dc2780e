-- 案件: fraud cases, their victims, transfers, identifiers, status history, revisits, and the labelled
-- narratives the fraud-type classifier learns from (issue 14).
CREATE SCHEMA IF NOT EXISTS casework;

-- the last sequence number handed out per accepting unit and year: case numbers are gap-tolerant but unique
CREATE TABLE casework.case_number (
    unit_code text COLLATE "C" NOT NULL,
    year      integer NOT NULL,
    last      integer NOT NULL,
    PRIMARY KEY (unit_code, year)
);

CREATE TABLE casework.fraud_case (
    id                 uuid PRIMARY KEY,
    case_no            text COLLATE "C" NOT NULL UNIQUE,
    status             text NOT NULL CHECK (status IN ('REPORTED', 'ACCEPTED', 'FILED', 'NOT_FILED', 'SOLVED', 'CLOSED')),
    origin             text NOT NULL,
    -- the upstream system's own number (Excel import): a second import of the same row adds nothing
    upstream_ref       text COLLATE "C" UNIQUE,
    warning_id         uuid,
    -- a dissuasion task opens at most one draft case (a redelivered outcome opens nothing twice)
    task_id            uuid UNIQUE,
    fraud_type         text NOT NULL,
    fraud_subtype      text,
    suggested_type     text,
    suggested_confidence numeric(4, 3),
    suggested_reasons  jsonb,
    narrative          text,
    loss_stated        numeric(14, 2),
    -- the sum of the transfers when there are any, else the stated loss
    loss_amount        numeric(14, 2),
    reported_at        timestamptz NOT NULL,
    occurred_at        timestamptz,
    status_at          timestamptz NOT NULL,
    not_filed_reason   text,
    unit_code          text COLLATE "C" NOT NULL,
    -- the accepting unit's district: its center sees the cases its stations took, wherever the victim lives
    unit_district_code text COLLATE "C",
    officer_name       text,
    officer_staff_id   uuid,
    -- the first victim's age and gender, for the list's filters (derived from the ID number)
    victim_birth_date  date,
    victim_gender      text,
    created_at         timestamptz NOT NULL,
    created_by         text NOT NULL,
    updated_at         timestamptz NOT NULL,
    district_code      text COLLATE "C",
    station_code       text COLLATE "C",
    township_code      text COLLATE "C",
    community_code     text COLLATE "C",
    grid_code          text COLLATE "C"
);
CREATE INDEX fraud_case_area_idx ON casework.fraud_case (district_code, station_code, township_code, community_code, grid_code);
CREATE INDEX fraud_case_unit_idx ON casework.fraud_case (unit_code);
CREATE INDEX fraud_case_unit_district_idx ON casework.fraud_case (unit_district_code);
CREATE INDEX fraud_case_reported_idx ON casework.fraud_case (reported_at DESC);
CREATE INDEX fraud_case_warning_idx ON casework.fraud_case (warning_id) WHERE warning_id IS NOT NULL;

CREATE TABLE casework.victim (
    case_id     uuid NOT NULL REFERENCES casework.fraud_case (id),
    seq         integer NOT NULL,
    resident_id uuid,
    name        text NOT NULL,
    id_number   text COLLATE "C",
    phone       text COLLATE "C",
    birth_date  date,
    gender      text,
    occupation  text,
    employer    text,
    PRIMARY KEY (case_id, seq)
);
CREATE INDEX victim_id_number_idx ON casework.victim (id_number);

CREATE TABLE casework.transfer (
    case_id           uuid NOT NULL REFERENCES casework.fraud_case (id),
    seq               integer NOT NULL,
    at                timestamptz,
    amount            numeric(14, 2) NOT NULL CHECK (amount > 0),
    victim_account    text,
    receiving_account text,
    receiving_holder  text,
    receiving_bank    text,
    channel           text NOT NULL CHECK (channel IN ('BANK', 'ALIPAY', 'WECHAT_PAY', 'CASH', 'CRYPTO', 'OTHER')),
    created_by        text NOT NULL,
    PRIMARY KEY (case_id, seq)
);

-- contact channels and suspect identifiers, normalised: what linkage will index
CREATE TABLE casework.identifier (
    case_id    uuid NOT NULL REFERENCES casework.fraud_case (id),
    kind       text NOT NULL,
    normalized text COLLATE "C" NOT NULL,
    value      text NOT NULL,
    detail     text,
    PRIMARY KEY (case_id, kind, normalized)
);
CREATE INDEX identifier_lookup_idx ON casework.identifier (kind, normalized);

-- every step: what analytics computes its figures from
CREATE TABLE casework.history (
    case_id     uuid NOT NULL REFERENCES casework.fraud_case (id),
    seq         integer NOT NULL,
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    action      text NOT NULL,
    from_status text,
    to_status   text,
    unit_code   text,
    note        text,
    PRIMARY KEY (case_id, seq)
);

-- 案件回访: days 7 and 30 after filing, each with the versioned case-revisit checklist
CREATE TABLE casework.revisit (
    id                uuid PRIMARY KEY,
    case_id           uuid NOT NULL REFERENCES casework.fraud_case (id),
    day               integer NOT NULL,
    due_at            timestamptz NOT NULL,
    done_at           timestamptz,
    done_by           text,
    checklist_version integer,
    answers           jsonb,
    note              text,
    UNIQUE (case_id, day)
);
CREATE INDEX revisit_due_idx ON casework.revisit (due_at) WHERE done_at IS NULL;

-- labelled narratives: every correction of a suggested type, learnt from at the next training
CREATE TABLE casework.type_example (
    id         uuid PRIMARY KEY,
    case_id    uuid REFERENCES casework.fraud_case (id),
    narrative  text NOT NULL,
    fraud_type text NOT NULL,
    suggested  text,
    created_at timestamptz NOT NULL,
    created_by text NOT NULL
);
