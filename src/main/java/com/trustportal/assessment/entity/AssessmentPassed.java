package com.trustportal.assessment.entity;

import java.time.Instant;

/** Fired (CDI event) after the transaction that recorded a passing attempt commits. */
public record AssessmentPassed(String tenant, String accountId, String courseId, int courseVersion, int percent, Instant at) {}
