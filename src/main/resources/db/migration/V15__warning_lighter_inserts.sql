-- Intake inserts a thousand warnings per statement; each is one insert into every index and one
-- constraint check. Two per-row costs go, with the guarantees they gave kept by cheaper means.

-- 1. The indexed identifiers (clue ids, ID numbers, phones, unit codes, states) compare byte by byte.
-- They are codes, not words: no language orders them, and under a libc locale every comparison in an
-- index was a strcoll() call. Only the indexes are rebuilt; text to text needs no table rewrite.
ALTER TABLE warning.warning
    ALTER COLUMN clue_id TYPE text COLLATE "C",
    ALTER COLUMN person_id_number TYPE text COLLATE "C",
    ALTER COLUMN person_phone TYPE text COLLATE "C",
    ALTER COLUMN status TYPE text COLLATE "C",
    ALTER COLUMN station_code TYPE text COLLATE "C",
    ALTER COLUMN district_code TYPE text COLLATE "C",
    ALTER COLUMN township_code TYPE text COLLATE "C",
    ALTER COLUMN community_code TYPE text COLLATE "C",
    ALTER COLUMN grid_code TYPE text COLLATE "C";

-- 2. The foreign key to the rule set that graded a warning ran one look-up per inserted row. The same
-- guarantee, checked once per statement: every version an insert names exists; a warning's version is
-- never rewritten; and rule sets are append-only, so none can disappear from under its warnings.
ALTER TABLE warning.warning DROP CONSTRAINT warning_rule_set_version_fkey;

CREATE FUNCTION warning.graded_by_known_rule_sets() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unknown integer;
BEGIN
    SELECT t.rule_set_version INTO unknown
    FROM (SELECT DISTINCT rule_set_version FROM taken) t
    WHERE NOT EXISTS (SELECT 1 FROM warning.rule_set r WHERE r.version = t.rule_set_version)
    LIMIT 1;
    IF FOUND THEN
        RAISE foreign_key_violation USING
            MESSAGE = format('warning graded by rule set %s, which does not exist', unknown),
            TABLE = 'warning';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER warning_rule_set_known AFTER INSERT ON warning.warning
    REFERENCING NEW TABLE AS taken
    FOR EACH STATEMENT EXECUTE FUNCTION warning.graded_by_known_rule_sets();

CREATE FUNCTION warning.refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE integrity_constraint_violation USING
        MESSAGE = format('%s.%s is written once: %s', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_ARGV[0]);
END $$;

CREATE TRIGGER warning_grading_kept BEFORE UPDATE OF rule_set_version ON warning.warning
    FOR EACH ROW WHEN (OLD.rule_set_version IS DISTINCT FROM NEW.rule_set_version)
    EXECUTE FUNCTION warning.refuse_rewrite('a warning keeps the rule set that graded it');

CREATE TRIGGER rule_set_append_only BEFORE UPDATE OR DELETE ON warning.rule_set
    FOR EACH ROW EXECUTE FUNCTION warning.refuse_rewrite('a new version is added instead');

CREATE TRIGGER rule_set_kept BEFORE TRUNCATE ON warning.rule_set
    FOR EACH STATEMENT EXECUTE FUNCTION warning.refuse_rewrite('warnings name its versions');
