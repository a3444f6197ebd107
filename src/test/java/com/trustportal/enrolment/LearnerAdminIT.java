package com.trustportal.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.audit.boundary.AuditTrail;
import com.trustportal.audit.entity.AuditEntry;
import com.trustportal.enrolment.boundary.CourseEnrolments;
import com.trustportal.enrolment.boundary.Enrolment;
import com.trustportal.enrolment.boundary.InvitationRefused;
import com.trustportal.enrolment.boundary.Invitations;
import com.trustportal.enrolment.boundary.LearnerChangeRefused;
import com.trustportal.enrolment.boundary.Learners;
import com.trustportal.enrolment.boundary.NewLearner;
import com.trustportal.identity.boundary.Accounts;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.learning.boundary.Completions;
import com.trustportal.tenant.control.TenantContext;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin's single-learner form, new invitation links and course enrolment of a learner or a team,
 * against the real database in the IT tenant {@code enrol} (40 seats): seats, duplicates, audit,
 * single-use links, and who is touched by a team enrolment (nobody outside the team or the tenant).
 */
@ExtendWith(ArquillianExtension.class)
class LearnerAdminIT {

  private static final String COURSE = "collaborative-selling";

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(LearnerAdminIT.class, EnrolmentFixture.class);
  }

  @Inject Learners learners;
  @Inject CourseEnrolments enrolments;
  @Inject Enrolment enrolment;
  @Inject Invitations invitations;
  @Inject Accounts accounts;
  @Inject AuditTrail audit;
  @Inject Completions completions;
  @Inject EnrolmentFixture fixture;

  private final String tenant = "enrol";
  private SignedInUser admin;
  private String run;

  @BeforeEach
  void asTheAdmin() {
    Account account = as(() -> accounts.byEmail("admin@enrol.example")).orElseThrow();
    admin = new SignedInUser(tenant, account.id(), account.email(), account.name(), Role.ADMIN);
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  /** Frees the seats this test took: the ITs share one database and the tenant has 40 seats. */
  @AfterEach
  void freeTheSeats() {
    for (Account account : as(() -> learners.page(admin, 0, 500, "email", true, run))) {
      if (account.active() && account.role() != Role.ADMIN) {
        as(() -> {
          learners.deactivate(admin, account.id());
          return null;
        });
      }
    }
  }

  @Test
  void anAddedLearnerHasAnInvitationADueDateAndAnAuditEntryAndADuplicateIsRefused() {
    String email = "Add-" + run + "@Enrol.example";
    Learners.Added added = as(() -> learners.add(admin, new NewLearner(" " + email + " ", "Ada Lovelace", "North " + run,
        "manager@enrol.example", Role.LEARNER, LocalDate.parse("2027-03-31"))));

    Account ada = as(() -> accounts.byEmail(email.toLowerCase())).orElseThrow();
    assertEquals(added.account().id(), ada.id());
    assertEquals("Ada Lovelace", ada.name());
    assertEquals("North " + run, ada.team());
    assertEquals("manager@enrol.example", ada.manager().email());
    assertEquals(Role.LEARNER, ada.role());
    assertEquals(null, ada.passwordHash());
    assertEquals(Instant.parse("2027-03-31T23:59:59Z"), as(() -> completions.round(ada.id(), COURSE)).orElseThrow().dueAt());
    assertEquals(email.toLowerCase(), as(() -> invitations.openFor(added.invitationToken())).orElseThrow());

    List<AuditEntry> trail = as(() -> audit.page(admin, 0, 50));
    assertTrue(trail.stream().anyMatch(e -> e.action() == AuditEntry.Action.LEARNER_ADDED
        && e.subject().equals(email.toLowerCase()) && e.actorEmail().equals("admin@enrol.example")), trail.toString());
    assertTrue(trail.stream().anyMatch(e -> e.action() == AuditEntry.Action.INVITATION_CREATED
        && e.subject().equals(email.toLowerCase())));

    LearnerChangeRefused duplicate = assertThrows(LearnerChangeRefused.class, () -> as(() -> learners.add(admin,
        new NewLearner(email.toUpperCase(), "Another Ada", null, null, Role.LEARNER, null))));
    assertTrue(duplicate.getMessage().startsWith("email: ") && duplicate.getMessage().contains("already has an account"),
        duplicate.getMessage());
    assertEquals("Ada Lovelace", as(() -> accounts.byEmail(email.toLowerCase())).orElseThrow().name());

    assertRefused("email: not an e-mail address", new NewLearner("no-at-sign-" + run, "X", null, null, null, null));
    assertRefused("name: a name is required", new NewLearner("x1-" + run + "@enrol.example", " ", null, null, null, null));
    assertRefused("name: contains control characters",
        new NewLearner("x2-" + run + "@enrol.example", "Evil\u202Ename", null, null, null, null));
    assertRefused("team: too long", new NewLearner("x3-" + run + "@enrol.example", "X", "t".repeat(81), null, null, null));
    assertRefused("managerEmail: no active account",
        new NewLearner("x4-" + run + "@enrol.example", "X", null, "nobody-" + run + "@enrol.example", null, null));
    assertRefused("role: ", new NewLearner("x5-" + run + "@enrol.example", "X", null, null, Role.ADMIN, null));
    for (int i = 1; i <= 5; i++) {
      String refused = "x" + i + "-" + run + "@enrol.example";
      assertTrue(as(() -> accounts.byEmail(refused)).isEmpty(), "nothing written for a refused add: " + refused);
    }
  }

  @Test
  void whenEverySeatIsTakenAnAddIsRefusedAndWritesNothingAndTwoParallelAddsCannotTakeTheLastSeat() throws Exception {
    long used = as(() -> learners.seatsUsed(admin));
    int free = (int) (40 - used);
    // leave exactly one seat free
    if (free > 1) {
      StringBuilder file = new StringBuilder("email,first name,last name,team,manager email,due date\n");
      for (int i = 0; i < free - 1; i++) {
        file.append("fill-").append(i).append('-').append(run).append("@enrol.example,Fill,Er ").append(i).append(",,,\n");
      }
      as(() -> enrolment.confirm(admin, file.toString().getBytes(StandardCharsets.UTF_8)));
    }
    assertEquals(39, as(() -> learners.seatsUsed(admin)));

    CountDownLatch start = new CountDownLatch(1);
    List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String email = "race-" + i + "-" + run + "@enrol.example";
      Thread thread = new Thread(() -> {
        try {
          start.await();
          outcomes.add(as(() -> learners.add(admin, new NewLearner(email, "Racer", null, null, Role.LEARNER, null))));
        } catch (Exception e) {
          outcomes.add(e);
        }
      });
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join(60_000);
    }
    assertEquals(2, outcomes.size(), outcomes.toString());
    List<Learners.Added> succeeded = outcomes.stream().filter(Learners.Added.class::isInstance)
        .map(Learners.Added.class::cast).toList();
    assertEquals(1, succeeded.size(), "exactly one of two parallel adds takes the last seat: " + outcomes);
    assertEquals(40, as(() -> learners.seatsUsed(admin)), "the seat limit holds");

    String email = "full-" + run + "@enrol.example";
    LearnerChangeRefused full = assertThrows(LearnerChangeRefused.class, () -> as(() -> learners.add(admin,
        new NewLearner(email, "One Too Many", null, null, Role.LEARNER, null))));
    assertTrue(full.getMessage().startsWith("seats: all 40 seats"), full.getMessage());
    assertTrue(as(() -> accounts.byEmail(email)).isEmpty(), "nothing is written when the seats are full");
    assertEquals(40, as(() -> learners.seatsUsed(admin)));
  }

  @Test
  void anEditChangesNameTeamManagerAndRoleAndKeepsTheLastAdminAndOnesOwnRole() {
    String email = "edit-" + run + "@enrol.example";
    String boss = "boss-" + run + "@enrol.example";
    as(() -> learners.add(admin, new NewLearner(boss, "Bo Boss", "East", null, Role.MANAGER, null)));
    String id = as(() -> learners.add(admin, new NewLearner(email, "Ed Before", "West", null, Role.LEARNER, null)))
        .account().id();

    as(() -> learners.edit(admin, id, new NewLearner(null, "Ed After", "East", boss, Role.MANAGER,
        LocalDate.parse("2027-06-30"))));
    Account ed = as(() -> accounts.byEmail(email)).orElseThrow();
    assertEquals("Ed After", ed.name());
    assertEquals("East", ed.team());
    assertEquals(boss, ed.manager().email());
    assertEquals(Role.MANAGER, ed.role());
    assertEquals(Instant.parse("2027-06-30T23:59:59Z"), as(() -> completions.round(id, COURSE)).orElseThrow().dueAt());
    assertTrue(as(() -> audit.page(admin, 0, 50)).stream().anyMatch(e -> e.action() == AuditEntry.Action.LEARNER_EDITED
        && e.subject().equals(email) && e.detail().contains("Ed Before") && e.detail().contains("Ed After")));

    LearnerChangeRefused ownManager = assertThrows(LearnerChangeRefused.class, () -> as(() -> learners.edit(admin, id,
        new NewLearner(null, "Ed After", null, email, Role.MANAGER, null))));
    assertTrue(ownManager.getMessage().startsWith("managerEmail: "), ownManager.getMessage());
    assertThrows(LearnerChangeRefused.class, () -> as(() -> learners.edit(admin, id,
        new NewLearner("other-" + run + "@enrol.example", "Ed After", null, null, null, null))), "the e-mail stays");
    assertEquals("East", as(() -> accounts.byEmail(email)).orElseThrow().team(), "a refused edit writes nothing");

    LearnerChangeRefused own = assertThrows(LearnerChangeRefused.class, () -> as(() -> learners.edit(admin,
        admin.accountId(), new NewLearner(null, "Erin Admin", null, null, Role.LEARNER, null))));
    assertTrue(own.getMessage().startsWith("role: you cannot change your own role"), own.getMessage());
    SignedInUser anotherAdmin = new SignedInUser(tenant, UUID.randomUUID().toString(), "x@enrol.example", "X", Role.ADMIN);
    LearnerChangeRefused last = assertThrows(LearnerChangeRefused.class, () -> as(() -> learners.edit(anotherAdmin,
        admin.accountId(), new NewLearner(null, "Erin Admin", null, null, Role.MANAGER, null))));
    assertTrue(last.getMessage().contains("last admin"), last.getMessage());
    assertEquals(Role.ADMIN, as(() -> accounts.byEmail("admin@enrol.example")).orElseThrow().role());
    assertThrows(LearnerChangeRefused.class, () -> as(() -> learners.edit(admin, id,
        new NewLearner(null, "Ed After", null, null, Role.ADMIN, null))), "no admins made through the form");
  }

  @Test
  void aNewInvitationLinkReplacesTheOldOneWhichStopsWorking() {
    String email = "again-" + run + "@enrol.example";
    Learners.Added added = as(() -> learners.add(admin, new NewLearner(email, "Al Again", null, null, null, null)));
    String old = added.invitationToken();

    String fresh = as(() -> learners.reissueInvitation(admin, added.account().id()));
    assertTrue(!fresh.equals(old));
    assertTrue(as(() -> invitations.openFor(old)).isEmpty(), "the old link no longer opens");
    InvitationRefused refused = assertThrows(InvitationRefused.class,
        () -> as(() -> invitations.accept(old, "a-long-new-password", "a-long-new-password")));
    assertTrue(refused.getMessage().contains("expired"), refused.getMessage());
    assertEquals(email, as(() -> invitations.accept(fresh, "a-long-new-password", "a-long-new-password")));
    assertTrue(as(() -> accounts.signIn(email, "a-long-new-password", "127.0.0.1").user()).isPresent());
    assertEquals(2, as(() -> fixture.invitationsOf(added.account().id())));
    assertTrue(as(() -> audit.page(admin, 0, 50)).stream().anyMatch(e -> e.action() == AuditEntry.Action.INVITATION_REISSUED
        && e.subject().equals(email) && e.detail().contains("1 earlier link(s) revoked")));

    LearnerChangeRefused hasPassword = assertThrows(LearnerChangeRefused.class,
        () -> as(() -> learners.reissueInvitation(admin, added.account().id())));
    assertTrue(hasPassword.getMessage().contains("already set a password"), hasPassword.getMessage());
  }

  @Test
  void enrollingATeamSetsTheDueDateOfEveryActiveMemberAndOfNobodyElse() {
    String team = "Team " + run;
    String a = as(() -> learners.add(admin, new NewLearner("ta-" + run + "@enrol.example", "Ta", team, null, null, null)))
        .account().id();
    String b = as(() -> learners.add(admin, new NewLearner("tb-" + run + "@enrol.example", "Tb", team, null,
        Role.MANAGER, null))).account().id();
    String gone = as(() -> learners.add(admin, new NewLearner("tc-" + run + "@enrol.example", "Tc", team, null, null,
        null))).account().id();
    String other = as(() -> learners.add(admin, new NewLearner("td-" + run + "@enrol.example", "Td", "Other " + run, null,
        null, null))).account().id();
    as(() -> {
      learners.deactivate(admin, gone);
      return null;
    });
    // acme has a learner in a team of the same name: another tenant, untouched
    Account acmeAdmin = TenantContext.callAsUnchecked("acme", () -> accounts.byEmail("admin@acme.example")).orElseThrow();
    SignedInUser acme = new SignedInUser("acme", acmeAdmin.id(), acmeAdmin.email(), acmeAdmin.name(), Role.ADMIN);
    String acmeLearner = TenantContext.callAsUnchecked("acme", () -> learners.add(acme,
        new NewLearner("te-" + run + "@acme.example", "Te", team, null, null, null))).account().id();

    int enrolled = as(() -> enrolments.enrolTeam(admin, " " + team + " ", COURSE, LocalDate.parse("2027-03-31")));

    assertEquals(2, enrolled);
    Instant due = Instant.parse("2027-03-31T23:59:59Z");
    assertEquals(due, as(() -> completions.round(a, COURSE)).orElseThrow().dueAt());
    assertEquals(due, as(() -> completions.round(b, COURSE)).orElseThrow().dueAt(), "a manager in the team too");
    assertTrue(as(() -> completions.round(gone, COURSE)).isEmpty(), "a deactivated member is not enrolled");
    assertTrue(as(() -> completions.round(other, COURSE)).isEmpty(), "another team is untouched");
    assertTrue(TenantContext.callAsUnchecked("acme", () -> completions.round(acmeLearner, COURSE)).isEmpty(),
        "another tenant's team of the same name is untouched");
    assertTrue(as(() -> audit.page(admin, 0, 50)).stream().anyMatch(e -> e.action() == AuditEntry.Action.ENROLMENT
        && e.subject().equals("team " + team) && e.detail().contains("due 2027-03-31") && e.detail().contains("2 active")));

    assertEquals(1, as(() -> enrolments.enrolLearner(admin, a, COURSE, LocalDate.parse("2027-05-01"))));
    assertEquals(Instant.parse("2027-05-01T23:59:59Z"), as(() -> completions.round(a, COURSE)).orElseThrow().dueAt());
    assertEquals(due, as(() -> completions.round(b, COURSE)).orElseThrow().dueAt());
    assertEquals(1, as(() -> enrolments.enrolLearner(admin, a, COURSE, null)));
    assertEquals(Instant.parse("2027-05-01T23:59:59Z"), as(() -> completions.round(a, COURSE)).orElseThrow().dueAt(),
        "without a date the due date stays");
    assertTrue(as(() -> learners.teams(admin)).contains(team));

    assertEnrolRefused("course: this organisation offers no course", () -> enrolments.enrolTeam(admin, team, "no-such-"
        + run, null));
    assertEnrolRefused("team: no account of this organisation is in team", () -> enrolments.enrolTeam(admin,
        "Nobody " + run, COURSE, null));
    as(() -> {
      learners.deactivate(admin, other);
      return null;
    });
    assertEnrolRefused("team: team Other " + run + " has no active members", () -> enrolments.enrolTeam(admin,
        "Other " + run, COURSE, null));
    assertEnrolRefused("account: no such account", () -> enrolments.enrolLearner(admin, acmeLearner, COURSE, null));

    Account manager = as(() -> accounts.byEmail("manager@enrol.example")).orElseThrow();
    SignedInUser asManager = new SignedInUser(tenant, manager.id(), manager.email(), manager.name(), Role.MANAGER);
    SignedInUser asLearner = new SignedInUser(tenant, a, "ta-" + run + "@enrol.example", "Ta", Role.LEARNER);
    for (SignedInUser refused : List.of(asManager, asLearner, acme)) {
      EJBException e = assertThrows(EJBException.class,
          () -> as(() -> enrolments.enrolTeam(refused, team, COURSE, LocalDate.parse("2030-01-01"))), refused.toString());
      assertInstanceOf(SecurityException.class, e.getCause(), refused.toString());
      assertThrows(EJBException.class, () -> as(() -> enrolments.enrolLearner(refused, a, COURSE, null)));
      assertThrows(EJBException.class, () -> as(() -> learners.add(refused,
          new NewLearner("z-" + run + "@enrol.example", "Z", null, null, null, null))));
      assertThrows(EJBException.class, () -> as(() -> learners.reissueInvitation(refused, a)));
      assertThrows(EJBException.class, () -> as(() -> learners.edit(refused, a,
          new NewLearner(null, "Hacked", null, null, null, null))));
    }
    assertEquals(due, as(() -> completions.round(b, COURSE)).orElseThrow().dueAt(), "refused calls changed nothing");
    assertEquals("Ta", as(() -> accounts.byEmail("ta-" + run + "@enrol.example")).map(Account::name).orElseThrow());
  }

  private void assertRefused(String start, NewLearner learner) {
    LearnerChangeRefused e = assertThrows(LearnerChangeRefused.class, () -> as(() -> learners.add(admin, learner)));
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
  }

  private void assertEnrolRefused(String start, Supplier<Integer> call) {
    LearnerChangeRefused e = assertThrows(LearnerChangeRefused.class, () -> as(call));
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
  }

  private <T> T as(Supplier<T> work) {
    return TenantContext.callAsUnchecked(tenant, work);
  }

}
