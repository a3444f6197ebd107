package com.trustportal.certificate;

import com.trustportal.catalog.entity.Course;
import com.trustportal.learning.entity.CourseCompleted;
import com.trustportal.learning.entity.CourseCompletion;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * Test-only: records a completion dated in the past, without announcing it, so a test can deliver
 * the completion event itself (twice, late, or for a completion two years old).
 */
@Stateless
public class CompletionFixture {

  @Inject @TenantData EntityManager em;

  public CourseCompleted completedAt(String accountId, Course course, int round, Instant at) {
    CourseCompletion completion = new CourseCompletion(accountId, course.id(), course.version(), round, 90, 3600, at);
    em.persist(completion);
    return new CourseCompleted(TenantContext.require(), completion.id(), accountId, course.id(), course.version(), 90,
        3600, at);
  }
}
