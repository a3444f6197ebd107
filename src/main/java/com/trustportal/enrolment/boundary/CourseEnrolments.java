package com.trustportal.enrolment.boundary;

import com.trustportal.audit.boundary.AuditTrail;
import com.trustportal.audit.entity.AuditEntry;
import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import com.trustportal.enrolment.boundary.LearnerChangeRefused.Reason;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.learning.boundary.Completions;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;

/**
 * Enrols one learner, or every active member of a team, in a course the organisation offers, with an
 * optional due date. There is no enrolment table: every active account of a tenant takes every course
 * the tenant offers ({@link Catalog#offeredTo}), so enrolling means confirming that and, with a date,
 * setting the due date of the learner's current round of the course ({@link Completions#setDue}) — the
 * date "My learning" and the team report show. Without a date nothing changes for the learner (an earlier
 * due date stays); the enrolment is still audited.
 */
@Stateless
public class CourseEnrolments {

  @Inject @TenantData EntityManager em;
  @Inject Catalog catalog;
  @Inject Completions completions;
  @Inject AuditTrail audit;

  /** Enrols one active account; returns 1. */
  public int enrolLearner(SignedInUser admin, String accountId, String courseId, LocalDate dueOrNull) {
    requireAdmin(admin);
    Course course = offered(courseId);
    Account account = accountId == null ? null : em.find(Account.class, accountId);
    if (account == null) {
      throw new LearnerChangeRefused(Reason.UNKNOWN_REFERENCE, "account: no such account in this organisation");
    }
    if (!account.active()) {
      throw new LearnerChangeRefused(Reason.CONFLICT, "account: " + account.email() + " is deactivated; reactivate them first");
    }
    enrol(List.of(account), course, dueOrNull);
    audit.record(admin, AuditEntry.Action.ENROLMENT, account.email(), describe(course, dueOrNull));
    return 1;
  }

  /** Enrols every active member of {@code team} (the team column, as in the CSV); returns how many. */
  public int enrolTeam(SignedInUser admin, String team, String courseId, LocalDate dueOrNull) {
    requireAdmin(admin);
    if (team == null || team.isBlank()) {
      throw new LearnerChangeRefused(Reason.INVALID_FIELD, "team: choose a team");
    }
    String name = team.strip();
    Course course = offered(courseId);
    List<Account> members = em.createNamedQuery(Account.FIND_ACTIVE_IN_TEAM, Account.class).setParameter("team", name)
        .getResultList();
    if (members.isEmpty()) {
      long all = em.createNamedQuery(Account.COUNT_IN_TEAM, Long.class).setParameter("team", name).getSingleResult();
      throw new LearnerChangeRefused(Reason.UNKNOWN_REFERENCE, "team: " + (all == 0 ? "no account of this organisation is in team " + name
          : "team " + name + " has no active members"));
    }
    enrol(members, course, dueOrNull);
    audit.record(admin, AuditEntry.Action.ENROLMENT, "team " + name,
        describe(course, dueOrNull) + "; " + members.size() + " active member(s)");
    return members.size();
  }

  /** The courses the organisation offers, to choose from. */
  public List<Course> courses(SignedInUser admin) {
    requireAdmin(admin);
    return catalog.offeredTo(TenantContext.require());
  }

  private void enrol(List<Account> accounts, Course course, LocalDate due) {
    if (due != null) {
      completions.setDue(accounts.stream().map(Account::id).toList(), course.id(), Learners.endOf(due));
    }
  }

  private Course offered(String courseId) {
    if (courseId == null || courseId.isBlank()) {
      throw new LearnerChangeRefused(Reason.INVALID_FIELD, "course: choose a course");
    }
    return catalog.course(TenantContext.require(), courseId.strip()).orElseThrow(() -> new LearnerChangeRefused(Reason.UNKNOWN_REFERENCE,
        "course: this organisation offers no course " + courseId.strip()));
  }

  private static String describe(Course course, LocalDate due) {
    return "course " + course.id() + (due == null ? ", no due date" : ", due " + due);
  }

  private static void requireAdmin(SignedInUser user) {
    SignedInUser.require(user, TenantContext.require(), Role.ADMIN, "only the organisation's admins enrol learners");
  }
}
