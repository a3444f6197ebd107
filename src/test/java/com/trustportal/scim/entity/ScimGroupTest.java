package com.trustportal.scim.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScimGroupTest {

  private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");

  @Test
  void aGroupIsATeamNameThatFitsAnAccountsTeam() {
    ScimGroup group = new ScimGroup("  Field Sales ", "ext-1", NOW);
    assertEquals("Field Sales", group.displayName());
    group.rename("Inside Sales");
    assertEquals("Inside Sales", group.displayName());
    assertEquals(36, group.id().length());
  }

  @Test
  void aNameThatNoTeamCanHoldIsRefusedNamingTheAttribute() {
    for (String bad : new String[] {null, " ", "x".repeat(ScimGroup.MAX_NAME + 1), "line\nbreak"}) {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new ScimGroup(bad, null, NOW));
      assertTrue(refused.getMessage().startsWith("displayName:"), refused.getMessage());
    }
    assertEquals(ScimGroup.MAX_NAME, ScimGroup.checkedName("y".repeat(ScimGroup.MAX_NAME)).length());
  }
}
