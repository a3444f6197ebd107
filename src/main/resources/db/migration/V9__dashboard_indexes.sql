-- Dashboards: the role-play answers of a course are grouped by step (a few steps of many), and the admin's
-- learner table pages seat holders by name.
CREATE INDEX step_progress_course_step ON step_progress (tenant_id, course_id, step_id);
CREATE INDEX account_name ON account (tenant_id, display_name, email);
