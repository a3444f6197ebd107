package com.trustportal.catalog.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttemptTest {

    private static final int RIGHT = 0;
    private static final int WRONG = 1;

    private final List<Question> questions = Content.questions("q", 10);

    private Attempt answeredCorrectly(int correct) {
        Attempt attempt = Attempt.of(questions, 80);
        for (int i = 0; i < questions.size(); i++) {
            attempt = attempt.answer(questions.get(i).id(), i < correct ? RIGHT : WRONG);
        }
        return attempt;
    }

    @Test
    void exactlyThePassMarkPasses() {
        Attempt attempt = answeredCorrectly(8);
        assertEquals(new Score(8, 10), attempt.score());
        assertEquals(80, attempt.score().percent());
        assertTrue(attempt.passed());
    }

    @Test
    void oneBelowThePassMarkFails() {
        Attempt attempt = answeredCorrectly(7);
        assertEquals(70, attempt.score().percent());
        assertFalse(attempt.passed());
    }

    @Test
    void roundingNeverLiftsAFailOverThePassMark() {
        // 79 of 99 is 79.8 %: rounded it would look like 80, but it is below the mark.
        Score score = new Score(79, 99);
        assertFalse(score.reaches(80));
        assertEquals(79, score.percent());
        assertTrue(new Score(80, 100).reaches(80));
    }

    @Test
    void unansweredQuestionsCountAsWrong() {
        Attempt attempt = Attempt.of(questions, 80).answer("q1", RIGHT);
        assertFalse(attempt.isComplete());
        assertEquals(new Score(1, 10), attempt.score());
    }

    @Test
    void changingAnAnswerReplacesIt() {
        Attempt attempt = Attempt.of(questions, 80).answer("q1", WRONG).answer("q1", RIGHT);
        assertEquals(1, attempt.score().correct());
    }

    @Test
    void answerToAQuestionNotInTheAttemptIsRejected() {
        Attempt attempt = Attempt.of(questions, 80);
        assertThrows(IllegalArgumentException.class, () -> attempt.answer("a99", RIGHT));
        assertThrows(IllegalArgumentException.class, () -> attempt.answer("q1", 7));
    }

    @Test
    void knowledgeCheckScoresWithoutAPassMark() {
        KnowledgeCheck check = new KnowledgeCheck("c", "Check", Content.questions("c", 4));
        assertEquals(new Score(3, 4), check.score(Map.of("c1", RIGHT, "c2", RIGHT, "c3", RIGHT, "c4", WRONG)));
    }
}
