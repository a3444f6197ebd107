-- Rights are checked on every request: a signed-in session carries the security version of its account
-- and is ended when the account's version has moved on (deactivated, role changed, password changed,
-- sessions ended by an admin or by the person). One counter, read per request (cached for 2 s per node).
ALTER TABLE account ADD COLUMN security_version BIGINT DEFAULT 0 NOT NULL;

-- Sign-in throttling moved out of the account row (a lock per account let anyone lock anyone out): it is
-- now per client address in memory. The old columns stay for older nodes during an upgrade; new rows
-- take the defaults.
ALTER TABLE account ALTER COLUMN failed_sign_ins SET DEFAULT 0;
