-- Every outbox message of a measure is found by the measure: putting one counts the earlier ones
-- (Outbox.put), which without this index read the whole outbox for each new stop-payment. The crash
-- and replay harness saw the automatic stop-payments of 100,000 warnings slow to ~30 a second.
CREATE INDEX outbox_measure_idx ON protection.outbox (measure_id, operation);
