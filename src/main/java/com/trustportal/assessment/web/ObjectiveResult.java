package com.trustportal.assessment.web;

import com.trustportal.catalog.entity.Lesson;
import java.util.List;

/**
 * How one objective went in a submitted attempt: questions right of those asked, and, when some were missed, the
 * lessons to review. Shown instead of the bank's answer key, which stays hidden unless the policy reveals it.
 */
public record ObjectiveResult(String objectiveId, String text, int right, int asked, List<Lesson> lessons) {

  public ObjectiveResult {
    lessons = List.copyOf(lessons);
  }

  public boolean isMissed() {
    return right < asked;
  }
}
