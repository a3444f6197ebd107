package com.trustportal.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Behaviour;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.DialogueNode;
import com.trustportal.catalog.entity.Module;
import com.trustportal.catalog.entity.Reply;
import com.trustportal.catalog.entity.RolePlay;
import com.trustportal.catalog.entity.Step;
import com.trustportal.certificate.CompletionFixture;
import com.trustportal.certificate.boundary.Certificates;
import com.trustportal.certificate.entity.Certificate;
import com.trustportal.certificate.entity.CertificateStatus;
import com.trustportal.certificate.entity.RevocationReason;
import com.trustportal.enrolment.boundary.Enrolment;
import com.trustportal.enrolment.boundary.Learners;
import com.trustportal.identity.boundary.Accounts;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.learning.boundary.Progress;
import com.trustportal.learning.entity.StepAnswer;
import com.trustportal.team.boundary.TeamReport;
import com.trustportal.team.control.Funnel;
import com.trustportal.team.control.HeatMap;
import com.trustportal.tenant.control.TenantContext;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The manager's and the admin's dashboards against the real database, in the IT tenant {@code enrol}: a small known
 * team (boss with three reports; one more learner reporting to someone else), its funnel and role-play heat map, who
 * sees whom, and the admin's seat and certificate counts. Accounts are unique per test and deactivated afterwards,
 * so the tenant's 40 seats last.
 */
@ExtendWith(ArquillianExtension.class)
class TeamDashboardIT {

  private static final String HEADER = "email,first name,last name,team,manager email,due date\n";

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(TeamDashboardIT.class, CompletionFixture.class);
  }

  @Inject TeamReport report;
  @Inject Enrolment enrolment;
  @Inject Accounts accounts;
  @Inject Learners learners;
  @Inject Progress progress;
  @Inject Catalog catalog;
  @Inject Certificates certificates;
  @Inject CompletionFixture completions;

  private final String tenant = "enrol";
  private SignedInUser admin;
  private String run;
  private final List<String> created = new ArrayList<>();
  private Course course;

  @BeforeEach
  void setUp() {
    Account account = as(() -> accounts.byEmail("admin@enrol.example")).orElseThrow();
    admin = new SignedInUser(tenant, account.id(), account.email(), account.name(), Role.ADMIN);
    run = UUID.randomUUID().toString().substring(0, 8);
    course = catalog.course(tenant, "collaborative-selling").orElseThrow();
  }

  @AfterEach
  void freeTheSeats() {
    for (String id : created) {
      as(() -> {
        learners.deactivate(admin, id);
        return null;
      });
    }
  }

  @Test
  void theManagerSeesTheFunnelAndHeatMapOfExactlyTheirDirectReports() {
    String boss = email("boss");
    String ann = email("ann");
    String bob = email("bob");
    String cat = email("cat");
    String other = email("other");
    as(() -> enrolment.confirm(admin, bytes(HEADER
        + boss + ",Boss,B" + run + ",Dash,,\n"
        + ann + ",Ann,A" + run + ",Dash," + boss + ",\n"
        + bob + ",Bob,B" + run + ",Dash," + boss + ",\n"
        + cat + ",Cat,C" + run + ",Dash," + boss + ",\n"
        + other + ",Olu,O" + run + ",Else,manager@enrol.example,\n")));
    for (String e : List.of(boss, ann, bob, cat, other)) {
      created.add(id(e));
    }
    Module first = course.modules().get(0);
    RolePlay rolePlay = (RolePlay) first.steps().stream().filter(RolePlay.class::isInstance).findFirst().orElseThrow();
    List<Integer> best = path(rolePlay, 0);
    List<Integer> last = path(rolePlay, -1);
    // Ann: all of module 1 (the role-play with the first reply everywhere); Bob: one lesson and the role-play with
    // the last reply everywhere; Cat: nothing. Olu (another team) did all of module 1 and module 2's first step.
    for (Step step : first.steps()) {
      record(ann, step, step == rolePlay ? StepAnswer.rolePlay(best) : answerFor(step));
      record(other, step, step == rolePlay ? StepAnswer.rolePlay(last) : answerFor(step));
    }
    record(other, course.modules().get(1).steps().get(0), answerFor(course.modules().get(1).steps().get(0)));
    record(bob, first.steps().get(0), StepAnswer.read());
    record(bob, rolePlay, StepAnswer.rolePlay(last));

    SignedInUser manager = new SignedInUser(tenant, id(boss), boss, "Boss", Role.MANAGER);
    TeamReport.TeamDashboard dashboard = as(() -> report.teamDashboard(manager));

    List<String> emails = dashboard.rows().stream().map(TeamReport.Row::email).distinct().sorted().toList();
    assertEquals(List.of(ann, bob, cat).stream().sorted().toList(), emails, "exactly the direct reports");
    assertEquals(Map.of(TeamReport.Status.NOT_STARTED, 1L, TeamReport.Status.IN_PROGRESS, 2L,
        TeamReport.Status.COMPLETED, 0L, TeamReport.Status.OVERDUE, 0L), dashboard.statuses());

    TeamReport.CourseFigures figures = dashboard.courses().get(0);
    List<Funnel.Stage> funnel = figures.funnel();
    assertEquals(course.modules().stream().map(Module::id).toList(), funnel.stream().map(Funnel.Stage::moduleId).toList(),
        "module order");
    assertEquals(new Funnel.Stage(first.id(), first.title(), first.steps().size(), 2, 1, 3), funnel.get(0));
    assertEquals(0, funnel.get(1).started(), "Olu's module 2 step is not this team's");

    Map<Behaviour, long[]> expected = new EnumMap<>(Behaviour.class);
    tally(expected, rolePlay, best);
    tally(expected, rolePlay, last);
    HeatMap byModule = figures.byModule();
    for (Behaviour b : Behaviour.values()) {
      long[] e = expected.getOrDefault(b, new long[2]);
      assertEquals(new HeatMap.Cell(e[0], e[1]), byModule.cell(first.title(), b), b + " in " + first.title());
    }
    HeatMap byLearner = figures.byLearner();
    assertTrue(byLearner.subjects().containsAll(List.of("Ann A" + run, "Bob B" + run, "Cat C" + run)),
        byLearner.subjects().toString());
    assertFalse(byLearner.subjects().contains("Olu O" + run), "another team's learner");
    Behaviour firstBehaviour = rolePlay.walk(best).taken().get(0).behaviour();
    assertTrue(byLearner.cell("Ann A" + run, firstBehaviour).total() >= 1);
    assertEquals(HeatMap.Cell.EMPTY, byLearner.cell("Cat C" + run, firstBehaviour));

    TeamReport.Row annRow = dashboard.rows().stream().filter(r -> r.email().equals(ann)).findFirst().orElseThrow();
    assertEquals(first.steps().size() * 100 / course.steps().size(), annRow.percent());
    assertTrue(annRow.lastActivity() != null);

    SignedInUser otherManager = new SignedInUser(tenant, id(other), other, "Olu", Role.MANAGER);
    assertTrue(as(() -> report.teamDashboard(otherManager)).rows().isEmpty(), "Olu manages nobody");
    SignedInUser acmeManager = new SignedInUser("acme", id(boss), boss, "Boss", Role.MANAGER);
    assertThrows(EJBException.class, () -> as(() -> report.teamDashboard(acmeManager)), "another tenant's manager");
    SignedInUser learner = new SignedInUser(tenant, id(boss), boss, "Boss", Role.LEARNER);
    assertThrows(EJBException.class, () -> as(() -> report.teamDashboard(learner)));
    assertThrows(EJBException.class, () -> as(() -> report.tenantDashboard(manager)), "managers see no tenant dashboard");
    assertThrows(EJBException.class, () -> as(() -> report.tenantFigures(manager)));
    assertThrows(EJBException.class, () -> as(() -> report.learnerPage(manager, 0, 10)));
  }

  @Test
  void theAdminDashboardCountsSeatsStatusesAndCertificates() {
    TeamReport.TenantDashboard shown = as(() -> report.tenantDashboard(admin));
    assertEquals(40, shown.seats(), "the page's (possibly a minute old) figures");
    TeamReport.TenantDashboard before = as(() -> report.tenantFigures(admin));
    assertEquals(40, before.seats());
    assertEquals(as(() -> learners.seatsUsed(admin)), before.seatsUsed());
    assertEquals(before.seatsUsed(), before.statuses().values().stream().mapToLong(Long::longValue).sum(),
        "one status per seat holder and course");
    assertEquals(before.seatsUsed(), before.courses().get(0).funnel().get(0).learners());

    String dee = email("dee");
    String eve = email("eve");
    as(() -> enrolment.confirm(admin, bytes(HEADER + dee + ",Dee,D" + run + ",Dash,,\n"
        + eve + ",Eve,E" + run + ",Dash,,2020-01-31\n")));
    created.add(id(dee));
    created.add(id(eve));
    record(dee, course.steps().get(0), StepAnswer.read());
    Instant at = Instant.now().minus(1, ChronoUnit.DAYS);
    Certificate valid = as(() -> certificates.issueFor(completions.completedAt(id(dee), course, 1, at))).orElseThrow();
    Certificate revoked = as(() -> certificates.issueFor(completions.completedAt(id(eve), course, 1, at))).orElseThrow();
    as(() -> certificates.revoke(admin, revoked.code(), RevocationReason.OTHER));

    TeamReport.TenantDashboard after = as(() -> report.tenantFigures(admin));
    assertEquals(before.seatsUsed() + 2, after.seatsUsed());
    assertEquals(before.certificates().get(CertificateStatus.VALID) + 1, after.certificates().get(CertificateStatus.VALID));
    assertEquals(before.certificates().get(CertificateStatus.REVOKED) + 1,
        after.certificates().get(CertificateStatus.REVOKED));
    assertEquals(before.certificates().get(CertificateStatus.EXPIRED), after.certificates().get(CertificateStatus.EXPIRED));
    assertEquals(before.statuses().get(TeamReport.Status.COMPLETED) + 2, after.statuses().get(TeamReport.Status.COMPLETED),
        "both completed their round (the revoked certificate does not undo the completion)");
    assertEquals(before.courses().get(0).funnel().get(0).started() + 1, after.courses().get(0).funnel().get(0).started());

    List<TeamReport.Row> page = as(() -> report.learnerPage(admin, 0, 5));
    assertEquals(Math.min(5, after.seatsUsed()), page.size());
    assertTrue(as(() -> report.learnerPage(admin, 0, 10_000)).size() <= TeamReport.MAX_PAGE, "a page is bounded");
    assertTrue(valid.code() != null);
    SignedInUser acmeAdmin = new SignedInUser("acme", admin.accountId(), admin.email(), "A", Role.ADMIN);
    assertThrows(EJBException.class, () -> as(() -> report.tenantDashboard(acmeAdmin)), "another tenant's admin");
    assertThrows(EJBException.class, () -> as(() -> report.tenantFigures(acmeAdmin)), "another tenant's admin");
  }

  /** The path taking reply {@code pick} (-1: the last one) at every node until the conversation ends. */
  private static List<Integer> path(RolePlay rolePlay, int pick) {
    List<Integer> path = new ArrayList<>();
    DialogueNode at = rolePlay.startNode();
    while (at != null) {
      int index = pick < 0 ? at.replies().size() - 1 : pick;
      path.add(index);
      Reply reply = at.reply(index);
      at = reply.endsConversation() ? null : rolePlay.node(reply.next()).orElseThrow();
    }
    return path;
  }

  private static void tally(Map<Behaviour, long[]> counts, RolePlay rolePlay, List<Integer> path) {
    DialogueNode at = rolePlay.startNode();
    for (int index : path) {
      Reply reply = at.reply(index);
      long[] cell = counts.computeIfAbsent(reply.behaviour(), b -> new long[2]);
      cell[0] += reply.trustDelta() > 0 ? 1 : 0;
      cell[1]++;
      at = reply.endsConversation() ? null : rolePlay.node(reply.next()).orElseThrow();
    }
  }

  private static StepAnswer answerFor(Step step) {
    return step instanceof com.trustportal.catalog.entity.Reflection ? StepAnswer.reflection("noted") : StepAnswer.read();
  }

  private void record(String email, Step step, StepAnswer answer) {
    String id = id(email);
    as(() -> progress.record(id, course, step.id(), answer));
  }

  private String id(String email) {
    return as(() -> accounts.byEmail(email)).orElseThrow().id();
  }

  private String email(String name) {
    return name + "-" + run + "@enrol.example";
  }

  private static byte[] bytes(String csv) {
    return csv.getBytes(StandardCharsets.UTF_8);
  }

  private <T> T as(Supplier<T> work) {
    return TenantContext.callAsUnchecked(tenant, work);
  }
}
