-- One row per learner and step: the learner's latest answer, whether it was right, the time spent
-- and when the step was first completed. The unique key is what makes saving idempotent: a retried
-- or concurrent save of the same step can never create a second row.
-- account_id has no foreign key on purpose: progress is keyed by tenant and account id together
-- (EclipseLink's tenant discriminator), and a learner's history outlives a course edit or a
-- deactivated account.
CREATE TABLE step_progress (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(40)   NOT NULL REFERENCES tenant (slug),
    account_id      VARCHAR(36)   NOT NULL,
    course_id       VARCHAR(100)  NOT NULL,
    course_version  INTEGER       NOT NULL,
    step_id         VARCHAR(100)  NOT NULL,
    answer          VARCHAR(4000),
    correct         BOOLEAN,
    seconds_spent   INTEGER       NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT step_progress_once UNIQUE (tenant_id, account_id, course_id, step_id)
);
