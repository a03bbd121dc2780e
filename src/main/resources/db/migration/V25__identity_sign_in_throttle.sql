-- 登录限制: failed sign-ins per account and per address, and the lock they lead to. One row per key;
-- the row lock serialises concurrent failures on any node, and the state survives a restart.
CREATE TABLE identity.sign_in_throttle (
    kind         text NOT NULL CHECK (kind IN ('ACCOUNT', 'ADDRESS')),
    key          text NOT NULL,
    -- the failures inside the current window, oldest first (at most the limit)
    failures     timestamptz[] NOT NULL DEFAULT '{}',
    locked_until timestamptz,
    PRIMARY KEY (kind, key)
);

CREATE INDEX sign_in_throttle_locked ON identity.sign_in_throttle (locked_until) WHERE locked_until IS NOT NULL;
