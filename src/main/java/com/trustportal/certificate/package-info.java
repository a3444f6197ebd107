/**
 * Certificates: issued once per course completion, provable online (the public verification page,
 * no sign-in, no session) and offline (a signed Open Badges 3.0 credential anyone can check with the
 * tenant's published key), revocable by the tenant's admins, and renewed before they expire. What a
 * certificate says is copied at issue time, so later edits of names or courses cannot change it.
 */
package com.trustportal.certificate;
