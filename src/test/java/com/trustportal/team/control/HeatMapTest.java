package com.trustportal.team.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.trustportal.catalog.entity.Behaviour;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.RolePlay;
import com.trustportal.learning.MinimalCourse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Heat map cells from stored role-play paths. The minimal course's role-play: at the start, reply 0 is openness
 * (+15) and 1 is control (-20); then honesty (+10) or control (-15); at the close, empathy (+10) or control (-25).
 */
class HeatMapTest {

  private final RolePlay rolePlay = (RolePlay) MinimalCourse.load().step("m1-roleplay").orElseThrow();

  @Test
  void countsGoodRepliesOutOfAllRepliesPerBehaviourWeightedByHowManyChoseThePath() {
    HeatMap map = new HeatMap();
    map.add("M1", rolePlay, "0,0,0", 3); // openness, honesty, empathy: all good
    map.add("M1", rolePlay, "1,1", 2);   // control, control: both bad
    map.add("M1", rolePlay, "0,1", 1);   // openness good, control bad

    assertEquals(new HeatMap.Cell(4, 4), map.cell("M1", Behaviour.OPENNESS));
    assertEquals(new HeatMap.Cell(3, 3), map.cell("M1", Behaviour.EMPATHY));
    assertEquals(new HeatMap.Cell(0, 5), map.cell("M1", Behaviour.CONTROL));
    assertEquals(HeatMap.Cell.EMPTY, map.cell("M1", Behaviour.AUTHENTICITY));
    assertEquals("100 % (4 of 4)", map.cell("M1", Behaviour.OPENNESS).text());
    assertEquals("poor", map.cell("M1", Behaviour.CONTROL).level());
    assertEquals("none", map.cell("M1", Behaviour.AUTHENTICITY).level());
    assertEquals("no choices", map.cell("M1", Behaviour.AUTHENTICITY).text());
  }

  @Test
  void aPathThatNoLongerFitsTheRolePlayIsSkippedNotMiscounted() {
    HeatMap map = new HeatMap();
    map.add("M1", rolePlay, "0,7", 1);      // no reply 7 at the second node
    map.add("M1", rolePlay, "1,1,0,0", 1);  // goes on after the ending
    map.add("M1", rolePlay, "not a path", 1);
    assertEquals(HeatMap.Cell.EMPTY, map.cell("M1", Behaviour.OPENNESS));
    assertEquals(HeatMap.Cell.EMPTY, map.cell("M1", Behaviour.CONTROL));
  }

  @Test
  void declaredSubjectsKeepTheirOrderAndShowEvenWithoutChoices() {
    HeatMap map = new HeatMap().subject("Zoe").subject("Adam");
    map.add("Adam", rolePlay, "0", 1);
    assertEquals(List.of("Zoe", "Adam"), map.subjects());
    assertEquals(HeatMap.Cell.EMPTY, map.cell("Zoe", Behaviour.OPENNESS));
    assertEquals(new HeatMap.Cell(1, 1), map.cell("Adam", Behaviour.OPENNESS), "a conversation still running counts");
  }

  @Test
  void bandsAreGoodFromSeventyFiveAndMixedFromFifty() {
    assertEquals("good", new HeatMap.Cell(3, 4).level());
    assertEquals("mixed", new HeatMap.Cell(2, 4).level());
    assertEquals("poor", new HeatMap.Cell(1, 4).level());
    assertEquals(66, new HeatMap.Cell(2, 3).percent(), "rounded down");
  }
}
