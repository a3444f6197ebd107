-- Revocation is published as a W3C Bitstring Status List per tenant: every certificate owns one bit,
-- at an index that never changes (it is signed into the credential). Indexes count up per tenant from
-- the counter on the tenant's signing key, which issuing locks, so two certificates never share a bit.
ALTER TABLE certificate ADD COLUMN status_index INTEGER;

-- Certificates issued before: numbered per tenant in issue order (the hourly certificate job re-signs
-- their credentials with the new status entry).
UPDATE certificate SET status_index = (
    SELECT COUNT(*) FROM certificate earlier
    WHERE earlier.tenant_id = certificate.tenant_id
      AND (earlier.issued_at < certificate.issued_at
           OR (earlier.issued_at = certificate.issued_at AND earlier.id < certificate.id)));

ALTER TABLE certificate ADD CONSTRAINT certificate_status_index UNIQUE (tenant_id, status_index);

ALTER TABLE signing_key ADD COLUMN next_status_index INTEGER DEFAULT 0 NOT NULL;
UPDATE signing_key SET next_status_index = (
    SELECT COUNT(*) FROM certificate WHERE certificate.tenant_id = signing_key.tenant_id);
