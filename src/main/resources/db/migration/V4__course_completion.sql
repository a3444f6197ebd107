-- One completion per learner, course and course version: the unique key makes recording it idempotent,
-- also when two requests or nodes detect the same completion at once.
CREATE TABLE course_completion (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id           VARCHAR(40)  NOT NULL REFERENCES tenant (slug),
    account_id          VARCHAR(36)  NOT NULL,
    course_id           VARCHAR(100) NOT NULL,
    course_version      INTEGER      NOT NULL,
    assessment_percent  INTEGER      NOT NULL,
    seconds_spent       BIGINT       NOT NULL,
    completed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT course_completion_once UNIQUE (tenant_id, account_id, course_id, course_version)
);
