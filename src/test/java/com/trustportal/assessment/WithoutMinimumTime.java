package com.trustportal.assessment;

import com.trustportal.catalog.entity.AssessmentPolicy;
import com.trustportal.catalog.entity.AssessmentSpec;
import com.trustportal.catalog.entity.Course;

/**
 * The shipped course with its assessment open from the start (no minimum active time), for tests about something
 * else than that gate: their learners save steps directly and spend no measured time. Add this class to the
 * Arquillian deployment of a test that uses it.
 */
public final class WithoutMinimumTime {

  private WithoutMinimumTime() {}

  public static Course of(Course course) {
    AssessmentSpec a = course.assessment();
    AssessmentPolicy p = a.policy();
    AssessmentSpec open = new AssessmentSpec(a.id(), a.title(), a.bank(), a.drawCount(), a.passPercent(),
        new AssessmentPolicy(p.perObjective(), p.coolingOffAfter(), p.coolingOff(), p.showCorrectAnswers(), 0));
    return new Course(course.id(), course.version(), course.title(), course.summary(), course.language(),
        course.minutes(), course.objectives(), course.modules(), open, course.furtherReadingHtml(), course.fingerprint());
  }
}
