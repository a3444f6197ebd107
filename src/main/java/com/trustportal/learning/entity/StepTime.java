package com.trustportal.learning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import com.trustportal.tenant.entity.TenantOwned;

/**
 * A learner's active time on one step of a course, built from the player's heartbeats. The rule that makes the
 * figure honest lives here: a heartbeat is credited with the time since the learner's previous heartbeat anywhere in
 * the same course, at most {@link #MAX_CREDIT}, so a burst of forged or replayed heartbeats adds no more than the
 * wall clock, two tabs open side by side do not count double, and a hidden or idle tab (which sends nothing) adds
 * nothing. A row says nothing about whether the step is done: that is {@link StepProgress}.
 */
@Entity
@Table(name = "step_time")
@NamedQuery(name = StepTime.FIND_IN_COURSE, query = "select t from StepTime t"
    + " where t.accountId = :account and t.courseId = :course")
@NamedQuery(name = StepTime.SUM_MILLIS, query = "select sum(t.activeMillis) from StepTime t"
    + " where t.accountId = :account and t.courseId = :course")
public class StepTime extends TenantOwned {

  public static final String FIND_IN_COURSE = "StepTime.findInCourse";
  public static final String SUM_MILLIS = "StepTime.sumMillis";
  /** Twice the player's heartbeat interval: one late heartbeat still counts, a long gap counts only this much. */
  public static final Duration MAX_CREDIT = Duration.ofSeconds(30);

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "account_id", nullable = false, length = 36)
  private String accountId;

  @Column(name = "course_id", nullable = false, length = 100)
  private String courseId;

  @Column(name = "step_id", nullable = false, length = 100)
  private String stepId;

  @Column(name = "active_millis", nullable = false)
  private long activeMillis;

  @Column(name = "last_beat_at", nullable = false)
  private Instant lastBeatAt;

  @Version
  private long version;

  protected StepTime() {}

  /** The learner's first heartbeat on this step; it adds nothing itself, {@link #beat} credits it. */
  public StepTime(String accountId, String courseId, String stepId, Instant at) {
    this.id = UUID.randomUUID().toString();
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    this.courseId = Objects.requireNonNull(courseId, "courseId");
    this.stepId = Objects.requireNonNull(stepId, "stepId");
    this.lastBeatAt = Objects.requireNonNull(at, "at");
  }

  /**
   * A heartbeat on this step at {@code at}, where {@code previous} is the learner's latest earlier heartbeat in the
   * course (on any step; null if none): credits the time between them, capped. Returns the milliseconds credited.
   */
  public long beat(Instant previous, Instant at) {
    long credit = credit(previous, at);
    activeMillis += credit;
    if (at.isAfter(lastBeatAt)) {
      lastBeatAt = at;
    }
    return credit;
  }

  /** What a heartbeat at {@code at} is worth after one at {@code previous}: the gap, between zero and the cap. */
  public static long credit(Instant previous, Instant at) {
    if (previous == null) {
      return 0;
    }
    long gap = Duration.between(previous, Objects.requireNonNull(at, "at")).toMillis();
    return Math.max(0, Math.min(gap, MAX_CREDIT.toMillis()));
  }

  public String stepId() {
    return stepId;
  }

  public long activeMillis() {
    return activeMillis;
  }

  public Instant lastBeatAt() {
    return lastBeatAt;
  }
}
