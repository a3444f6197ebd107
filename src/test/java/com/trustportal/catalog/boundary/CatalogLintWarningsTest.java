package com.trustportal.catalog.boundary;

import com.trustportal.testing.TestFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.catalog.control.CatalogLoadResult;
import com.trustportal.catalog.control.CatalogLoader;
import com.trustportal.catalog.control.LintFinding;
import com.trustportal.catalog.control.LintRule;
import com.trustportal.tenant.control.TenantConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lint findings are warnings: a warned course is still offered, its findings are kept per course for readiness and
 * pages, and each one is logged as {@code course <id>: <file>:<line>: [rule] message}.
 */
class CatalogLintWarningsTest {

  @TempDir Path dir;

  @Test
  void warnedCoursesAreOfferedAndTheirFindingsKeptPerCourseAndLogged() throws Exception {
    // minimal-course has two options per item and a role-play whose labels predict trust: it warns
    copy("minimal-course", dir.resolve("shared/minimal-course"));
    copy("lint-clean-course", dir.resolve("tenants/acme/courses/lint-clean-course"));
    copy("minimal-course", dir.resolve("tenants/acme/courses/acme-onboarding"));
    Path ownCourse = dir.resolve("tenants/acme/courses/acme-onboarding/course.yaml");
    Files.writeString(ownCourse, Files.readString(ownCourse).replace("id: minimal-course", "id: acme-onboarding"));
    Catalog catalog = new Catalog();
    List<String> log = new ArrayList<>();

    withPortalLog(log, () -> publish(catalog, tenant("acme", "minimal-course")));

    assertEquals(List.of("minimal-course", "acme-onboarding", "lint-clean-course"),
        catalog.offeredTo("acme").stream().map(c -> c.id()).toList(), "warned courses are still offered");
    assertEquals(Map.of(), catalog.failed());
    assertEquals(List.of("acme/acme-onboarding", "minimal-course"), List.copyOf(catalog.warnings().keySet()),
        "the clean course has no entry");
    List<LintFinding> findings = catalog.warnings().get("minimal-course");
    assertTrue(findings.stream().anyMatch(f -> f.rule() == LintRule.FEW_OPTIONS), findings.toString());
    assertTrue(findings.stream().anyMatch(f -> f.rule() == LintRule.LABELS_PREDICT_TRUST), findings.toString());
    assertEquals(findings.size() + catalog.warnings().get("acme/acme-onboarding").size(),
        log.stream().filter(line -> line.startsWith("WARNING course ")).count(), "one log line per finding");
    assertTrue(log.contains("WARNING course minimal-course: " + findings.get(0)), log.toString());
    assertTrue(log.stream().anyMatch(line -> line.matches(
        "WARNING course acme/acme-onboarding: assessment\\.yaml:\\d+: \\[few-options\\] final-bank item a1 .*")),
        log.toString());
    assertFalse(log.stream().anyMatch(line -> line.contains("lint-clean-course")), log.toString());
  }

  private void publish(Catalog catalog, TenantConfig tenant) {
    CatalogLoadResult shared = new CatalogLoader().load(dir.resolve("shared"));
    CatalogLoadResult own = new CatalogLoader().load(dir.resolve("tenants/acme/courses"));
    catalog.publish(shared, List.of(tenant), Map.of(tenant.slug(), own));
  }

  private static void withPortalLog(List<String> lines, Runnable action) {
    Logger logger = Logger.getLogger("portal");
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          lines.add(record.getLevel() + " " + record.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    try {
      action.run();
    } finally {
      logger.removeHandler(handler);
    }
  }

  private static TenantConfig tenant(String slug, String... courses) {
    return new TenantConfig(slug, slug, List.of(), new TenantConfig.Brand("#112233", "#445566", null), Locale.ENGLISH,
        10, List.of(courses), new TenantConfig.Signer("S", "T"), List.of(), "digest");
  }

  private static void copy(String fixture, Path target) throws Exception {
    Path source = Path.of(CatalogLintWarningsTest.class.getResource("/catalog-fixtures/" + fixture).toURI());
    TestFiles.copyTree(source, target);
  }
}
