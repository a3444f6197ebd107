/**
 * Who is signed in, to which tenant, in which role. Accounts are tenant-owned; passwords are
 * PBKDF2-hashed; failed sign-ins are throttled in the database; the session holds only a small
 * serialisable {@link com.trustportal.identity.entity.SignedInUser}.
 */
package com.trustportal.identity;
