-- The RECEIVED history line is read from the warning row itself (received_at, door, route), so intake
-- writes one row per clue instead of two. The unit it was first routed to is kept on the row, since
-- unit_code moves with returns and transfers.
ALTER TABLE warning.warning ADD COLUMN routed_unit_code text;
UPDATE warning.warning w SET routed_unit_code = h.to_unit
FROM warning.history h
WHERE h.warning_id = w.id AND h.action = 'RECEIVED';
UPDATE warning.warning SET routed_unit_code = unit_code WHERE routed_unit_code IS NULL;
ALTER TABLE warning.warning ALTER COLUMN routed_unit_code SET NOT NULL;
DELETE FROM warning.history WHERE action = 'RECEIVED';
