-- 辖区: the unit tree, its staff and the station duty rotation.
CREATE SCHEMA IF NOT EXISTS jurisdiction;

-- One table for both trees: the police tree (city > district > station > community > grid) and the
-- administrative one (district > township > community). A unit's placement columns name its
-- ancestors on both (and itself), so "in scope" is a single indexed equality in SQL.
CREATE TABLE jurisdiction.unit (
    code           text PRIMARY KEY,
    parent_code    text REFERENCES jurisdiction.unit (code),
    kind           text NOT NULL CHECK (kind IN ('CITY', 'DISTRICT', 'STATION', 'TOWNSHIP', 'COMMUNITY', 'GRID')),
    name           text NOT NULL,
    population     integer NOT NULL DEFAULT 0 CHECK (population >= 0),
    district_code  text,
    station_code   text,
    township_code  text,
    community_code text,
    grid_code      text
);
CREATE INDEX unit_parent_idx ON jurisdiction.unit (parent_code);
CREATE INDEX unit_district_idx ON jurisdiction.unit (district_code);
CREATE INDEX unit_station_idx ON jurisdiction.unit (station_code);
CREATE INDEX unit_township_idx ON jurisdiction.unit (township_code);
CREATE INDEX unit_community_idx ON jurisdiction.unit (community_code);

CREATE TABLE jurisdiction.staff (
    id             uuid PRIMARY KEY,
    resident_id    uuid NOT NULL UNIQUE,
    name           text NOT NULL,
    role           text NOT NULL CHECK (role IN ('OFFICER', 'TOWNSHIP_HEAD', 'GRID_WORKER', 'EMPLOYER_HEAD')),
    unit_code      text NOT NULL REFERENCES jurisdiction.unit (code),
    phone          text NOT NULL,
    title          text,
    employer       text,
    district_code  text,
    station_code   text,
    township_code  text,
    community_code text,
    grid_code      text
);
CREATE INDEX staff_unit_idx ON jurisdiction.staff (unit_code);
CREATE INDEX staff_station_idx ON jurisdiction.staff (station_code);
CREATE INDEX staff_township_idx ON jurisdiction.staff (township_code);
CREATE INDEX staff_district_idx ON jurisdiction.staff (district_code);
CREATE INDEX staff_grid_idx ON jurisdiction.staff (grid_code);

-- 社区民警: the community officer(s) answering for a community.
CREATE TABLE jurisdiction.community_officer (
    community_code text NOT NULL REFERENCES jurisdiction.unit (code),
    staff_id       uuid NOT NULL REFERENCES jurisdiction.staff (id),
    PRIMARY KEY (community_code, staff_id)
);
CREATE INDEX community_officer_staff_idx ON jurisdiction.community_officer (staff_id);

-- 值班: each station's officers take 24-hour shifts in the order of their slot; who is on duty at an
-- instant is derived from the clock by DutyRotation, so the roster never needs regenerating.
CREATE TABLE jurisdiction.duty_rotation (
    station_code text NOT NULL REFERENCES jurisdiction.unit (code),
    slot         integer NOT NULL CHECK (slot >= 0),
    staff_id     uuid NOT NULL REFERENCES jurisdiction.staff (id),
    PRIMARY KEY (station_code, slot)
);
