package com.trustportal.team.boundary;

import com.trustportal.assessment.boundary.Assessments;
import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import com.trustportal.certificate.boundary.Certificates;
import com.trustportal.certificate.entity.Certificate;
import com.trustportal.identity.boundary.Accounts;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.learning.boundary.Completions;
import com.trustportal.learning.boundary.Progress;
import com.trustportal.learning.entity.CourseProgress;
import com.trustportal.learning.entity.CourseRound;
import com.trustportal.tenant.control.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The manager's team report: one row per direct report and offered course. Only the signed-in
 * manager's own direct reports are read, inside the manager's tenant.
 */
@Stateless
public class TeamReport {

  @Inject Accounts accounts;
  @Inject Catalog catalog;
  @Inject Progress progress;
  @Inject Completions completions;
  @Inject Assessments assessments;
  @Inject Certificates certificates;

  Clock clock = Clock.systemUTC();

  /** A learner's state in one course, as the manager sees it. */
  public enum Status {
    NOT_STARTED("Not started"), IN_PROGRESS("In progress"), COMPLETED("Completed"), OVERDUE("Overdue");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One direct report in one course. */
  public record Row(String accountId, String name, String email, String team, boolean active, String courseTitle,
      Status status, int percent, Instant lastActivity, Integer bestScore, Instant due, String certificate,
      Instant certificateExpires) {}

  /** The signed-in manager's direct reports, by name, one row per offered course. */
  public List<Row> myTeam(SignedInUser manager) {
    SignedInUser.require(manager, TenantContext.require(), Role.MANAGER, "only managers see a team");
    return teamOf(manager.accountId(), clock.instant());
  }

  /**
   * The same report for a manager named by id, as of {@code now}, without a signed-in caller: for system work such as
   * the weekly digest, never for a page (pages call {@link #myTeam}, which checks who asks).
   */
  public List<Row> teamOf(String managerId, Instant now) {
    List<Course> courses = catalog.offeredTo(TenantContext.require());
    List<Row> rows = new ArrayList<>();
    for (Account member : accounts.team(managerId)) {
      Map<String, Set<String>> done = progress.doneStepsByCourse(member.id());
      Set<String> passed = completions.passedAssessments(member.id());
      Map<String, CourseRound> rounds = completions.rounds(member.id());
      Optional<Instant> last = progress.lastActivity(member.id());
      List<Certificate> issued = certificates.ofLearner(member.id());
      for (Course course : courses) {
        CourseProgress state = new CourseProgress(course, done.getOrDefault(course.id(), Set.of()),
            passed.contains(course.id()));
        CourseRound round = rounds.get(course.id());
        Instant due = round == null ? null : round.dueAt();
        Optional<Certificate> latest = issued.stream().filter(c -> c.courseId().equals(course.id())).findFirst();
        rows.add(new Row(member.id(), member.name(), member.email(), member.team(), member.active(), course.title(),
            status(state, completions.find(member.id(), course).isPresent(), due, now), state.completion().percent(),
            last.orElse(null), assessments.bestPassingPercent(member.id(), course.id()).orElse(null), due,
            latest.map(c -> certificates.status(c).label()).orElse(null),
            latest.map(Certificate::expiresAt).orElse(null)));
      }
    }
    return rows;
  }

  static Status status(CourseProgress progress, boolean completedThisRound, Instant due, Instant now) {
    if (completedThisRound) {
      return Status.COMPLETED;
    }
    if (due != null && now.isAfter(due)) {
      return Status.OVERDUE;
    }
    return progress.completion().done() == 0 ? Status.NOT_STARTED : Status.IN_PROGRESS;
  }
}
