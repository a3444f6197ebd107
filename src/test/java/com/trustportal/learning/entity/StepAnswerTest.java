package com.trustportal.learning.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepAnswerTest {

  @Test
  void checkAnswersAreStoredInTheOrderGivenAndReadBack() {
    Map<String, Integer> choices = new LinkedHashMap<>();
    choices.put("m1-q2", 3);
    choices.put("m1-q1", 0);

    StepAnswer answer = StepAnswer.check(choices, false);

    assertEquals("m1-q2=3,m1-q1=0", answer.text());
    assertEquals(Boolean.FALSE, answer.correct());
    assertEquals(choices, StepAnswer.checkChoices(answer.text()));
    assertEquals(List.of("m1-q2", "m1-q1"), List.copyOf(StepAnswer.checkChoices(answer.text()).keySet()));
  }

  @Test
  void damagedCheckAnswersAreSkippedEntryByEntry() {
    assertEquals(Map.of("a", 1), StepAnswer.checkChoices("a=1,b=x,=2,c,d=-1"));
    assertEquals(Map.of(), StepAnswer.checkChoices(null));
  }

  @Test
  void aRolePlayPathIsStoredAsIndexesAndADamagedOneReadsAsEmpty() {
    assertEquals("0,2,1", StepAnswer.rolePlay(List.of(0, 2, 1)).text());
    assertEquals(List.of(0, 2, 1), StepAnswer.rolePlayPath("0,2,1"));
    assertEquals(List.of(), StepAnswer.rolePlayPath("0,two"));
    assertEquals(List.of(), StepAnswer.rolePlayPath(""));
  }

  @Test
  void aReflectionIsStrippedAndMustSaySomethingWithinTheColumnSize() {
    assertEquals("My answer", StepAnswer.reflection("  My answer \n").text());
    assertNull(StepAnswer.reflection("x").correct());
    assertThrows(IllegalArgumentException.class, () -> StepAnswer.reflection("   "));
    assertEquals(4000, StepAnswer.reflection("x".repeat(4000)).text().length());
    assertThrows(IllegalArgumentException.class, () -> StepAnswer.reflection("x".repeat(4001)));
  }
}
