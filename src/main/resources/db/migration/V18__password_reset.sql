-- Self-service password reset by e-mail: one row per link sent. Only the SHA-256 of the link's token is stored (the
-- token is 256 random bits and exists in the e-mail alone); a link works once (used_at) and for one hour.
CREATE TABLE password_reset (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(40)  NOT NULL REFERENCES tenant (slug),
    account_id  VARCHAR(36)  NOT NULL,
    token_hash  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    version     BIGINT       NOT NULL,
    CONSTRAINT password_reset_token UNIQUE (token_hash),
    -- a link may only point at an account of its own tenant (as in V12)
    CONSTRAINT password_reset_account_same_tenant FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);
CREATE INDEX password_reset_account ON password_reset (tenant_id, account_id);
