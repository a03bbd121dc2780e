-- Upstream feedback reads warnings changed since a moment.
CREATE INDEX warning_updated_idx ON warning.warning (updated_at);
