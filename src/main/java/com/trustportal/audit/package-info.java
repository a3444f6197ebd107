/**
 * The audit trail: every admin change (learners imported or added, invitations, certificate
 * revocations) recorded with who, when, what and tenant, in the same transaction as the change, and
 * never updated or deleted.
 */
package com.trustportal.audit;
