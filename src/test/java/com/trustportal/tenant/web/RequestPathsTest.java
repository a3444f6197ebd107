package com.trustportal.tenant.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RequestPathsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "/./platform/", "/t/acme/./platform/index.xhtml", "/t/acme//admin/import.xhtml", "//admin/",
      "/t/acme/learn/../admin/import-progress", "/api/../t/acme/admin/", "/health/../platform/", "/static/../admin/",
      "/t/acme/index.xhtml;jsessionid=ABC", "/t/acme/admin;x=1/index.xhtml", "/t/acme/%2e%2e/admin/",
      "/t/acme/%2E/admin/", "/t/acme/admin%2findex.xhtml", "/t/acme/admin%2Findex.xhtml", "/t/acme/admin%5cindex.xhtml",
      "/t/acme/admin%00.xhtml", "/t/acme/admin%252e/", "/t/acme\\admin", "/t/acme/admin%3bx=1", "/t/acme/\u0000admin",
      "/t/acme/.", "/t/acme/..", "relative/path", ""})
  void oddSpellingsOfAPathAreRefused(String raw) {
    assertTrue(RequestPaths.refusal(raw).isPresent(), raw + " must be refused");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/", "/t/acme/", "/t/acme/admin/import.xhtml", "/t/acme/admin/", "/verify/3DMJ-S91C-QNFG-FWHF-CN4J-YGTH-W7ZV",
      "/jakarta.faces.resource/portal.css.xhtml", "/t/acme/learn/certificates/ABCD.pdf", "/api/v1/learners",
      "/t/acme/brand/logo", "/t/acme/caf%C3%A9", "/t/acme/a%20b", "/.well-known/x", "/t/acme/...x"})
  void plainPathsPass(String raw) {
    assertEquals(Optional.empty(), RequestPaths.refusal(raw), raw);
  }

  @Test
  void privateFoldersAreRecognisedInAnyLetterCase() {
    assertTrue(RequestPaths.isPrivate("/WEB-INF/web.xml"));
    assertTrue(RequestPaths.isPrivate("/t/acme/web-inf/classes/x.class"));
    assertTrue(RequestPaths.isPrivate("/META-INF/MANIFEST.MF"));
    assertTrue(RequestPaths.isPrivate("/t/acme/Meta-Inf/x"));
    assertFalse(RequestPaths.isPrivate("/t/acme/admin/web-inf.xhtml"));
  }

  @Test
  void firstSegmentIsAWholeSegment() {
    assertEquals("admin", RequestPaths.firstSegment("/admin"));
    assertEquals("admin", RequestPaths.firstSegment("/admin/"));
    assertEquals("admin", RequestPaths.firstSegment("/admin/index.xhtml"));
    assertEquals("adminx", RequestPaths.firstSegment("/adminx/index.xhtml"));
    assertEquals("", RequestPaths.firstSegment("/"));
  }
}
