-- Every attempt at a final assessment, kept for good: the drawn questions, answers and score.
CREATE TABLE assessment_attempt (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(40)  NOT NULL REFERENCES tenant (slug),
    account_id      VARCHAR(36)  NOT NULL REFERENCES account (id),
    course_id       VARCHAR(100) NOT NULL,
    course_version  INTEGER      NOT NULL,
    question_ids    VARCHAR(2000) NOT NULL,
    answers         VARCHAR(2000),
    correct_count   INTEGER,
    question_count  INTEGER      NOT NULL,
    pass_percent    INTEGER      NOT NULL,
    percent         INTEGER,
    passed          BOOLEAN,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at    TIMESTAMP WITH TIME ZONE,
    version         BIGINT       NOT NULL
);

CREATE INDEX assessment_attempt_learner ON assessment_attempt (tenant_id, account_id, course_id);
