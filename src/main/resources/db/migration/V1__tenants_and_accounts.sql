-- Tenants are platform-level rows; every tenant-owned table carries tenant_id (EclipseLink's
-- tenant discriminator) and keys its uniqueness per tenant.
CREATE TABLE tenant (
    slug           VARCHAR(40)  NOT NULL PRIMARY KEY,
    display_name   VARCHAR(255) NOT NULL,
    seat_limit     INTEGER      NOT NULL,
    signer_name    VARCHAR(255) NOT NULL,
    signer_title   VARCHAR(255) NOT NULL,
    config_digest  VARCHAR(64)  NOT NULL,
    applied_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT       NOT NULL
);

CREATE TABLE account (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id        VARCHAR(40)  NOT NULL REFERENCES tenant (slug),
    email            VARCHAR(254) NOT NULL,
    display_name     VARCHAR(255) NOT NULL,
    role             VARCHAR(20)  NOT NULL,
    password_hash    VARCHAR(200),
    active           BOOLEAN      NOT NULL,
    failed_sign_ins  INTEGER      NOT NULL,
    locked_until     TIMESTAMP WITH TIME ZONE,
    last_sign_in     TIMESTAMP WITH TIME ZONE,
    manager_id       VARCHAR(36)  REFERENCES account (id),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT       NOT NULL,
    CONSTRAINT account_email_per_tenant UNIQUE (tenant_id, email)
);

CREATE INDEX account_manager ON account (tenant_id, manager_id);
