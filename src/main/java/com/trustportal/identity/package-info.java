/**
 * Who is signed in, to which tenant, in which role. Accounts are tenant-owned; passwords are
 * PBKDF2-hashed; password guessing is slowed per client address (never by locking the account, which
 * would let anyone lock anyone out); the session holds only a small serialisable
 * {@link com.trustportal.identity.entity.SignedInUser}, honoured on each request only while the account's
 * security version is still the one it was signed in with. Someone who forgot their password gets a one-time
 * link by e-mail; the answer to asking never tells whether an address has an account.
 */
package com.trustportal.identity;
