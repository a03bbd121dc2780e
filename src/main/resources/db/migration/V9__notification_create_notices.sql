-- Notification: notices for a unit's accounts, one staff member or one user, read markers per
-- account, and the SMS delivery state of the urgent ones (the notice row is the SMS outbox).
CREATE SCHEMA IF NOT EXISTS notification;

CREATE TABLE notification.notice (
    id          uuid PRIMARY KEY,
    -- UNIT: audience_id is a unit code; STAFF: a staff id (canonical UUID text); USER: a username
    audience    text NOT NULL CHECK (audience IN ('UNIT', 'STAFF', 'USER')),
    audience_id text NOT NULL,
    urgency     text NOT NULL CHECK (urgency IN ('ROUTINE', 'URGENT')),
    title_zh    text NOT NULL,
    title_en    text NOT NULL,
    body_zh     text,
    body_en     text,
    -- a path inside Purseguard (/tasks/…), never an outside address
    link        text CHECK (link IS NULL OR (link LIKE '/%' AND link NOT LIKE '//%')),
    created_at  timestamptz NOT NULL,
    -- NONE: no SMS due; PENDING: due after commit; SENDING: claimed by a sender;
    -- SENT: the gateway accepted it; FAILED: refused, unreachable or no phone (sms_detail says which)
    sms_status  text NOT NULL DEFAULT 'NONE'
                CHECK (sms_status IN ('NONE', 'PENDING', 'SENDING', 'SENT', 'FAILED')),
    sms_detail  text,
    sms_at      timestamptz
);

-- the inbox: one index range per audience the caller belongs to, newest first
CREATE INDEX notice_inbox ON notification.notice (audience, audience_id, created_at DESC, id DESC);
-- the sender's sweep for SMS left behind (a crash between commit and sending, a full queue)
CREATE INDEX notice_sms_due ON notification.notice (created_at) WHERE sms_status IN ('PENDING', 'SENDING');

-- A UNIT notice is seen by every account of the unit, so "read" is per account, not per notice.
CREATE TABLE notification.notice_read (
    username  text NOT NULL,
    notice_id uuid NOT NULL REFERENCES notification.notice (id) ON DELETE CASCADE,
    read_at   timestamptz NOT NULL,
    PRIMARY KEY (username, notice_id)
);

CREATE INDEX notice_read_notice ON notification.notice_read (notice_id);
