-- A warning's status follows its dissuasion task once the task has begun (issue 4).
ALTER TABLE warning.warning DROP CONSTRAINT warning_status_check;
ALTER TABLE warning.warning ADD CONSTRAINT warning_status_check CHECK (status IN
    ('RECEIVED', 'SIGNED_FOR', 'RETURNED', 'TRANSFERRED',
     'IN_PROGRESS', 'DISSUADED', 'DEFRAUDED', 'UNREACHABLE', 'ESCALATED', 'CLOSED'));
