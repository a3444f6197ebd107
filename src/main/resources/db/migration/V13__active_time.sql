-- Time spent is active time: the player sends a heartbeat while its tab is visible and the learner has
-- done something recently, and the server credits at most the time since the learner's previous heartbeat
-- in the course, capped (learning.entity.StepTime). One row per learner and step; a row may exist for a
-- step that is not done, which is why it is not a column of step_progress (whose rows mean "done").
CREATE TABLE step_time (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(40)   NOT NULL REFERENCES tenant (slug),
    account_id      VARCHAR(36)   NOT NULL,
    course_id       VARCHAR(100)  NOT NULL,
    step_id         VARCHAR(100)  NOT NULL,
    active_millis   BIGINT        NOT NULL,
    last_beat_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT step_time_once UNIQUE (tenant_id, account_id, course_id, step_id)
);

-- The old figure was wall clock between opening a step and saving it (a tab left open counted); nothing
-- reads it any more. Certificates already issued keep the time they were issued with.
ALTER TABLE step_progress DROP COLUMN seconds_spent;
