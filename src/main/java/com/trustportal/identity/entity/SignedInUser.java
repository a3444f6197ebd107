package com.trustportal.identity.entity;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * What the HTTP session keeps about the person signed in: small and Serializable so that a later
 * cluster can replicate sessions. The tenant is part of it; the request filter refuses the session
 * on every URL of any other tenant. {@code securityVersion} is the account's version at sign-in: the
 * session is only honoured while the account still has that version (see {@link Account#endSessions()}).
 */
public record SignedInUser(String tenant, String accountId, String email, String name, Role role, long securityVersion)
    implements Serializable {

  public static final String SESSION_KEY = "portal.user";

  /** The version of a caller that is not a browser session (an API token, an audit actor): never accepted as a session. */
  public static final long NO_SESSION = -1;

  public SignedInUser {
    Objects.requireNonNull(tenant);
    Objects.requireNonNull(accountId);
    Objects.requireNonNull(email);
    Objects.requireNonNull(name);
    Objects.requireNonNull(role);
  }

  /** A caller that acts in a boundary but is not a signed-in session (API token, audit actor). */
  public SignedInUser(String tenant, String accountId, String email, String name, Role role) {
    this(tenant, accountId, email, name, role, NO_SESSION);
  }

  /** The session entry for {@code account} of {@code tenant}, as it is now. */
  public static SignedInUser of(String tenant, Account account) {
    return new SignedInUser(tenant, account.id(), account.email(), account.name(), account.role(), account.securityVersion());
  }

  /**
   * The one check of tenant and role that boundaries make on every call: refuses a missing user, a user of
   * another tenant than the unit of work's, and a role that does not include {@code needed}.
   */
  public static void require(SignedInUser user, String tenant, Role needed, String refusal) {
    if (user == null || !user.tenant().equals(tenant) || !user.has(needed)) {
      throw new SecurityException(refusal);
    }
  }

  public boolean has(Role needed) {
    return role.includes(needed);
  }

  /** Caller principal name, unique across tenants. */
  public String principalName() {
    return tenant + ":" + email;
  }

  /** Container groups: every role this user's role includes. */
  public Set<String> groups() {
    return java.util.Arrays.stream(Role.values()).filter(role::includes).map(Role::name).collect(java.util.stream.Collectors.toSet());
  }
}
