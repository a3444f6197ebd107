package com.trustportal.identity.entity;

/**
 * A reset link was issued; once the transaction has committed, it is e-mailed. Carries the token itself, which is
 * stored nowhere, so the event lives in memory only and is never logged.
 */
public record PasswordResetRequested(String tenant, String tenantName, String email, String name, String token) {

  @Override
  public String toString() {
    return "PasswordResetRequested[tenant=" + tenant + ", email=" + email + "]";
  }
}
