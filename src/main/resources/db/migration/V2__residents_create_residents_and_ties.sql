-- 实有人口: the resident registry and the ties between persons.
CREATE SCHEMA IF NOT EXISTS residents;

CREATE TABLE residents.resident (
    id             uuid PRIMARY KEY,
    name           text NOT NULL,
    id_number      char(18) NOT NULL UNIQUE,
    gender         char(1) NOT NULL CHECK (gender IN ('M', 'F')),
    birth_date     date NOT NULL,
    phone          text,
    address        text,
    home_village   text,
    occupation     text,
    employer       text,
    tags           text[] NOT NULL DEFAULT '{}',
    -- placement of the person's grid on both trees, copied from jurisdiction when the person is
    -- registered, so every scope filter is one indexed equality
    district_code  text NOT NULL,
    station_code   text NOT NULL,
    township_code  text NOT NULL,
    community_code text NOT NULL,
    grid_code      text NOT NULL
);
CREATE INDEX resident_district_idx ON residents.resident (district_code);
CREATE INDEX resident_station_idx ON residents.resident (station_code);
CREATE INDEX resident_township_idx ON residents.resident (township_code);
CREATE INDEX resident_community_idx ON residents.resident (community_code);
CREATE INDEX resident_grid_idx ON residents.resident (grid_code);
CREATE INDEX resident_phone_idx ON residents.resident (phone);
CREATE INDEX resident_name_idx ON residents.resident (name text_pattern_ops);
CREATE INDEX resident_birth_idx ON residents.resident (birth_date);

-- Stored in both directions (A PARENT of B is also B CHILD of A), so a person's ties are one lookup.
CREATE TABLE residents.tie (
    resident_id uuid NOT NULL CONSTRAINT tie_resident_fk REFERENCES residents.resident (id),
    other_id    uuid NOT NULL CONSTRAINT tie_other_fk REFERENCES residents.resident (id),
    relation    text NOT NULL CHECK (relation IN
        ('SPOUSE', 'PARENT', 'CHILD', 'SIBLING', 'COLLEAGUE', 'CLASSMATE', 'HOME_VILLAGE')),
    PRIMARY KEY (resident_id, other_id, relation),
    CHECK (resident_id <> other_id)
);
CREATE INDEX tie_other_idx ON residents.tie (other_id);
