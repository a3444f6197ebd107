package com.trustportal.catalog.boundary;

import com.trustportal.testing.TestFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.catalog.control.CatalogLoadResult;
import com.trustportal.catalog.control.CatalogLoader;
import com.trustportal.catalog.entity.Course;
import com.trustportal.tenant.control.TenantConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

  @TempDir Path dir;

  @Test
  void aTenantIsOfferedItsListedCatalogueCoursesThenItsOwnAndNothingElse() throws Exception {
    Path shared = dir.resolve("shared");
    copyFixture(shared, "minimal-course", "minimal-course");
    copyFixture(dir.resolve("tenants/acme/courses"), "minimal-course", "acme-onboarding");
    Catalog catalog = new Catalog();

    publish(catalog, shared, tenant("acme", "minimal-course"), tenant("globex"));

    assertEquals(List.of("minimal-course", "acme-onboarding"), ids(catalog.offeredTo("acme")));
    assertEquals(List.of(), ids(catalog.offeredTo("globex")));
    assertTrue(catalog.course("acme", "acme-onboarding").isPresent());
    assertTrue(catalog.course("globex", "acme-onboarding").isEmpty(), "another tenant's own course");
    assertTrue(catalog.course("globex", "minimal-course").isEmpty(), "a catalogue course globex does not list");
    assertEquals(Map.of(), catalog.failed());
  }

  @Test
  void brokenCoursesUnknownIdsAndShadowingIdsAreRefusedWithTheirFirstProblem() throws Exception {
    Path shared = dir.resolve("shared");
    copyFixture(shared, "minimal-course", "minimal-course");
    Path courses = dir.resolve("tenants/acme/courses");
    copyFixture(courses, "minimal-course", "minimal-course");
    Files.createDirectories(courses.resolve("half-written"));
    Files.writeString(courses.resolve("half-written/course.yaml"), "id: half-written\ntitle: [unclosed\n");
    Catalog catalog = new Catalog();

    publish(catalog, shared, tenant("acme", "minimal-course", "no-such-course"));

    assertEquals(List.of("minimal-course"), ids(catalog.offeredTo("acme")));
    assertEquals(List.of("acme/half-written", "acme/minimal-course", "acme/no-such-course"),
        List.copyOf(new java.util.TreeSet<>(catalog.failed().keySet())));
    assertTrue(catalog.failed().get("acme/half-written").toString().startsWith("half-written/course.yaml:3"),
        catalog.failed().toString());
    assertTrue(catalog.failed().get("acme/no-such-course").message().contains("not in the shared catalogue"));
    assertTrue(catalog.failed().get("acme/minimal-course").message().contains("taken by a course of the shared"));
  }

  @Test
  void aLessonIsServedWithItsNewTextOnceTheCatalogueIsLoadedAgainAfterAnEdit() throws Exception {
    Path courses = dir.resolve("tenants/acme/courses");
    copyFixture(courses, "minimal-course", "acme-onboarding");
    Path lesson = courses.resolve("acme-onboarding/modules/01-first/02-listening.md");
    Catalog catalog = new Catalog();
    catalog.load(dir.resolve("tenants"), List.of(tenant("acme")));
    assertTrue(lessonHtml(catalog).contains("Repeat what you heard."), lessonHtml(catalog));

    Files.writeString(lesson, Files.readString(lesson).replace("Repeat what you heard.", "Say it *back* in their words."));
    Path yaml = courses.resolve("acme-onboarding/course.yaml");
    Files.writeString(yaml, Files.readString(yaml).replace("version: 3", "version: 4"));
    assertTrue(lessonHtml(catalog).contains("Repeat what you heard."), "served from memory until the next load");
    catalog.load(dir.resolve("tenants"), List.of(tenant("acme")));

    assertEquals(4, catalog.course("acme", "acme-onboarding").orElseThrow().version());
    assertTrue(lessonHtml(catalog).contains("Say it <em>back</em> in their words."), lessonHtml(catalog));
    assertTrue(!lessonHtml(catalog).contains("Repeat what you heard."), lessonHtml(catalog));
  }

  private static String lessonHtml(Catalog catalog) {
    return ((com.trustportal.catalog.entity.Lesson) catalog.course("acme", "acme-onboarding").orElseThrow()
        .step("m1-l2").orElseThrow()).html();
  }

  @Test
  void theShippedCatalogueLoadsFromTheClassPath() {
    Catalog catalog = new Catalog();

    catalog.load(dir.resolve("no-tenants-dir"), List.of(tenant("acme", "collaborative-selling")));

    assertEquals(List.of("collaborative-selling"), ids(catalog.offeredTo("acme")));
    assertEquals(Map.of(), catalog.failed());
  }

  private void publish(Catalog catalog, Path shared, TenantConfig... tenants) {
    CatalogLoadResult sharedResult = new CatalogLoader().load(shared);
    Map<String, CatalogLoadResult> own = new java.util.LinkedHashMap<>();
    for (TenantConfig t : tenants) {
      own.put(t.slug(), new CatalogLoader().load(dir.resolve("tenants").resolve(t.slug()).resolve("courses")));
    }
    catalog.publish(sharedResult, List.of(tenants), own);
  }

  private static List<String> ids(List<Course> courses) {
    return courses.stream().map(Course::id).toList();
  }

  private static TenantConfig tenant(String slug, String... courses) {
    return new TenantConfig(slug, slug, List.of(), new TenantConfig.Brand("#112233", "#445566", null), Locale.ENGLISH,
        10, List.of(courses), new TenantConfig.Signer("S", "T"), List.of(), "digest");
  }

  /** Copies a fixture course to {@code parent/<id>}, renaming its id (which must equal the folder name). */
  private static void copyFixture(Path parent, String fixture, String id) throws Exception {
    Path source = Path.of(CatalogTest.class.getResource("/catalog-fixtures/" + fixture).toURI());
    Path target = parent.resolve(id);
    TestFiles.copyTree(source, target);
    Path yaml = target.resolve("course.yaml");
    Files.writeString(yaml, Files.readString(yaml).replace("id: " + fixture, "id: " + id));
  }
}
