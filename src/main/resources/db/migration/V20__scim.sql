-- SCIM 2.0 provisioning. A SCIM token is an API token of kind SCIM: same secret format, same hashing,
-- same admin who vouches for it, but the REST API refuses it and SCIM refuses the REST API's tokens.
ALTER TABLE api_token ADD COLUMN kind VARCHAR(10) DEFAULT 'API' NOT NULL;

-- A SCIM group is a team (account.team holds the team name); this row gives the team a stable SCIM id,
-- lets an identity provider create a team before it has members, and rename it.
CREATE TABLE scim_group (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(40)   NOT NULL REFERENCES tenant (slug),
    display_name  VARCHAR(80)   NOT NULL,
    external_id   VARCHAR(200),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT        NOT NULL,
    CONSTRAINT scim_group_name UNIQUE (tenant_id, display_name)
);
