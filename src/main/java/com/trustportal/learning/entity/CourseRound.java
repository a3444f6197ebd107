package com.trustportal.learning.entity;

import com.trustportal.tenant.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A learner's second, third... pass through a course, opened when a certificate is about to expire
 * (recertification). The first round is implicit. Lessons stay done; the round is completed by
 * passing the final assessment again after {@link #openedAt()}, before {@link #dueAt()}.
 */
@Entity
@Table(name = "course_round")
@NamedQuery(name = CourseRound.FIND_BY_COURSE, query =
    "select r from CourseRound r where r.accountId = :account and r.courseId = :course order by r.number desc")
@NamedQuery(name = CourseRound.FIND_ALL_OF_COURSE, query =
    "select r from CourseRound r where r.courseId = :course order by r.number desc")
@NamedQuery(name = CourseRound.FIND_BY_LEARNER, query =
    "select r from CourseRound r where r.accountId = :account order by r.number desc")
@NamedQuery(name = CourseRound.FIND_DUE_BEFORE, query =
    "select r from CourseRound r where r.dueAt is not null and r.dueAt <= :before and not exists (select n from"
        + " CourseRound n where n.accountId = r.accountId and n.courseId = r.courseId and n.number > r.number)"
        + " order by r.accountId, r.courseId")
public class CourseRound extends TenantOwned {

  public static final String FIND_BY_COURSE = "CourseRound.findByCourse";
  public static final String FIND_BY_LEARNER = "CourseRound.findByLearner";
  /** Every round of one course in the tenant, latest first: for setting many due dates with one query. */
  public static final String FIND_ALL_OF_COURSE = "CourseRound.findAllOfCourse";
  /** Current rounds (no later round of the same course) due by {@code :before}. */
  public static final String FIND_DUE_BEFORE = "CourseRound.findDueBefore";
  public static final int FIRST = 1;

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "account_id", nullable = false, length = 36)
  private String accountId;

  @Column(name = "course_id", nullable = false, length = 100)
  private String courseId;

  @Column(name = "round_no", nullable = false)
  private int number;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "due_at")
  private Instant dueAt;

  protected CourseRound() {}

  private CourseRound(String accountId, String courseId, int number, Instant openedAt, Instant dueAt) {
    this.id = UUID.randomUUID().toString();
    this.accountId = Objects.requireNonNull(accountId);
    this.courseId = Objects.requireNonNull(courseId);
    this.number = number;
    this.openedAt = Objects.requireNonNull(openedAt);
    this.dueAt = dueAt;
  }

  /**
   * The first round made explicit to carry a due date set by an admin; open since the beginning, so every
   * passed attempt counts for it as it would without this row.
   */
  public static CourseRound first(String accountId, String courseId, Instant due) {
    return new CourseRound(accountId, courseId, FIRST, Instant.EPOCH, Objects.requireNonNull(due));
  }

  /** Sets or moves the date this round is due by. */
  public void dueBy(Instant due) {
    this.dueAt = Objects.requireNonNull(due);
  }

  /** The round after {@code latest} (or after the implicit first round when there is none yet). */
  public static CourseRound after(Optional<CourseRound> latest, String accountId, String courseId, Instant at, Instant due) {
    return new CourseRound(accountId, courseId, latest.map(r -> r.number + 1).orElse(FIRST + 1), at, due);
  }

  public String accountId() {
    return accountId;
  }

  public String courseId() {
    return courseId;
  }

  public int number() {
    return number;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Instant dueAt() {
    return dueAt;
  }
}
