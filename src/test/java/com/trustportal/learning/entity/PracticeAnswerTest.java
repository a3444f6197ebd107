package com.trustportal.learning.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.learning.entity.PracticeAnswer.SelfCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PracticeAnswerTest {

  @Test
  void replyAndSelfCheckSurviveTheStoredText() {
    PracticeAnswer answer = new PracticeAnswer("  What changed on your side?\nAnd what stayed?  ",
        Map.of(SelfCheck.OPENNESS, true, SelfCheck.NO_CONTROL, false));

    StepAnswer stored = answer.toStepAnswer();

    assertEquals("self-check: y---n\nWhat changed on your side?\nAnd what stayed?", stored.text());
    assertNull(stored.correct());
    assertEquals(answer, PracticeAnswer.parse(stored.text()));
    assertFalse(answer.selfChecked());
  }

  @Test
  void aFullSelfCheckIsOneLetterPerBehaviour() {
    Map<SelfCheck, Boolean> all = new java.util.EnumMap<>(SelfCheck.class);
    for (SelfCheck check : SelfCheck.values()) {
      all.put(check, check != SelfCheck.HONESTY);
    }
    PracticeAnswer answer = new PracticeAnswer("Tell me more.", all);

    assertTrue(answer.selfChecked());
    assertTrue(answer.toStepAnswer().text().startsWith("self-check: ynyyy\n"), answer.toStepAnswer().text());
  }

  @Test
  void aBlankOrOverlongReplyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PracticeAnswer("  ", Map.of()));
    assertThrows(IllegalArgumentException.class, () -> new PracticeAnswer("x".repeat(2001), Map.of()));
  }

  @Test
  void storedTextThatIsNoPracticeAnswerReadsAsNone() {
    assertNull(PracticeAnswer.parse(null));
    assertNull(PracticeAnswer.parse("a reflection"));
    assertNull(PracticeAnswer.parse("self-check: yyyyy\n  "));
  }
}
