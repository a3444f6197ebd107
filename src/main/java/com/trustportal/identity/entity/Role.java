package com.trustportal.identity.entity;

import java.util.Locale;

/** What an account may do: three tenant roles, and the platform operator outside all tenants. */
public enum Role {
  LEARNER,
  MANAGER,
  ADMIN,
  /** Runs the platform; belongs to no customer tenant (its accounts live under {@link #PLATFORM_TENANT}). */
  OPERATOR;

  /** Reserved tenant id for operator accounts: not a valid slug, so no customer tenant can take it. */
  public static final String PLATFORM_TENANT = "_platform";

  public static Role of(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** Managers and admins are learners too: they take courses like everyone else. */
  public boolean includes(Role other) {
    if (this == OPERATOR || other == OPERATOR) {
      return this == other;
    }
    return ordinal() >= other.ordinal();
  }
}
