package com.trustportal.team.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.team.control.TeamReads.Round;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status rule of the reports, from the aggregated figures. */
class TeamReportTest {

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
    assertTrue(TeamReport.completedThisRound(List.of(1), null), "first round, implicit");
    assertFalse(TeamReport.completedThisRound(List.of(1), new Round(2, now)), "recertification round 2 opened");
    assertTrue(TeamReport.completedThisRound(List.of(1, 2), new Round(2, now)));
    assertFalse(TeamReport.completedThisRound(null, null));
  }
}
