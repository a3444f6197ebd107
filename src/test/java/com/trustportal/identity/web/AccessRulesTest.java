package com.trustportal.identity.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.identity.entity.Role;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

  @Test
  void theRoleDependsOnTheWholeFirstSegmentWithOrWithoutTrailingSlash() {
    assertEquals(Optional.of(Role.ADMIN), AccessRules.required("/admin"));
    assertEquals(Optional.of(Role.ADMIN), AccessRules.required("/admin/"));
    assertEquals(Optional.of(Role.ADMIN), AccessRules.required("/admin/import-progress"));
    assertEquals(Optional.of(Role.MANAGER), AccessRules.required("/manage/index.xhtml"));
    assertEquals(Optional.of(Role.LEARNER), AccessRules.required("/learn"));
    assertEquals(Optional.of(Role.OPERATOR), AccessRules.required("/platform"));
    assertEquals(Optional.empty(), AccessRules.required("/administrator.xhtml"));
    assertEquals(Optional.empty(), AccessRules.required("/login.xhtml"));
  }

  @Test
  void platformAndTenantPathsAreToldApart() {
    assertTrue(AccessRules.isPlatformPath("/platform"));
    assertTrue(AccessRules.isPlatformPath("/"));
    assertFalse(AccessRules.isPlatformPath("/admin/"));
    assertTrue(AccessRules.needsTenant("/admin"));
    assertTrue(AccessRules.needsTenant("/brand/logo"));
    assertFalse(AccessRules.needsTenant("/verify/ABC"));
    assertTrue(AccessRules.isTenantNeutral("/jakarta.faces.resource/x.css.xhtml"));
    assertFalse(AccessRules.isTenantNeutral("/static/../admin/"));
  }
}
