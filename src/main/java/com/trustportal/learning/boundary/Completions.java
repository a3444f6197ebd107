package com.trustportal.learning.boundary;

import com.trustportal.assessment.boundary.Assessments;
import com.trustportal.assessment.entity.AssessmentPassed;
import com.trustportal.catalog.boundary.Catalog;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import com.trustportal.catalog.entity.Course;
import com.trustportal.learning.entity.CourseCompleted;
import com.trustportal.learning.entity.CourseCompletion;
import com.trustportal.learning.entity.CourseProgress;
import com.trustportal.learning.entity.CourseRound;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides when a learner has completed a course (every required step done and the final assessment
 * passed) and records it exactly once per course version, then fires {@link CourseCompleted}. Called
 * after each saved step and each submitted assessment; a duplicate call, or two nodes racing, find
 * the recorded completion (a unique key backs this) and fire nothing.
 */
@Stateless
public class Completions {

  @Inject @TenantData EntityManager em;
  @Inject Progress progress;
  @Inject Assessments assessments;
  @Inject Catalog catalog;
  @Inject Event<CourseCompleted> completed;
  @Resource SessionContext context;

  Clock clock = Clock.systemUTC();

  /** A passed final assessment may be the last condition: check once its attempt is committed. */
  public void onAssessmentPassed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AssessmentPassed passed) {
    TenantContext.runAs(passed.tenant(), () -> catalog.course(passed.tenant(), passed.courseId())
        .ifPresent(course -> completeIfDone(passed.accountId(), course)));
  }

  /** The learner's completion of this course version, recording it now if it has just been earned. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Optional<CourseCompletion> completeIfDone(String accountId, Course course) {
    Completions self = context.getBusinessObject(Completions.class);
    try {
      return self.recordOnce(accountId, course);
    } catch (EJBException raced) {
      // another request recorded the same completion first (unique key): theirs is the one
      return self.find(accountId, course);
    }
  }

  /**
   * After a step is saved: records the completion if it has just been earned, given the learner's done steps as read
   * after the save. While a required step is missing nothing can be earned, so that is decided in memory and the
   * database is not asked (most saves); otherwise {@link #completeIfDone(String, Course)} decides.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void recordIfDone(String accountId, Course course, Set<String> done) {
    if (course.completion(done).isComplete()) {
      completeIfDone(accountId, course);
    }
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<CourseCompletion> recordOnce(String accountId, Course course) {
    Optional<CourseCompletion> existing = find(accountId, course);
    if (existing.isPresent() || !course.completion(progress.doneSteps(accountId, course.id())).isComplete()) {
      return existing;
    }
    Optional<CourseRound> round = round(accountId, course.id());
    Optional<Integer> passed =
        assessments.bestPassingPercent(accountId, course.id(), round.map(CourseRound::openedAt).orElse(Instant.EPOCH));
    if (passed.isEmpty()) {
      return Optional.empty();
    }
    long seconds = progress.activeSeconds(accountId, course.id());
    Instant now = clock.instant();
    CourseCompletion completion =
        new CourseCompletion(accountId, course.id(), course.version(), round.map(CourseRound::number).orElse(CourseRound.FIRST),
            passed.get(), seconds, now);
    em.persist(completion);
    em.flush();
    completed.fire(new CourseCompleted(TenantContext.require(), completion.id(), accountId, course.id(), course.version(),
        passed.get(), completion.secondsSpent(), now));
    return Optional.of(completion);
  }

  /**
   * The completion that makes the learner complete in this course as it is now, if there is one: the rule of
   * {@link CourseCompletion#counts}, asked here for one learner and by the team reads for many.
   */
  public Optional<CourseCompletion> find(String accountId, Course course) {
    int round = round(accountId, course.id()).map(CourseRound::number).orElse(CourseRound.FIRST);
    return em.createNamedQuery(CourseCompletion.FIND_BY_COURSE, CourseCompletion.class)
        .setParameter("account", accountId).setParameter("course", course.id()).getResultStream()
        .filter(c -> c.counts(course, round)).findFirst();
  }

  /**
   * The learner's standing in every course the tenant offers: steps done against the course as it is now, and
   * whether the learner has completed it ({@link CourseCompletion#counts}). Three queries for all courses.
   */
  public List<CourseProgress> standing(String accountId) {
    Map<String, Set<String>> done = progress.doneStepsByCourse(accountId);
    Map<String, CourseRound> rounds = rounds(accountId);
    List<CourseCompletion> recorded = of(accountId);
    return catalog.offeredTo(TenantContext.require()).stream().map(course -> {
      CourseRound round = rounds.get(course.id());
      int current = round == null ? CourseRound.FIRST : round.number();
      return new CourseProgress(course, done.getOrDefault(course.id(), Set.of()),
          recorded.stream().anyMatch(c -> c.counts(course, current)));
    }).toList();
  }

  /** The learner's latest recertification round of a course; empty while they are in the first. */
  public Optional<CourseRound> round(String accountId, String courseId) {
    return em.createNamedQuery(CourseRound.FIND_BY_COURSE, CourseRound.class)
        .setParameter("account", accountId).setParameter("course", courseId).setMaxResults(1)
        .getResultStream().findFirst();
  }

  /**
   * Every learner's current round that is due by {@code before} (reminders). A round superseded by a later one of
   * the same course is left out, so only what the learner still has to do counts.
   */
  public List<CourseRound> currentRoundsDueBefore(Instant before) {
    return em.createNamedQuery(CourseRound.FIND_DUE_BEFORE, CourseRound.class).setParameter("before", before)
        .getResultList();
  }

  /** The latest round of each course the learner is recertifying in. */
  public Map<String, CourseRound> rounds(String accountId) {
    Map<String, CourseRound> latest = new HashMap<>();
    em.createNamedQuery(CourseRound.FIND_BY_LEARNER, CourseRound.class).setParameter("account", accountId)
        .getResultList().forEach(r -> latest.putIfAbsent(r.courseId(), r));
    return latest;
  }

  /**
   * Re-enrols the learner for recertification: opens the next round of the course, due by {@code dueAt}, unless the
   * current round is not completed yet (then nothing changes). Returns the opened round.
   */
  public Optional<CourseRound> reopen(String accountId, Course course, Instant dueAt) {
    if (find(accountId, course).isEmpty()) {
      return Optional.empty();
    }
    CourseRound next = CourseRound.after(round(accountId, course.id()), accountId, course.id(), clock.instant(), dueAt);
    em.persist(next);
    return Optional.of(next);
  }

  /** Sets the date the learner's current round of a course is due by (an admin's enrolment with a due date). */
  public CourseRound setDue(String accountId, String courseId, Instant dueAt) {
    Optional<CourseRound> current = round(accountId, courseId);
    if (current.isPresent()) {
      current.get().dueBy(dueAt);
      return current.get();
    }
    CourseRound first = CourseRound.first(accountId, courseId, dueAt);
    em.persist(first);
    return first;
  }

  /**
   * {@link #setDue} for many learners of one course at once (an import, a team enrolment): the course's
   * rounds are read with one query instead of one per learner.
   */
  public void setDue(Collection<String> accountIds, String courseId, Instant dueAt) {
    if (accountIds.isEmpty()) {
      return;
    }
    Map<String, CourseRound> latest = new HashMap<>();
    em.createNamedQuery(CourseRound.FIND_ALL_OF_COURSE, CourseRound.class).setParameter("course", courseId)
        .getResultList().forEach(r -> latest.putIfAbsent(r.accountId(), r));
    for (String accountId : new LinkedHashSet<>(accountIds)) {
      CourseRound current = latest.get(accountId);
      if (current != null) {
        current.dueBy(dueAt);
      } else {
        em.persist(CourseRound.first(accountId, courseId, dueAt));
      }
    }
  }

  /** Every completion of the learner, newest first. */
  public List<CourseCompletion> of(String accountId) {
    return em.createNamedQuery(CourseCompletion.FIND_BY_LEARNER, CourseCompletion.class)
        .setParameter("account", accountId).getResultList();
  }

  /** Ids of courses whose final assessment the learner has passed in the current round. */
  public Set<String> passedAssessments(String accountId) {
    Map<String, CourseRound> rounds = rounds(accountId);
    Set<String> passed = new HashSet<>();
    assessments.lastPassed(accountId).forEach((course, at) -> {
      CourseRound round = rounds.get(course);
      if (round == null || !at.isBefore(round.openedAt())) {
        passed.add(course);
      }
    });
    return passed;
  }
}
