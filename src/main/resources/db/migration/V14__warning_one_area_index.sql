-- Fewer indexes for intake to keep up (every clue is one insert into each). The four area levels share
-- one index, used through its leading columns: a read names an area's ancestors too (Warnings.within).
-- Rows arrive in time order, so a BRIN index serves ranges of received_at at a fraction of a B-tree's
-- upkeep; the lists sort by level first, which no index on received_at serves anyway.
DROP INDEX warning.warning_district_idx;
DROP INDEX warning.warning_township_idx;
DROP INDEX warning.warning_community_idx;
DROP INDEX warning.warning_grid_idx;
DROP INDEX warning.warning_received_idx;
CREATE INDEX warning_area_idx ON warning.warning (district_code, township_code, community_code, grid_code);
CREATE INDEX warning_received_brin ON warning.warning USING brin (received_at);
