package com.trustportal.catalog.boundary;

import com.trustportal.catalog.control.CatalogLoadResult;
import com.trustportal.catalog.control.CatalogLoader;
import com.trustportal.catalog.control.LintFinding;
import com.trustportal.catalog.control.Problem;
import com.trustportal.catalog.entity.Course;
import com.trustportal.tenant.control.TenantConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The courses each tenant offers, in memory. Content is read, validated and rendered once at start-up: the shared
 * catalogue from the class path folder {@code catalog/} (inside the WAR), plus every tenant's own
 * {@code <tenants dir>/<slug>/courses/}. A tenant offers the catalogue courses its {@code tenant.yaml} lists and all
 * of its own courses. A course with problems is logged, listed for the readiness check and not offered; everything
 * else keeps being served. The authoring linter's warnings are logged and listed too, but the course is offered.
 * Requests only ever look up the published snapshot, never parse or render.
 */
@ApplicationScoped
public class Catalog {

  static final String CLASSPATH_ROOT = "catalog";
  private static final Logger LOG = Logger.getLogger("portal");

  private record Snapshot(
      Map<String, List<Course>> offered, Map<String, Problem> failed, Map<String, List<LintFinding>> warnings) {}

  private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of());

  /** Loads the shipped catalogue and the tenants' own courses, and publishes them as one consistent snapshot. */
  public void load(Path tenantsDir, Collection<TenantConfig> tenants) {
    CatalogLoadResult shared = loadShipped();
    Map<String, CatalogLoadResult> own = new LinkedHashMap<>();
    tenants.forEach(t -> own.put(t.slug(), new CatalogLoader().load(tenantsDir.resolve(t.slug()).resolve("courses"))));
    publish(shared, tenants, own);
  }

  /** Builds the offer from already loaded catalogues; separate from loading so it can be tested on plain folders. */
  void publish(CatalogLoadResult shared, Collection<TenantConfig> tenants, Map<String, CatalogLoadResult> own) {
    Map<String, Problem> failed = new TreeMap<>();
    Map<String, List<LintFinding>> warnings = new TreeMap<>();
    shared.problems().forEach((folder, problems) -> refuse(failed, folder, problems));
    shared.warnings().forEach((id, findings) -> warn(warnings, id, findings));
    Map<String, List<Course>> offered = new LinkedHashMap<>();
    for (TenantConfig tenant : tenants) {
      List<Course> courses = new ArrayList<>();
      for (String id : tenant.courses()) {
        Optional<Course> course = shared.course(id);
        if (course.isPresent()) {
          courses.add(course.get());
        } else if (!shared.problems().containsKey(id)) {
          refuse(failed, tenant.slug() + "/" + id, List.of(new Problem(tenant.slug() + "/tenant.yaml", 1, 0,
              "courses lists '" + id + "', which is not in the shared catalogue")));
        }
      }
      CatalogLoadResult mine = own.getOrDefault(tenant.slug(), new CatalogLoadResult(List.of()));
      mine.problems().forEach((folder, problems) -> refuse(failed, tenant.slug() + "/" + folder, problems));
      for (Course course : mine.courses()) {
        // one id, one course: progress is stored by course id, so a tenant course may not shadow a shared one
        if (shared.course(course.id()).isPresent() || shared.problems().containsKey(course.id())) {
          refuse(failed, tenant.slug() + "/" + course.id(), List.of(new Problem(course.id() + "/course.yaml", 1, 0,
              "course id '" + course.id() + "' is taken by a course of the shared catalogue; choose another id")));
        } else {
          courses.add(course);
          Optional.ofNullable(mine.warnings().get(course.id()))
              .ifPresent(findings -> warn(warnings, tenant.slug() + "/" + course.id(), findings));
        }
      }
      offered.put(tenant.slug(), List.copyOf(courses));
    }
    snapshot = new Snapshot(Map.copyOf(offered), Map.copyOf(failed), Collections.unmodifiableMap(warnings));
    LOG.info(() -> "Catalogue: " + shared.courses().size() + " shared course(s) loaded, " + failed.size() + " refused; "
        + offered.entrySet().stream().map(e -> e.getKey() + " offers " + e.getValue().size()).toList());
  }

  private static void refuse(Map<String, Problem> failed, String id, List<Problem> problems) {
    problems.forEach(p -> LOG.warning("Course " + id + " refused: " + p));
    failed.putIfAbsent(id, problems.get(0));
  }

  /** One log line per finding; the course is still offered, the author has something to fix. */
  private static void warn(Map<String, List<LintFinding>> warnings, String id, List<LintFinding> findings) {
    findings.forEach(f -> LOG.warning("course " + id + ": " + f));
    warnings.put(id, findings);
  }

  /** The courses a tenant offers: its listed catalogue courses in the order listed, then its own courses. */
  public List<Course> offeredTo(String tenant) {
    return snapshot.offered().getOrDefault(tenant, List.of());
  }

  /** A course if, and only if, the tenant offers it. */
  public Optional<Course> course(String tenant, String courseId) {
    return offeredTo(tenant).stream().filter(c -> c.id().equals(courseId)).findFirst();
  }

  /** Refused courses ({@code folder} or {@code <tenant>/<folder>}) with their first problem, for readiness. */
  public Map<String, Problem> failed() {
    return snapshot.failed();
  }

  /**
   * The authoring linter's warnings per loaded course that has any ({@code id} or {@code <tenant>/<id>}, sorted), for
   * readiness and for pages that show authors what to fix. Warned courses are offered like any other.
   */
  public Map<String, List<LintFinding>> warnings() {
    return snapshot.warnings();
  }

  private static CatalogLoadResult loadShipped() {
    URL url = Catalog.class.getClassLoader().getResource(CLASSPATH_ROOT);
    if (url == null) {
      LOG.warning("Catalogue: no '" + CLASSPATH_ROOT + "' folder on the class path; no shared course is offered");
      return new CatalogLoadResult(List.of());
    }
    try {
      URI uri = url.toURI();
      if ("file".equals(uri.getScheme())) {
        return new CatalogLoader().load(Path.of(uri));
      }
      return loadFromArchive(uri);
    } catch (URISyntaxException | IOException e) {
      LOG.severe("Catalogue: cannot read " + url + ": " + e);
      return new CatalogLoadResult(List.of());
    }
  }

  /** {@code jar:}/{@code zip:} URLs (an unexploded WAR): everything is rendered while loading, so the file system can close. */
  private static CatalogLoadResult loadFromArchive(URI uri) throws IOException {
    String text = uri.toString();
    int separator = text.indexOf("!/");
    URI archive = URI.create(separator < 0 ? text : text.substring(0, separator));
    String inside = separator < 0 ? "/" + CLASSPATH_ROOT : text.substring(separator + 1);
    try (FileSystem fs = FileSystems.newFileSystem(archive, Map.of())) {
      return new CatalogLoader().load(fs.getPath(inside));
    } catch (FileSystemAlreadyExistsException e) {
      // someone else opened the archive: use theirs, and leave it open for them
      return new CatalogLoader().load(FileSystems.getFileSystem(archive).getPath(inside));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
