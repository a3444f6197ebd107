-- One row per run of a background job that some node made: the job's name and its time slot (the UTC hour,
-- '2026-12-07T19'). The primary key makes the run once per cluster: every node tries to insert the row when the
-- job is due, the first insert wins and runs the job, the others get a unique violation and skip that slot.
CREATE TABLE job_claim (
    job         VARCHAR(40)  NOT NULL,
    slot        VARCHAR(20)  NOT NULL,
    node        VARCHAR(100) NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT job_claim_once PRIMARY KEY (job, slot)
);
