package com.trustportal.team.boundary;

import com.trustportal.assessment.boundary.Assessments;
import com.trustportal.catalog.entity.Course;
import com.trustportal.certificate.boundary.Certificates;
import com.trustportal.certificate.entity.Certificate;
import com.trustportal.identity.entity.Account;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.learning.boundary.Completions;
import com.trustportal.learning.entity.CourseCompletion;
import com.trustportal.learning.entity.CourseProgress;
import com.trustportal.learning.entity.CourseRound;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One learner's standing in every course the tenant offers, for the tenant's admins (and the API that
 * acts as one): the same figures a manager sees for a direct report.
 */
@Stateless
public class LearnerReport {

  @Inject @TenantData EntityManager em;
  @Inject Completions completions;
  @Inject Assessments assessments;
  @Inject Certificates certificates;

  Clock clock = Clock.systemUTC();

  /** One course of one learner. */
  public record CourseStanding(String courseId, String courseTitle, int courseVersion, TeamReport.Status status,
      int stepsRequired, int stepsDone, int percent, boolean assessmentPassed, Integer bestScore, Instant due,
      Instant completedAt, String certificateCode, String certificateStatus, Instant certificateExpires) {}

  /** The learner's courses, or empty when the tenant has no such account. */
  public Optional<List<CourseStanding>> of(SignedInUser admin, String accountId) {
    SignedInUser.require(admin, TenantContext.require(), Role.ADMIN, "only the organisation's admins see a learner's progress");
    Account account = accountId == null ? null : em.find(Account.class, accountId);
    if (account == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Set<String> passed = completions.passedAssessments(account.id());
    Map<String, CourseRound> rounds = completions.rounds(account.id());
    List<Certificate> issued = certificates.ofLearner(account.id());
    List<CourseStanding> standing = new ArrayList<>();
    for (CourseProgress state : completions.standing(account.id())) {
      Course course = state.course();
      CourseRound round = rounds.get(course.id());
      Instant due = round == null ? null : round.dueAt();
      // completed is the recorded completion, the same rule My learning and the team page read
      var completion = state.completed() ? completions.find(account.id(), course) : Optional.<CourseCompletion>empty();
      Optional<Certificate> latest = issued.stream().filter(c -> c.courseId().equals(course.id())).findFirst();
      standing.add(new CourseStanding(course.id(), course.title(), course.version(),
          TeamReport.status(completion.isPresent(), state.completion().done(), due, now), state.completion().required(),
          state.completion().done(), state.completion().percent(), passed.contains(course.id()),
          assessments.bestPassingPercent(account.id(), course.id()).orElse(null), due,
          completion.map(c -> c.completedAt()).orElse(null), latest.map(c -> c.code().formatted()).orElse(null),
          latest.map(c -> certificates.status(c).label()).orElse(null), latest.map(Certificate::expiresAt).orElse(null)));
    }
    return Optional.of(standing);
  }
}
