-- 演示: remembers that the demo city was generated, from which seed and with what digest, so a
-- second start reuses the data instead of generating it again.
CREATE SCHEMA IF NOT EXISTS demo;

CREATE TABLE demo.generation (
    id           integer PRIMARY KEY CHECK (id = 1),
    seed         bigint NOT NULL,
    residents    integer NOT NULL,
    digest       text NOT NULL,
    generated_at timestamptz NOT NULL,
    millis       bigint NOT NULL
);
