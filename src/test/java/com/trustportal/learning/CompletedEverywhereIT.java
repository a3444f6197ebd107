package com.trustportal.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.assessment.boundary.Assessments;
import com.trustportal.assessment.entity.AssessmentAttempt;
import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.Question;
import com.trustportal.catalog.entity.Step;
import com.trustportal.identity.boundary.Accounts;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.learning.boundary.Completions;
import com.trustportal.learning.boundary.Progress;
import com.trustportal.learning.entity.CourseProgress;
import com.trustportal.learning.entity.StepAnswer;
import com.trustportal.platform.Settings;
import com.trustportal.team.boundary.LearnerReport;
import com.trustportal.team.boundary.TeamReport;
import com.trustportal.tenant.boundary.TenantProvisioning;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Completed" means one thing to every reader, also after an author edits the course. A fresh tenant offers its own
 * copy of the shipped course, written to a tenants folder and loaded through the catalogue as at start-up; the author
 * then adds a lesson (with and without a new version number) and the catalogue is loaded again. After each step the
 * same learner is read by My learning (its card's status), the manager's team page, the API's progress resource
 * (the admin's learner report it returns) and the admin's dashboard (its completed count), and they must agree.
 */
@ExtendWith(ArquillianExtension.class)
class CompletedEverywhereIT {

  private static final String COURSE = "edited-selling";

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(CompletedEverywhereIT.class);
  }

  @Inject Catalog catalog;
  @Inject TenantDirectory directory;
  @Inject TenantProvisioning provisioning;
  @Inject Accounts accounts;
  @Inject Progress progress;
  @Inject Assessments assessments;
  @Inject Completions completions;
  @Inject TeamReport teamReport;
  @Inject LearnerReport learnerReport;

  private Path tenants;
  private TenantConfig config;
  private String tenant;
  private String learner;
  private SignedInUser manager;
  private SignedInUser admin;

  @BeforeEach
  void aTenantWithItsOwnCopyOfTheCourse() throws IOException {
    tenant = "edit-" + UUID.randomUUID().toString().substring(0, 8);
    String boss = "boss@" + tenant + ".example";
    config = new TenantConfig(tenant, "Tenant " + tenant, List.of(), new TenantConfig.Brand("#112233", "#445566", null),
        Locale.ENGLISH, 10, List.of(), new TenantConfig.Signer("S", "T"), List.of(
            new TenantConfig.InitialAccount("admin@" + tenant + ".example", "Admin", "admin", "admin-password-12", null, 1),
            new TenantConfig.InitialAccount(boss, "Boss", "manager", "boss-password-123", null, 2),
            new TenantConfig.InitialAccount("rep@" + tenant + ".example", "Rep", "learner", "rep-password-1234", boss, 3)),
        UUID.randomUUID().toString());
    TenantContext.runAs(tenant, () -> provisioning.apply(config));
    learner = account("rep@").id();
    manager = signedIn(account("boss@"));
    admin = signedIn(account("admin@"));
    tenants = Files.createTempDirectory("tenants");
    copyShippedCourse(tenants.resolve(tenant).resolve("courses").resolve(COURSE));
    publish();
  }

  @AfterEach
  void theTenantsAndCatalogueAsShipped() {
    Map<String, TenantConfig> shipped = new HashMap<>();
    directory.all().stream().filter(t -> !t.slug().equals(tenant)).forEach(t -> shipped.put(t.slug(), t));
    directory.replace(shipped, directory.failed());
    catalog.load(Settings.tenantsDir(), directory.all());
  }

  @Test
  void aStepAddedWithoutANewVersionKeepsTheLearnerCompletedForEveryReader() throws IOException {
    finishTheCourse();
    assertEveryReaderSays(true);

    addALesson(false);

    Course edited = course();
    assertEquals(originalSteps + 1, edited.steps().size(), "the edit must reach the catalogue");
    assertEveryReaderSays(true);
    CourseProgress card = card();
    assertTrue(card.completion().percent() < 100, "the card still shows the new lesson as not done");
  }

  @Test
  void aStepAddedWithANewVersionAsksEveryoneToFinishAgainAndEveryReaderSaysSo() throws IOException {
    finishTheCourse();
    assertEveryReaderSays(true);

    addALesson(true);

    assertEveryReaderSays(false);
    assertEquals(CourseProgress.Status.IN_PROGRESS, card().status());

    // the new lesson is the last condition: the assessment of this round is already passed
    Course edited = course();
    Step added = edited.step("m1-added").orElseThrow();
    as(() -> progress.record(learner, edited, added.id(), StepAnswer.read(), 1));
    assertTrue(as(() -> completions.completeIfDone(learner, edited)).isPresent());
    assertEveryReaderSays(true);
  }

  @Test
  void everyStepDoneButTheAssessmentNotPassedIsNotCompletedForAnyReader() {
    Course course = course();
    for (Step step : course.steps()) {
      as(() -> progress.record(learner, course, step.id(), StepAnswer.read(), 1));
    }
    assertEveryReaderSays(false);
    assertEquals(CourseProgress.Status.ASSESSMENT_DUE, card().status());
  }

  private int originalSteps;

  private void assertEveryReaderSays(boolean completed) {
    String expected = completed ? "completed" : "not completed";
    assertEquals(completed, card().status() == CourseProgress.Status.COMPLETED, "My learning's card: " + expected);
    TeamReport.Row row = as(() -> teamReport.myTeam(manager)).stream().filter(r -> r.accountId().equals(learner))
        .findFirst().orElseThrow();
    assertEquals(completed, row.status() == TeamReport.Status.COMPLETED, "the team page: " + expected);
    LearnerReport.CourseStanding api = as(() -> learnerReport.of(admin, learner)).orElseThrow().stream()
        .filter(s -> s.courseId().equals(COURSE)).findFirst().orElseThrow();
    assertEquals(completed, api.status() == TeamReport.Status.COMPLETED, "the API's progress: " + expected);
    assertEquals(completed, api.completedAt() != null, "the API's completedAt: " + expected);
    long done = as(() -> teamReport.tenantFigures(admin)).statuses().get(TeamReport.Status.COMPLETED);
    assertEquals(completed ? 1 : 0, done, "the dashboard's completed count: " + expected);
  }

  private CourseProgress card() {
    return as(() -> completions.standing(learner)).stream().filter(p -> p.course().id().equals(COURSE)).findFirst()
        .orElseThrow();
  }

  private void finishTheCourse() {
    Course course = course();
    originalSteps = course.steps().size();
    for (Step step : course.steps()) {
      as(() -> progress.record(learner, course, step.id(), StepAnswer.read(), 1));
    }
    AssessmentAttempt attempt = as(() -> assessments.startOrResume(learner, course));
    Map<String, Integer> right = new HashMap<>();
    for (Question q : attempt.questions(course.assessment())) {
      right.put(q.id(), q.correctChoice());
    }
    as(() -> assessments.submit(learner, attempt.id(), course, right));
    assertTrue(as(() -> completions.completeIfDone(learner, course)).isPresent(), "the learner finished the course");
  }

  /** What an author does: a new lesson file, listed first in the module, and optionally a new version number. */
  private void addALesson(boolean newVersion) throws IOException {
    Path folder = tenants.resolve(tenant).resolve("courses").resolve(COURSE);
    Path module;
    try (Stream<Path> modules = Files.list(folder.resolve("modules"))) {
      module = modules.sorted().findFirst().orElseThrow();
    }
    Files.writeString(module.resolve("00-added.md"), "---\nid: m1-added\ntitle: A lesson added later\nminutes: 2\n"
        + "---\nThis lesson was added after the first learners had finished the course.\n", StandardCharsets.UTF_8);
    Path moduleYaml = module.resolve("module.yaml");
    Files.writeString(moduleYaml, Files.readString(moduleYaml).replace("steps:\n", "steps:\n  - lesson: 00-added.md\n"));
    if (newVersion) {
      Path courseYaml = folder.resolve("course.yaml");
      int version = course().version();
      Files.writeString(courseYaml,
          Files.readString(courseYaml).replaceFirst("(?m)^version: .*$", "version: " + (version + 1)));
    }
    publish();
  }

  /** The tenant is served and its courses folder loaded, as start-up does for the folders it finds. */
  private void publish() {
    Map<String, TenantConfig> served = new HashMap<>();
    directory.all().forEach(t -> served.put(t.slug(), t));
    served.put(tenant, config);
    directory.replace(served, directory.failed());
    catalog.load(tenants, directory.all());
    assertTrue(catalog.course(tenant, COURSE).isPresent(), "the tenant's course loads: " + catalog.failed());
  }

  private Course course() {
    return catalog.course(tenant, COURSE).orElseThrow();
  }

  /** The shipped course under another id (a tenant course may not shadow a shared one). */
  private static void copyShippedCourse(Path target) throws IOException {
    URI uri;
    try {
      uri = Catalog.class.getClassLoader().getResource("catalog/collaborative-selling").toURI();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    if ("file".equals(uri.getScheme())) {
      copy(Path.of(uri), target);
    } else {
      String text = uri.toString();
      int separator = text.indexOf("!/");
      try (FileSystem fs = FileSystems.newFileSystem(URI.create(text.substring(0, separator)), Map.of())) {
        copy(fs.getPath(text.substring(separator + 1)), target);
      }
    }
    Path courseYaml = target.resolve("course.yaml");
    // the learner saves steps directly and spends no measured time: the copy opens its assessment without a minimum
    Files.writeString(courseYaml, Files.readString(courseYaml).replaceFirst("(?m)^id: .*$", "id: " + COURSE)
        .replaceFirst("(?m)^  minimum-active-minutes: .*$", "  minimum-active-minutes: 0"));
  }

  private static void copy(Path source, Path target) throws IOException {
    try (Stream<Path> all = Files.walk(source)) {
      for (Path from : all.toList()) {
        Path to = target.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
  }

  private Account account(String prefix) {
    return as(() -> accounts.byEmail(prefix + tenant + ".example")).orElseThrow();
  }

  private SignedInUser signedIn(Account account) {
    return new SignedInUser(tenant, account.id(), account.email(), account.name(), account.role());
  }

  private <T> T as(Supplier<T> work) {
    return TenantContext.callAsUnchecked(tenant, work);
  }
}
