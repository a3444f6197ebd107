-- Two-factor sign-in for local accounts (TOTP, RFC 6238). totp_secret is the confirmed secret (base32; NULL: the
-- account has no second factor), totp_pending the secret shown during enrolment until a code confirms it,
-- totp_last_step the last time step whose code was accepted (a code is good once), recovery_codes the SHA-256 of
-- each unused one-time recovery code, separated by spaces.
ALTER TABLE account ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE account ADD COLUMN totp_pending VARCHAR(64);
ALTER TABLE account ADD COLUMN totp_last_step BIGINT;
ALTER TABLE account ADD COLUMN recovery_codes VARCHAR(1000);
