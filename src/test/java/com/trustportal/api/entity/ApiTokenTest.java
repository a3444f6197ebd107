package com.trustportal.api.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void aTokenNamesItsTenantAndKeepsOnlyAHashOfItsSecret() {
    ApiToken.Issued issued = ApiToken.issue("acme-sales", "HR sync", "admin@acme.example", NOW);
    assertTrue(issued.secret().matches("tp_acme-sales_[0-9a-f]{64}"), issued.secret());
    assertEquals(Optional.of("acme-sales"), ApiToken.tenantOf(issued.secret()));
    assertEquals(64, ApiToken.hash(issued.secret()).length());
    assertFalse(issued.token().prefix().contains(issued.secret().substring(20)), "the prefix does not give the secret away");
    assertTrue(issued.secret().startsWith(issued.token().prefix().replace("…", "")));
    assertNotEquals(issued.secret(), ApiToken.issue("acme-sales", "HR sync", "admin@acme.example", NOW).secret());
  }

  @Test
  void aTokenIsOfOneKindAndARestTokenIsTheDefault() {
    assertEquals(ApiToken.Kind.API, ApiToken.issue("acme", "HR sync", "a@b.example", NOW).token().kind());
    ApiToken.Issued scim = ApiToken.issue(ApiToken.Kind.SCIM, "acme", "Okta", "a@b.example", NOW);
    assertEquals(ApiToken.Kind.SCIM, scim.token().kind());
    assertEquals(Optional.of("acme"), ApiToken.tenantOf(scim.secret()), "same format: the tenant is named in the token");
  }

  @Test
  void somethingElseIsNotAToken() {
    assertEquals(Optional.empty(), ApiToken.tenantOf(null));
    assertEquals(Optional.empty(), ApiToken.tenantOf("tp_acme_" + "0".repeat(63)));
    assertEquals(Optional.empty(), ApiToken.tenantOf("tp_ACME_" + "0".repeat(64)));
    assertEquals(Optional.empty(), ApiToken.tenantOf("tp__" + "0".repeat(64)));
    assertEquals(Optional.empty(), ApiToken.tenantOf("tp_acme_" + "0".repeat(64) + " "));
    assertEquals(Optional.empty(), ApiToken.tenantOf("Bearer tp_acme_" + "0".repeat(64)));
  }

  @Test
  void aTokenNeedsAName() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiToken.issue("acme", " ", "a@b.example", NOW))
        .getMessage().startsWith("name:"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiToken.issue("acme", "x".repeat(81), "a@b.example", NOW))
        .getMessage().contains("80"));
    assertThrows(IllegalArgumentException.class, () -> ApiToken.issue("acme", "line\nbreak", "a@b.example", NOW));
    assertEquals("HR sync", ApiToken.issue("acme", "  HR sync ", "a@b.example", NOW).token().name());
  }

  @Test
  void revokingIsFinalAndUseIsNotedToTheMinute() {
    ApiToken token = ApiToken.issue("acme", "CRM", "a@b.example", NOW).token();
    Instant minute = ApiToken.useMinute(NOW);
    assertEquals(0, minute.getEpochSecond() % 60);
    assertEquals(minute, ApiToken.useMinute(minute.plusSeconds(59).plusMillis(999)));
    assertEquals(minute.plusSeconds(60), ApiToken.useMinute(minute.plusSeconds(60)));
    assertTrue(token.useToNote(minute), "a token never used has a use to note");
    assertTrue(token.active());
    token.revoke(NOW.plusSeconds(100));
    token.revoke(NOW.plusSeconds(200));
    assertFalse(token.active());
    assertEquals(NOW.plusSeconds(100), token.revokedAt());
  }
}
