package com.trustportal.api.rest;

import com.trustportal.identity.entity.Account;
import java.time.Instant;

/** A learner account as the API shows it (never the password hash or sign-in counters). */
public record LearnerJson(String id, String email, String name, String team, String managerEmail, String role,
    boolean active, Instant lastSignIn) {

  static LearnerJson of(Account a) {
    return new LearnerJson(a.id(), a.email(), a.name(), a.team(), a.manager() == null ? null : a.manager().email(),
        a.role().name().toLowerCase(java.util.Locale.ROOT), a.active(), a.lastSignIn());
  }
}
