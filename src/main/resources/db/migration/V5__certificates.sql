-- Recertification: a learner takes a course again in numbered rounds. Round 1 is implicit (no row);
-- each later round is opened shortly before a certificate expires and is completed by passing the
-- final assessment again after it opened.
CREATE TABLE course_round (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(40)  NOT NULL REFERENCES tenant (slug),
    account_id      VARCHAR(36)  NOT NULL REFERENCES account (id),
    course_id       VARCHAR(100) NOT NULL,
    round_no        INTEGER      NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT course_round_once UNIQUE (tenant_id, account_id, course_id, round_no)
);

ALTER TABLE course_completion ADD COLUMN round_no INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE course_completion DROP CONSTRAINT course_completion_once;
ALTER TABLE course_completion ADD CONSTRAINT course_completion_once
    UNIQUE (tenant_id, account_id, course_id, course_version, round_no);

-- One certificate per completion (the unique key makes issuing idempotent). What it says is copied
-- here at issue time, so a later rename of the learner or the course does not change a certificate.
CREATE TABLE certificate (
    id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id          VARCHAR(40)  NOT NULL REFERENCES tenant (slug),
    code               VARCHAR(32)  NOT NULL,
    completion_id      VARCHAR(36)  NOT NULL REFERENCES course_completion (id),
    account_id         VARCHAR(36)  NOT NULL REFERENCES account (id),
    learner_name       VARCHAR(200) NOT NULL,
    course_id          VARCHAR(100) NOT NULL,
    course_title       VARCHAR(300) NOT NULL,
    course_version     INTEGER      NOT NULL,
    score_percent      INTEGER      NOT NULL,
    seconds_spent      BIGINT       NOT NULL,
    completed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE,
    revoked_at         TIMESTAMP WITH TIME ZONE,
    revocation_reason  VARCHAR(40),
    revoked_by         VARCHAR(36),
    credential         VARCHAR(32000) NOT NULL,
    version            BIGINT       NOT NULL,
    CONSTRAINT certificate_once UNIQUE (tenant_id, completion_id),
    CONSTRAINT certificate_code_unique UNIQUE (code)
);
CREATE INDEX certificate_learner ON certificate (tenant_id, account_id);

-- The public verification page gets only a code: this platform-level index says which tenant holds
-- it, so the page can then read the certificate through the tenant's own (isolated) persistence.
CREATE TABLE certificate_code (
    code       VARCHAR(32) NOT NULL PRIMARY KEY,
    tenant_id  VARCHAR(40) NOT NULL REFERENCES tenant (slug)
);

-- Each tenant's Ed25519 signing key. The seed is sealed (AES-GCM) with a key that lives outside the
-- database and outside the tenant folders (see docs/certificates.md).
CREATE TABLE signing_key (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id    VARCHAR(40)  NOT NULL REFERENCES tenant (slug),
    public_key   VARCHAR(100) NOT NULL,
    sealed_seed  VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT signing_key_per_tenant UNIQUE (tenant_id)
);
