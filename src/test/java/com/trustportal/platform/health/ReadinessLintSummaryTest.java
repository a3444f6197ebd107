package com.trustportal.platform.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.trustportal.catalog.control.LintFinding;
import com.trustportal.catalog.control.LintRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What readiness shows under {@code courses.warnings.<id>}: the count and the first three findings. */
class ReadinessLintSummaryTest {

  private static final LintFinding FEW = new LintFinding(LintRule.FEW_OPTIONS, "assessment.yaml:5", "item a01");
  private static final LintFinding THIN = new LintFinding(LintRule.THIN_OBJECTIVE, "course.yaml:9", "objective O1");
  private static final LintFinding LONG = new LintFinding(LintRule.LONGEST_IS_BEST, "", "role-play rp");

  @Test
  void oneFindingIsShownWhole() {
    assertEquals("1 warning: assessment.yaml:5: [few-options] item a01", Readiness.summary(List.of(FEW)));
  }

  @Test
  void moreThanThreeFindingsAreCountedAndTheRestElided() {
    assertEquals("4 warnings: assessment.yaml:5: [few-options] item a01 | course.yaml:9: [thin-objective] objective O1"
        + " | [longest-is-best] role-play rp | ...", Readiness.summary(List.of(FEW, THIN, LONG, FEW)));
  }
}
