package com.trustportal.learning.boundary;

import com.trustportal.catalog.entity.Course;
import com.trustportal.learning.entity.CourseProgress;
import com.trustportal.learning.entity.StepAnswer;
import com.trustportal.learning.entity.StepInCourse;
import com.trustportal.learning.entity.StepProgress;
import com.trustportal.platform.DatabaseOutage;
import com.trustportal.learning.entity.StepState;
import com.trustportal.learning.entity.StepTime;
import com.trustportal.tenant.control.TenantData;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Learners' progress in the current tenant. A save is idempotent (one row per learner and step, found by its unique
 * key and updated, so a double click or a retried request counts the step once) and committed before the call
 * returns, so a page only ever reports a save the database has made durable.
 *
 * <p>Concurrency: the row is read with a pessimistic write lock, so saves of the same step queue up instead of
 * overwriting each other, and the {@code @Version} check backs that up. When two first saves race, the unique key
 * rejects one insert; that save is repeated in a fresh transaction, where it finds the winner's row and updates it.
 * No caller sees the collision. A page that passes the version it last saw gets a {@link StaleProgressException}
 * instead of overwriting a different answer saved meanwhile in another tab.
 */
@Stateless
public class Progress {

  /** Pass as {@code seenVersion} to save without the other-tab check (the latest save wins). */
  public static final long ANY_VERSION = -1;
  /** Attempts of one save: the first, then repeats while a concurrent first save of the step is still committing. */
  private static final int ATTEMPTS = 4;
  private static final Logger LOG = Logger.getLogger("portal");

  @Inject @TenantData EntityManager em;
  @Resource SessionContext context;

  Clock clock = Clock.systemUTC();

  /** Saves a step as completed with this answer; the latest answer wins. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public StepState record(@NotBlank String accountId, @NotNull Course course, @NotBlank String stepId,
      @NotNull StepAnswer answer) {
    return record(accountId, course, stepId, answer, ANY_VERSION);
  }

  /**
   * Saves a step as completed with this answer, unless a different answer was saved after the page saw
   * {@code seenVersion} ({@link StepState#NONE} if it saw nothing saved): then nothing changes and
   * {@link StaleProgressException} carries the latest state. Saving the stored answer again always succeeds.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public StepState record(@NotBlank String accountId, @NotNull Course course, @NotBlank String stepId,
      @NotNull StepAnswer answer, long seenVersion) {
    if (course.step(stepId).isEmpty()) {
      throw new IllegalArgumentException("course " + course.id() + " has no step " + stepId);
    }
    Progress self = context.getBusinessObject(Progress.class);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<StepState> saved = self.saveOnce(accountId, course.id(), course.version(), stepId, answer, seenVersion);
      if (saved.isPresent()) {
        return saved.get();
      }
    }
    throw new IllegalStateException("step " + stepId + " of course " + course.id() + " could not be saved");
  }

  /**
   * One attempt of {@link #record}, in its own transaction; empty when it collided with a concurrent save of the same
   * step (its insert lost against the unique key, or a lock or version check failed): the transaction is rolled back
   * and the caller tries again, reading the winner's row. Public only so the container can run it in a new
   * transaction; pages call {@link #record}.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<StepState> saveOnce(String accountId, String courseId, int courseVersion, String stepId,
      StepAnswer answer, long seenVersion) {
    try {
      Optional<StepProgress> found = em.createNamedQuery(StepProgress.FIND_STEP, StepProgress.class)
          .setParameter("account", accountId).setParameter("course", courseId).setParameter("step", stepId)
          .setLockMode(LockModeType.PESSIMISTIC_WRITE)
          .getResultStream().findFirst();
      StepProgress row;
      if (found.isPresent()) {
        row = found.get();
        if (seenVersion != ANY_VERSION && row.version() != seenVersion && !row.holds(answer)) {
          throw new StaleProgressException(row.state());
        }
        row.complete(courseVersion, answer, clock.instant());
      } else {
        row = new StepProgress(accountId, courseId, courseVersion, stepId, answer, clock.instant());
        em.persist(row);
      }
      em.flush();
      return Optional.of(row.state());
    } catch (PersistenceException e) {
      if (DatabaseOutage.is(e)) {
        throw e; // not a collision: the page says "not saved, try again" (platform.web)
      }
      context.setRollbackOnly();
      LOG.fine(() -> "saving step " + stepId + " collided with another save: " + e);
      return Optional.empty();
    }
  }

  /**
   * A heartbeat from the player: the learner is on this step, its tab visible, and did something in the last minute.
   * Credits active time by the rule of {@link StepTime} and returns the seconds credited (fractions carry over in the
   * stored milliseconds). A heartbeat that collides with a concurrent first heartbeat of the same step is dropped: it
   * would have been worth almost nothing.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public long heartbeat(@NotBlank String accountId, @NotNull Course course, @NotBlank String stepId) {
    return heartbeat(accountId, course, stepId, clock.instant());
  }

  /** {@link #heartbeat(String, Course, String)} at a given time: for tests that move time; pages use the clock. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public long heartbeat(@NotBlank String accountId, @NotNull Course course, @NotBlank String stepId,
      @NotNull Instant at) {
    if (course.step(stepId).isEmpty()) {
      throw new IllegalArgumentException("course " + course.id() + " has no step " + stepId);
    }
    try {
      // whole milliseconds: what the database stores exactly, so a stored beat compares equal to the one sent
      Instant beat = at.truncatedTo(ChronoUnit.MILLIS);
      return context.getBusinessObject(Progress.class).beatOnce(accountId, course.id(), stepId, beat) / 1000;
    } catch (jakarta.ejb.EJBException e) {
      if (DatabaseOutage.is(e)) {
        throw e;
      }
      LOG.fine(() -> "heartbeat on step " + stepId + " collided with another: " + e);
      return 0;
    }
  }

  /**
   * One heartbeat in its own transaction. Every time row of the learner in the course is locked first, so heartbeats
   * of one learner queue up and each sees the one before it (a parallel burst cannot credit the same gap twice).
   * Public only so the container can run it in a new transaction; pages call {@link #heartbeat}.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long beatOnce(String accountId, String courseId, String stepId, Instant at) {
    List<StepTime> rows = em.createNamedQuery(StepTime.FIND_IN_COURSE, StepTime.class)
        .setParameter("account", accountId).setParameter("course", courseId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    Instant previous = rows.stream().map(StepTime::lastBeatAt).max(Instant::compareTo).orElse(null);
    StepTime row = rows.stream().filter(r -> r.stepId().equals(stepId)).findFirst().orElse(null);
    if (row == null) {
      row = new StepTime(accountId, courseId, stepId, at);
      em.persist(row);
    }
    long credited = row.beat(previous, at);
    em.flush();
    return credited;
  }

  /** The learner's active seconds on the course's steps: the time honestly spent, what certificates show. */
  public long activeSeconds(@NotBlank String accountId, @NotBlank String courseId) {
    Long millis = em.createNamedQuery(StepTime.SUM_MILLIS, Long.class)
        .setParameter("account", accountId).setParameter("course", courseId).getSingleResult();
    return millis == null ? 0 : millis / 1000;
  }

  /** The saved state of one step, or {@link StepState#none} when nothing was saved yet. */
  public StepState state(@NotBlank String accountId, @NotBlank String courseId, @NotBlank String stepId) {
    return em.createNamedQuery(StepProgress.FIND_STEP, StepProgress.class)
        .setParameter("account", accountId).setParameter("course", courseId).setParameter("step", stepId)
        .getResultStream().findFirst().map(StepProgress::state).orElse(StepState.none(stepId));
  }

  /**
   * A step as the player opens it, in one query: its saved state ({@link StepState#none} when nothing was saved yet)
   * and the ids of the steps done in the course.
   */
  public StepInCourse open(@NotBlank String accountId, @NotBlank String courseId, @NotBlank String stepId) {
    StepState state = StepState.none(stepId);
    Set<String> done = new HashSet<>();
    for (Object[] row : em.createNamedQuery(StepProgress.FIND_IN_COURSE, Object[].class)
        .setParameter("account", accountId).setParameter("course", courseId).getResultList()) {
      String id = (String) row[0];
      boolean completed = row[3] != null;
      if (completed) {
        done.add(id);
      }
      if (id.equals(stepId)) {
        state = new StepState(id, (String) row[1], (Boolean) row[2], completed, ((Number) row[4]).longValue());
      }
    }
    return new StepInCourse(state, done);
  }

  /** Ids of the steps the learner has completed in a course (including steps the course no longer has). */
  public Set<String> doneSteps(@NotBlank String accountId, @NotBlank String courseId) {
    return new HashSet<>(em.createNamedQuery(StepProgress.FIND_DONE, String.class)
        .setParameter("account", accountId).setParameter("course", courseId).getResultList());
  }

  /** {@link #doneSteps} for every course at once (one query), keyed by course id. */
  public Map<String, Set<String>> doneStepsByCourse(@NotBlank String accountId) {
    Map<String, Set<String>> done = new LinkedHashMap<>();
    List<Object[]> rows = em.createNamedQuery(StepProgress.FIND_DONE_BY_COURSE, Object[].class)
        .setParameter("account", accountId).getResultList();
    rows.forEach(row -> done.computeIfAbsent((String) row[0], c -> new HashSet<>()).add((String) row[1]));
    return done;
  }

  /** When the learner last saved a step of any course, if ever. */
  public Optional<Instant> lastActivity(@NotBlank String accountId) {
    // not max(): an aggregate bypasses the Instant converter (PostgreSQL then hands back a Timestamp)
    return em.createQuery("select p.updatedAt from StepProgress p where p.accountId = :account order by p.updatedAt desc",
        Instant.class).setParameter("account", accountId).setMaxResults(1).getResultStream().findFirst();
  }

  /** The step to continue with: the first one not done, or the last step once all are done. */
  public Optional<String> resumeStep(@NotNull Course course, @NotBlank String accountId) {
    return Optional.of(new CourseProgress(course, doneSteps(accountId, course.id())).resumeStepId());
  }
}
