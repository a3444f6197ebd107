-- A row of one tenant may only point at rows of the same tenant, and the database itself says so:
-- every foreign key to a tenant-owned row carries the tenant, (tenant_id, x_id) -> (tenant_id, id).
-- The single-column keys stay; the composite ones are what refuses a cross-tenant reference.
-- (step_progress and course_completion keep no key to account on purpose, see V2.)
ALTER TABLE account ADD CONSTRAINT account_tenant_id UNIQUE (tenant_id, id);
ALTER TABLE course_completion ADD CONSTRAINT course_completion_tenant_id UNIQUE (tenant_id, id);

ALTER TABLE account ADD CONSTRAINT account_manager_same_tenant
    FOREIGN KEY (tenant_id, manager_id) REFERENCES account (tenant_id, id);
ALTER TABLE assessment_attempt ADD CONSTRAINT assessment_attempt_account_same_tenant
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id);
ALTER TABLE course_round ADD CONSTRAINT course_round_account_same_tenant
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id);
ALTER TABLE certificate ADD CONSTRAINT certificate_account_same_tenant
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id);
ALTER TABLE certificate ADD CONSTRAINT certificate_completion_same_tenant
    FOREIGN KEY (tenant_id, completion_id) REFERENCES course_completion (tenant_id, id);
ALTER TABLE invitation ADD CONSTRAINT invitation_account_same_tenant
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id);
ALTER TABLE reminder ADD CONSTRAINT reminder_account_same_tenant
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id);
