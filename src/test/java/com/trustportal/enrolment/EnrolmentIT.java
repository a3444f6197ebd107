package com.trustportal.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.audit.boundary.AuditTrail;
import com.trustportal.audit.entity.AuditEntry;
import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import com.trustportal.enrolment.boundary.Enrolment;
import com.trustportal.enrolment.boundary.ImportRefused;
import com.trustportal.enrolment.boundary.InvitationRefused;
import com.trustportal.enrolment.boundary.Invitations;
import com.trustportal.enrolment.boundary.LearnerChangeRefused;
import com.trustportal.enrolment.boundary.Learners;
import com.trustportal.enrolment.control.CsvProblem;
import com.trustportal.identity.boundary.Accounts;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.learning.boundary.Completions;
import com.trustportal.learning.boundary.Progress;
import com.trustportal.learning.entity.StepAnswer;
import com.trustportal.team.boundary.TeamReport;
import com.trustportal.tenant.control.TenantContext;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CSV import against the real database, in the IT tenant {@code enrol} (40 seats, an admin and a
 * manager): all rows or none, the seat limit, invitations used once and expiring, who may import, and
 * the audit trail.
 */
@ExtendWith(ArquillianExtension.class)
class EnrolmentIT {

  private static final String HEADER = "email,first name,last name,team,manager email,due date\n";

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(EnrolmentIT.class, EnrolmentFixture.class);
  }

  @Inject Enrolment enrolment;
  @Inject Invitations invitations;
  @Inject Accounts accounts;
  @Inject AuditTrail audit;
  @Inject Completions completions;
  @Inject EnrolmentFixture fixture;
  @Inject Learners learners;
  @Inject TeamReport teamReport;
  @Inject Catalog catalog;
  @Inject Progress progress;

  private final String tenant = "enrol";
  private SignedInUser admin;
  private String run;

  @BeforeEach
  void asTheAdmin() {
    Account account = as(() -> accounts.byEmail("admin@enrol.example")).orElseThrow();
    admin = new SignedInUser(tenant, account.id(), account.email(), account.name(), Role.ADMIN);
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aFileWithOneBadRowWritesNothingAndTheFixedFileWritesEveryRow() {
    String good1 = "ana-" + run + "@enrol.example";
    String good2 = "ben-" + run + "@enrol.example";
    String bad = "cy-" + run + "@enrol.example";
    String file = HEADER
        + good1 + ",Ana,Silva,North,manager@enrol.example,2027-03-31\n"
        + good2 + ",Ben,Okoro,North," + good1 + ",\n"
        + bad + ",Cy,Young,South,nobody-" + run + "@enrol.example,\n";

    Enrolment.Preview preview = as(() -> enrolment.preview(admin, bytes(file)));
    assertEquals(1, preview.problems().size(), preview.problems().toString());
    CsvProblem problem = preview.problems().get(0);
    assertEquals(4, problem.row());
    assertEquals(5, problem.column());
    assertTrue(problem.message().contains("unknown manager"), problem.message());
    assertEquals(3, preview.count(Enrolment.Outcome.CREATE));

    assertThrows(ImportRefused.class, () -> as(() -> enrolment.confirm(admin, bytes(file))));
    assertTrue(as(() -> accounts.byEmail(good1)).isEmpty(), "nothing is written when one row is bad");
    assertTrue(as(() -> accounts.byEmail(good2)).isEmpty());

    String fixed = file.replace("nobody-" + run + "@enrol.example", "manager@enrol.example");
    Enrolment.Imported imported = as(() -> enrolment.confirm(admin, bytes(fixed)));
    assertEquals(3, imported.created());
    assertEquals(3, imported.invitations().size());

    Account ana = as(() -> accounts.byEmail(good1)).orElseThrow();
    Account ben = as(() -> accounts.byEmail(good2)).orElseThrow();
    assertEquals("Ana Silva", ana.name());
    assertEquals("North", ana.team());
    assertEquals(Role.LEARNER, ana.role());
    assertEquals(ana.id(), as(() -> accounts.byEmail(good2)).orElseThrow().manager().id(),
        "a manager created by an earlier row of the same file");
    Account manager = as(() -> accounts.byEmail("manager@enrol.example")).orElseThrow();
    List<String> team = as(() -> accounts.team(manager.id())).stream().map(Account::email).toList();
    assertTrue(team.contains(good1) && team.contains(bad), team.toString());
    assertTrue(!team.contains(good2), "Ben reports to Ana, not to the manager");
    assertEquals(Instant.parse("2027-03-31T23:59:59Z"),
        as(() -> completions.round(ana.id(), "collaborative-selling")).orElseThrow().dueAt());
    assertTrue(as(() -> completions.round(ben.id(), "collaborative-selling")).isEmpty(), "no due date given");

    Enrolment.Preview again = as(() -> enrolment.preview(admin, bytes(fixed)));
    assertEquals(3, again.count(Enrolment.Outcome.UPDATE) + again.count(Enrolment.Outcome.UNCHANGED));
    assertEquals(0, again.count(Enrolment.Outcome.CREATE), "a second import of the same file creates no one");

    List<AuditEntry> trail = as(() -> audit.page(admin, 0, 50));
    assertTrue(trail.stream().anyMatch(e -> e.action() == AuditEntry.Action.LEARNERS_IMPORTED
        && e.actorEmail().equals("admin@enrol.example") && e.detail().startsWith("3 created")), trail.toString());
    assertTrue(trail.stream().anyMatch(e -> e.action() == AuditEntry.Action.INVITATION_CREATED
        && e.subject().equals(good1)));
  }

  @Test
  void theRowThatWouldExceedTheSeatsIsNamedAndNothingIsImported() {
    Enrolment.Preview empty = as(() -> enrolment.preview(admin, bytes(HEADER + "x-" + run + "@enrol.example,X,Y,,,\n")));
    int free = (int) (empty.seats() - empty.seatsUsedBefore());
    StringBuilder file = new StringBuilder(HEADER);
    for (int i = 0; i <= free; i++) {
      file.append("seat-").append(i).append('-').append(run).append("@enrol.example,Rep,Number ").append(i)
          .append(",Seats,,\n");
    }
    Enrolment.Preview preview = as(() -> enrolment.preview(admin, bytes(file.toString())));

    assertEquals(1, preview.problems().size(), preview.problems().toString());
    CsvProblem over = preview.problems().get(0);
    assertEquals(free + 2, over.row(), "the first row beyond the free seats (header is row 1)");
    assertEquals(1, over.column());
    assertTrue(over.message().contains("seat limit") && over.message().contains("40 seats"), over.message());
    assertThrows(ImportRefused.class, () -> as(() -> enrolment.confirm(admin, bytes(file.toString()))));
    assertTrue(as(() -> accounts.byEmail("seat-0-" + run + "@enrol.example")).isEmpty());
  }

  @Test
  void anInvitationSetsThePasswordOnceAndNotAfterItExpired() {
    String email = "dee-" + run + "@enrol.example";
    Enrolment.Imported imported = as(() -> enrolment.confirm(admin, bytes(HEADER + email + ",Dee,Ng,,,\n")));
    String token = imported.invitations().get(0).token();
    assertTrue(as(() -> accounts.signIn(email, "a-long-new-password", "127.0.0.1").user()).isEmpty(), "no password before the invitation");
    assertEquals(email, as(() -> invitations.openFor(token)).orElseThrow());

    InvitationRefused tooShort = assertThrows(InvitationRefused.class,
        () -> as(() -> invitations.accept(token, "short", "short")));
    assertTrue(tooShort.getMessage().contains("12 characters"));
    assertEquals(email, as(() -> invitations.accept(token, "a-long-new-password", "a-long-new-password")));
    assertTrue(as(() -> accounts.signIn(email, "a-long-new-password", "127.0.0.1").user()).isPresent());

    InvitationRefused twice = assertThrows(InvitationRefused.class,
        () -> as(() -> invitations.accept(token, "another-long-password", "another-long-password")));
    assertTrue(twice.getMessage().contains("already used"), twice.getMessage());
    assertTrue(as(() -> invitations.openFor(token)).isEmpty());
    assertTrue(as(() -> accounts.signIn(email, "another-long-password", "127.0.0.1").user()).isEmpty(), "the password stays the first one");

    String other = "eve-" + run + "@enrol.example";
    as(() -> enrolment.confirm(admin, bytes(HEADER + other + ",Eve,Ek,,,\n")));
    String accountId = as(() -> accounts.byEmail(other)).orElseThrow().id();
    String expired = as(() -> fixture.invitationIssuedAt(accountId,
        Instant.now().minus(EnrolmentFixture.week()).minus(1, ChronoUnit.MINUTES)));
    InvitationRefused late = assertThrows(InvitationRefused.class,
        () -> as(() -> invitations.accept(expired, "a-long-new-password", "a-long-new-password")));
    assertTrue(late.getMessage().contains("expired"), late.getMessage());
    assertInstanceOf(InvitationRefused.class, assertThrows(InvitationRefused.class,
        () -> as(() -> invitations.accept("not-a-token", "a-long-new-password", "a-long-new-password"))));
  }

  @Test
  void onlyTheTenantsAdminsImportAndSeeTheTrail() {
    String file = HEADER + "fay-" + run + "@enrol.example,Fay,Lo,,,\n";
    Account manager = as(() -> accounts.byEmail("manager@enrol.example")).orElseThrow();
    SignedInUser asManager = new SignedInUser(tenant, manager.id(), manager.email(), manager.name(), Role.MANAGER);
    SignedInUser learner = new SignedInUser(tenant, "learner-x", "l@enrol.example", "L", Role.LEARNER);
    SignedInUser otherTenantsAdmin = new SignedInUser("acme", "acme-admin", "admin@acme.example", "Alex", Role.ADMIN);

    for (SignedInUser refused : List.of(asManager, learner, otherTenantsAdmin)) {
      EJBException e = assertThrows(EJBException.class, () -> as(() -> enrolment.confirm(refused, bytes(file))),
          refused.toString());
      assertInstanceOf(SecurityException.class, e.getCause(), refused.toString());
      assertThrows(EJBException.class, () -> as(() -> enrolment.preview(refused, bytes(file))));
      assertThrows(EJBException.class, () -> as(() -> audit.page(refused, 0, 10)));
    }
    assertTrue(as(() -> accounts.byEmail("fay-" + run + "@enrol.example")).isEmpty());
    // acme's admin, in acme, sees acme's trail only
    List<AuditEntry> acmeTrail = TenantContext.callAsUnchecked("acme", () -> audit.page(otherTenantsAdmin, 0, 500));
    assertTrue(acmeTrail.stream().noneMatch(e -> e.actorEmail().endsWith("@enrol.example")), acmeTrail.toString());
  }

  @Test
  void deactivatingFreesTheSeatAndReactivatingNeedsOne() {
    String email = "ivy-" + run + "@enrol.example";
    as(() -> enrolment.confirm(admin, bytes(HEADER + email + ",Ivy,Quinn,East,,\n")));
    String id = as(() -> accounts.byEmail(email)).orElseThrow().id();
    long before = as(() -> learners.seatsUsed(admin));

    as(() -> {
      learners.deactivate(admin, id);
      return null;
    });
    assertEquals(before - 1, as(() -> learners.seatsUsed(admin)));
    assertTrue(as(() -> accounts.byEmail(email)).map(a -> !a.active()).orElseThrow());
    assertTrue(as(() -> accounts.signIn(email, "whatever-password-1", "127.0.0.1").user()).isEmpty());
    Enrolment.Preview again = as(() -> enrolment.preview(admin, bytes(HEADER + email + ",Ivy,Quinn,East,,\n")));
    assertEquals(1, again.count(Enrolment.Outcome.REACTIVATE), "importing a deactivated learner reactivates them");

    as(() -> {
      learners.reactivate(admin, id);
      return null;
    });
    assertEquals(before, as(() -> learners.seatsUsed(admin)));
    List<AuditEntry> trail = as(() -> audit.page(admin, 0, 100));
    assertTrue(trail.stream().anyMatch(e -> e.action() == AuditEntry.Action.LEARNER_DEACTIVATED && e.subject().equals(email)));
    assertTrue(trail.stream().anyMatch(e -> e.action() == AuditEntry.Action.LEARNER_REACTIVATED && e.subject().equals(email)));

    LearnerChangeRefused self = assertThrows(LearnerChangeRefused.class, () -> as(() -> {
      learners.deactivate(admin, admin.accountId());
      return null;
    }));
    assertTrue(self.getMessage().contains("your own account"));
    SignedInUser learner = new SignedInUser(tenant, id, email, "Ivy Quinn", Role.LEARNER);
    assertThrows(EJBException.class, () -> as(() -> {
      learners.deactivate(learner, id);
      return null;
    }));
  }

  @Test
  void theLearnerListIsPagedSortedAndSearchedInTheDatabase() {
    StringBuilder file = new StringBuilder(HEADER);
    for (int i = 0; i < 3; i++) {
      file.append("page-").append(i).append('-').append(run).append("@enrol.example,Pat ").append(run).append(",Number ")
          .append(i).append(",Squad ").append(run).append(",,\n");
    }
    as(() -> enrolment.confirm(admin, bytes(file.toString())));

    assertEquals(3, as(() -> learners.count(admin, run)));
    assertEquals(3, as(() -> learners.count(admin, ("squad " + run).toUpperCase())), "search ignores case, finds teams");
    List<Account> firstTwo = as(() -> learners.page(admin, 0, 2, "email", false, run));
    assertEquals(List.of("page-2-" + run + "@enrol.example", "page-1-" + run + "@enrol.example"),
        firstTwo.stream().map(Account::email).toList());
    assertEquals(1, as(() -> learners.page(admin, 2, 2, "email", false, run)).size());
    assertEquals(0, as(() -> learners.count(admin, "%")), "LIKE wildcards in the search are taken literally");
    assertTrue(as(() -> learners.page(admin, 0, 10, "name; drop table account", true, run)).size() == 3,
        "an unknown sort column falls back to the name");
  }

  @Test
  void aManagerSeesExactlyTheirDirectReportsWithStatus() {
    String late = "jo-" + run + "@enrol.example";
    String onTime = "kai-" + run + "@enrol.example";
    String elsewhere = "lu-" + run + "@enrol.example";
    as(() -> enrolment.confirm(admin, bytes(HEADER
        + late + ",Jo,Late,East,manager@enrol.example,2020-01-31\n"
        + onTime + ",Kai,Soon,East,manager@enrol.example,2099-01-31\n"
        + elsewhere + ",Lu,Other,West," + late + ",\n")));
    Account manager = as(() -> accounts.byEmail("manager@enrol.example")).orElseThrow();
    SignedInUser asManager = new SignedInUser(tenant, manager.id(), manager.email(), manager.name(), Role.MANAGER);

    List<TeamReport.Row> rows = as(() -> teamReport.myTeam(asManager));
    List<String> emails = rows.stream().map(TeamReport.Row::email).toList();
    assertTrue(emails.contains(late) && emails.contains(onTime), emails.toString());
    assertTrue(!emails.contains(elsewhere), "Lu reports to Jo, not to this manager");
    assertTrue(emails.stream().allMatch(e -> e.endsWith("@enrol.example")), emails.toString());
    TeamReport.Row jo = rows.stream().filter(r -> r.email().equals(late)).findFirst().orElseThrow();
    assertEquals(TeamReport.Status.OVERDUE, jo.status());
    assertEquals(0, jo.percent());
    assertEquals(TeamReport.Status.NOT_STARTED,
        rows.stream().filter(r -> r.email().equals(onTime)).findFirst().orElseThrow().status());
    assertEquals(null, jo.lastActivity());

    Course course = catalog.course(tenant, "collaborative-selling").orElseThrow();
    String kaiId = as(() -> accounts.byEmail(onTime)).orElseThrow().id();
    as(() -> progress.record(kaiId, course, course.steps().get(0).id(), StepAnswer.read()));
    TeamReport.Row kai = as(() -> teamReport.myTeam(asManager)).stream().filter(r -> r.email().equals(onTime))
        .findFirst().orElseThrow();
    assertEquals(TeamReport.Status.IN_PROGRESS, kai.status());
    assertTrue(kai.percent() > 0);
    assertTrue(kai.lastActivity() != null && kai.lastActivity().isAfter(Instant.now().minusSeconds(300)),
        String.valueOf(kai.lastActivity()));

    // Jo, a learner, manages Lu in the file, but the role decides: learners get no team report
    Account joAccount = as(() -> accounts.byEmail(late)).orElseThrow();
    SignedInUser joUser = new SignedInUser(tenant, joAccount.id(), late, joAccount.name(), Role.LEARNER);
    assertThrows(EJBException.class, () -> as(() -> teamReport.myTeam(joUser)));
    SignedInUser acmeManager = new SignedInUser("acme", manager.id(), "manager@acme.example", "M", Role.MANAGER);
    assertThrows(EJBException.class, () -> as(() -> teamReport.myTeam(acmeManager)), "another tenant's manager");
  }

  private static byte[] bytes(String csv) {
    return csv.getBytes(StandardCharsets.UTF_8);
  }

  private <T> T as(Supplier<T> work) {
    return TenantContext.callAsUnchecked(tenant, work);
  }
}
