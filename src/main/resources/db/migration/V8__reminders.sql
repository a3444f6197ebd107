-- Every reminder e-mail the portal claims to send: a learner's daily reminder (period = the UTC day,
-- '2026-11-27') and a manager's weekly digest (period = the ISO week, '2026-W48'). The unique key, not
-- memory, makes "at most one per learner per day / manager per week" hold across restarts and nodes: a
-- row is claimed before the e-mail goes out, and sent_at is set once the SMTP server accepted it.
CREATE TABLE reminder (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(40)  NOT NULL REFERENCES tenant (slug),
    account_id  VARCHAR(36)  NOT NULL REFERENCES account (id),
    kind        VARCHAR(20)  NOT NULL,
    period      VARCHAR(10)  NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE,
    items       INTEGER      NOT NULL,
    CONSTRAINT reminder_once UNIQUE (tenant_id, account_id, kind, period)
);
