package com.trustportal.catalog.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class AssessmentSpecTest {

    private final AssessmentSpec assessment = Content.assessment(20, 10, 80);

    @Test
    void drawGivesTheRequestedNumberOfDistinctQuestionsFromTheBank() {
        RandomGenerator random = new SplittableRandom(42);
        for (int round = 0; round < 100; round++) {
            List<Question> drawn = assessment.draw(random, 10);
            assertEquals(10, drawn.size());
            assertEquals(10, new HashSet<>(drawn).size(), "no question twice in one attempt");
            assertTrue(assessment.bank().containsAll(drawn));
        }
    }

    @Test
    void freshDrawsDiffer() {
        RandomGenerator random = new SplittableRandom(7);
        Set<Set<String>> distinctDraws = new HashSet<>();
        for (int round = 0; round < 50; round++) {
            distinctDraws.add(Set.copyOf(assessment.draw(random, 10).stream().map(Question::id).toList()));
        }
        // 20 choose 10 is 184,756 sets; 50 draws landing on few of them would mean the draw is not random.
        assertTrue(distinctDraws.size() >= 45, "only " + distinctDraws.size() + " different draws in 50");
    }

    @Test
    void everyQuestionOfTheBankGetsDrawnSometimes() {
        RandomGenerator random = new Random(3);
        Set<Question> seen = new HashSet<>();
        for (int round = 0; round < 30; round++) {
            seen.addAll(assessment.draw(random, 5));
        }
        assertEquals(Set.copyOf(assessment.bank()), seen);
    }

    @Test
    void startAttemptDrawsTheConfiguredNumberWithTheCurrentPassMark() {
        Attempt attempt = assessment.startAttempt(new SplittableRandom(1));
        assertEquals(10, attempt.questions().size());
        assertEquals(80, attempt.passPercent());
    }

    @Test
    void drawingMoreThanTheBankIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> assessment.draw(new SplittableRandom(1), 21));
        assertThrows(IllegalArgumentException.class, () -> Content.assessment(20, 21, 80));
        assertThrows(IllegalArgumentException.class, () -> Content.assessment(20, 10, 0));
    }
}
