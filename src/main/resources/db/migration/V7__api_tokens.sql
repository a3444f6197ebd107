-- Per-tenant API tokens for /api/v1. Only the SHA-256 of a token is stored (the token is 256 random
-- bits, shown once at creation); the prefix is what the admin sees to tell tokens apart.
CREATE TABLE api_token (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(40)   NOT NULL REFERENCES tenant (slug),
    name          VARCHAR(80)   NOT NULL,
    token_hash    VARCHAR(64)   NOT NULL,
    prefix        VARCHAR(60)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(254)  NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    version       BIGINT        NOT NULL,
    CONSTRAINT api_token_hash UNIQUE (token_hash)
);
CREATE INDEX api_token_tenant ON api_token (tenant_id, created_at);
