-- Bulk enrolment: a learner's team, one-time invitations to set a password, and the audit trail of
-- admin changes.
ALTER TABLE account ADD COLUMN team VARCHAR(80);

-- Only the SHA-256 of an invitation token is stored: the link itself is shown once (or e-mailed).
CREATE TABLE invitation (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(40)  NOT NULL REFERENCES tenant (slug),
    account_id  VARCHAR(36)  NOT NULL REFERENCES account (id),
    token_hash  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    version     BIGINT       NOT NULL,
    CONSTRAINT invitation_token UNIQUE (token_hash)
);
CREATE INDEX invitation_account ON invitation (tenant_id, account_id);

-- Append-only: the application never updates or deletes a row.
CREATE TABLE audit_entry (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id    VARCHAR(40)   NOT NULL REFERENCES tenant (slug),
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id     VARCHAR(36),
    actor_email  VARCHAR(254)  NOT NULL,
    action       VARCHAR(40)   NOT NULL,
    subject      VARCHAR(300)  NOT NULL,
    detail       VARCHAR(2000)
);
CREATE INDEX audit_entry_at ON audit_entry (tenant_id, at);
