package com.trustportal.learning.entity;

import java.time.Instant;

/**
 * CDI event: a learner completed a course. Fired once per completion, inside the transaction that
 * recorded it; observers that act on it (issuing a certificate) should use
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}.
 */
public record CourseCompleted(
    String tenant, String completionId, String accountId, String courseId, int courseVersion, int assessmentPercent,
    long secondsSpent, Instant at) {}
