package com.trustportal.team.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.catalog.entity.Course;
import com.trustportal.learning.MinimalCourse;
import com.trustportal.team.control.TeamReads.Recorded;
import com.trustportal.team.control.TeamReads.Round;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status rule of the reports, from the aggregated figures. */
class TeamReportTest {

  private final Course course = MinimalCourse.load();
  private final Instant now = Instant.parse("2026-06-01T12:00:00Z");

  @Test
  void completedWinsOverOverdueAndOverdueOverProgress() {
    Instant past = now.minusSeconds(60);
    assertEquals(TeamReport.Status.COMPLETED, TeamReport.status(true, 3, past, now));
    assertEquals(TeamReport.Status.OVERDUE, TeamReport.status(false, 3, past, now));
    assertEquals(TeamReport.Status.OVERDUE, TeamReport.status(false, 0, past, now));
    assertEquals(TeamReport.Status.IN_PROGRESS, TeamReport.status(false, 1, now.plusSeconds(60), now));
    assertEquals(TeamReport.Status.NOT_STARTED, TeamReport.status(false, 0, null, now));
  }

  @Test
  void aCompletionCountsOnlyForTheCurrentRound() {
    int v = course.version();
    assertTrue(TeamReport.completed(course, List.of(new Recorded(v, 1)), null), "first round, implicit");
    assertFalse(TeamReport.completed(course, List.of(new Recorded(v, 1)), new Round(2, now)),
        "recertification round 2 opened");
    assertTrue(TeamReport.completed(course, List.of(new Recorded(v, 1), new Recorded(v, 2)), new Round(2, now)));
    assertFalse(TeamReport.completed(course, null, null));
  }

  @Test
  void aCompletionCountsOnlyForTheCoursesCurrentVersion() {
    int v = course.version();
    assertFalse(TeamReport.completed(course, List.of(new Recorded(v - 1, 1)), null), "completed an older version");
    assertTrue(TeamReport.completed(course, List.of(new Recorded(v - 1, 1), new Recorded(v, 1)), null));
  }
}
