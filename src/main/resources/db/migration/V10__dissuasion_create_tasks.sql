-- 劝阻: a task per warning, its 4+1 team, its clocks and escalations, contacts, outcome, revisits and
-- the post-warning watch (issue 4).
CREATE SCHEMA IF NOT EXISTS dissuasion;

-- Versioned settings (SLA windows, checklists): a change is a new version, never an edit, so every
-- task can say which version it ran under.
CREATE TABLE dissuasion.setting (
    name       text NOT NULL,
    version    integer NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    body       jsonb NOT NULL,
    PRIMARY KEY (name, version)
);

CREATE TABLE dissuasion.task (
    id                   uuid PRIMARY KEY,
    warning_id           uuid NOT NULL UNIQUE,
    level                text NOT NULL,
    status               text NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'CONCLUDED', 'CLOSED')),
    unit_code            text NOT NULL,
    resident_id          uuid,
    person_name          text NOT NULL,
    person_id_number     text,
    person_phone         text,
    sla_version          integer NOT NULL,
    checklist_version    integer,
    received_at          timestamptz NOT NULL,
    opened_at            timestamptz NOT NULL,
    signed_for_at        timestamptz,
    first_contact_at     timestamptz,
    face_to_face_at      timestamptz,
    outcome              text CHECK (outcome IN
        ('DISSUADED', 'DISSUADED_AFTER_LOSS', 'DEFRAUDED', 'UNREACHABLE', 'REFUSED')),
    outcome_face_to_face boolean,
    loss_amount          numeric(14, 2),
    checklist_answers    jsonb,
    outcome_note         text,
    concluded_at         timestamptz,
    concluded_by         text,
    uncooperative_at     timestamptz,
    watch_until          timestamptz,
    -- 预后被骗: defrauded after being warned, found by the watch; what analytics ranks units by
    defrauded_after_at   timestamptz,
    defrauded_after_note text,
    updated_at           timestamptz NOT NULL,
    district_code        text,
    station_code         text,
    township_code        text,
    community_code       text,
    grid_code            text
);
CREATE INDEX task_station_idx ON dissuasion.task (station_code, status);
CREATE INDEX task_district_idx ON dissuasion.task (district_code, status);
CREATE INDEX task_township_idx ON dissuasion.task (township_code);
CREATE INDEX task_grid_idx ON dissuasion.task (grid_code);
CREATE INDEX task_status_idx ON dissuasion.task (status, level);
-- the watch looks a person up among warned people still under watch
CREATE INDEX task_watch_id_number_idx ON dissuasion.task (person_id_number) WHERE watch_until IS NOT NULL;
CREATE INDEX task_watch_phone_idx ON dissuasion.task (person_phone) WHERE watch_until IS NOT NULL;
CREATE INDEX task_watch_resident_idx ON dissuasion.task (resident_id) WHERE watch_until IS NOT NULL;

CREATE TABLE dissuasion.team_member (
    task_id     uuid NOT NULL REFERENCES dissuasion.task (id),
    seq         integer NOT NULL,
    role        text NOT NULL,
    staff_id    uuid,
    resident_id uuid,
    name        text,
    phone       text,
    unit_code   text,
    relation    text,
    reason_zh   text,
    reason_en   text,
    active      boolean NOT NULL DEFAULT true,
    removed_at  timestamptz,
    removed_by  text,
    removed_why text,
    PRIMARY KEY (task_id, seq)
);
-- a grid worker's or officer's inbox: the tasks they are on
CREATE INDEX team_member_staff_idx ON dissuasion.team_member (staff_id) WHERE active;

-- The three clocks of a task. The scheduler polls the due ones with FOR UPDATE SKIP LOCKED: a restart
-- loses nothing (the clock is this row), and two nodes never fire the same step.
CREATE TABLE dissuasion.deadline (
    task_id      uuid NOT NULL REFERENCES dissuasion.task (id),
    kind         text NOT NULL CHECK (kind IN ('SIGN_FOR', 'FIRST_CONTACT', 'FACE_TO_FACE')),
    due_at       timestamptz NOT NULL,
    window_s     integer NOT NULL,
    met_at       timestamptz,
    stopped_at   timestamptz,
    step         integer NOT NULL DEFAULT 0,
    next_fire_at timestamptz,
    PRIMARY KEY (task_id, kind)
);
CREATE INDEX deadline_fire_idx ON dissuasion.deadline (next_fire_at) WHERE next_fire_at IS NOT NULL;

CREATE TABLE dissuasion.escalation (
    task_id       uuid NOT NULL REFERENCES dissuasion.task (id),
    seq           integer NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('OVERDUE', 'UNCOOPERATIVE')),
    deadline_kind text,
    step          integer,
    target        text NOT NULL,
    target_unit   text,
    at            timestamptz NOT NULL,
    note          text,
    PRIMARY KEY (task_id, seq),
    -- one escalation per clock and step, whatever the number of scheduler nodes
    UNIQUE (task_id, deadline_kind, step)
);

CREATE TABLE dissuasion.photo (
    id           uuid PRIMARY KEY,
    task_id      uuid NOT NULL REFERENCES dissuasion.task (id),
    content_type text NOT NULL,
    bytes        bytea NOT NULL,
    taken_at     timestamptz NOT NULL,
    taken_by     text NOT NULL
);

CREATE TABLE dissuasion.contact (
    task_id       uuid NOT NULL REFERENCES dissuasion.task (id),
    seq           integer NOT NULL,
    channel       text NOT NULL CHECK (channel IN ('PHONE', 'VISIT', 'SMS')),
    result        text NOT NULL CHECK (result IN ('ANSWERED', 'NOT_ANSWERED', 'REFUSED')),
    at            timestamptz NOT NULL,
    face_to_face  boolean NOT NULL,
    by_user       text NOT NULL,
    location      text,
    photo_id      uuid REFERENCES dissuasion.photo (id),
    note          text,
    PRIMARY KEY (task_id, seq)
);

CREATE TABLE dissuasion.revisit (
    id                uuid PRIMARY KEY,
    task_id           uuid NOT NULL REFERENCES dissuasion.task (id),
    kind              text NOT NULL CHECK (kind IN ('REVISIT', 'SECOND_VISIT')),
    day               integer,
    due_at            timestamptz NOT NULL,
    done_at           timestamptz,
    done_by           text,
    checklist_version integer,
    answers           jsonb,
    note              text,
    station_code      text,
    district_code     text,
    township_code     text,
    community_code    text,
    grid_code         text
);
CREATE INDEX revisit_due_idx ON dissuasion.revisit (due_at) WHERE done_at IS NULL;
CREATE INDEX revisit_task_idx ON dissuasion.revisit (task_id);
CREATE INDEX revisit_station_idx ON dissuasion.revisit (station_code) WHERE done_at IS NULL;

-- Who did what and when: every action on a task, in order.
CREATE TABLE dissuasion.timeline (
    task_id uuid NOT NULL REFERENCES dissuasion.task (id),
    seq     integer NOT NULL,
    at      timestamptz NOT NULL,
    actor   text NOT NULL,
    action  text NOT NULL,
    detail  text,
    PRIMARY KEY (task_id, seq)
);
