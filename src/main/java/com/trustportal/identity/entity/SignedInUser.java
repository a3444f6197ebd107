package com.trustportal.identity.entity;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * What the HTTP session keeps about the person signed in: small and Serializable so that a later
 * cluster can replicate sessions. The tenant is part of it; the request filter refuses the session
 * on every URL of any other tenant.
 */
public record SignedInUser(String tenant, String accountId, String email, String name, Role role)
    implements Serializable {

  public static final String SESSION_KEY = "portal.user";

  public SignedInUser {
    Objects.requireNonNull(tenant);
    Objects.requireNonNull(accountId);
    Objects.requireNonNull(email);
    Objects.requireNonNull(name);
    Objects.requireNonNull(role);
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
