-- Who took a warning in: the signed-in user or API token named by the call (a machine door, Kafka or the
-- demo feed, names itself). Bound once per insert statement, like the door. Warnings taken in before
-- this have none; their RECEIVED line keeps naming the door.
ALTER TABLE warning.warning ADD COLUMN received_by text;
