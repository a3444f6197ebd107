package com.trustportal.identity.entity;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The half-signed-in state between a right password and the second factor, kept in the HTTP session under its own
 * key. It is not a {@link SignedInUser}: nothing that asks who is signed in ever sees it, so it grants no role and
 * no page. It is good only for its tenant, for the account's security version at the password (a password change
 * or "end sessions" ends it), and for {@link #LIFETIME}. {@code mustEnrol}: the account has no second factor yet
 * and its role requires one, so the next step is enrolment.
 */
public record PendingSignIn(String tenant, String accountId, String email, long securityVersion, Instant expiresAt,
    boolean mustEnrol) implements Serializable {

  public static final String SESSION_KEY = "portal.pendingSignIn";
  public static final Duration LIFETIME = Duration.ofMinutes(5);

  public PendingSignIn {
    Objects.requireNonNull(tenant);
    Objects.requireNonNull(accountId);
    Objects.requireNonNull(email);
    Objects.requireNonNull(expiresAt);
  }

  public static PendingSignIn of(String tenant, Account account, Instant now, boolean mustEnrol) {
    return new PendingSignIn(tenant, account.id(), account.email(), account.securityVersion(), now.plus(LIFETIME),
        mustEnrol);
  }

  /** Whether the second step may still complete this sign-in in {@code tenant} at {@code now}. */
  public boolean validFor(String tenant, Account account, Instant now) {
    return this.tenant.equals(tenant) && now.isBefore(expiresAt) && account != null && account.id().equals(accountId)
        && account.canSignIn() && account.acceptsSession(securityVersion);
  }
}
