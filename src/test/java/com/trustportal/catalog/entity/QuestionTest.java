package com.trustportal.catalog.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionTest {

    private static final Choice RIGHT = new Choice("Right", true, "Why right.");
    private static final Choice WRONG = new Choice("Wrong", false, "Why wrong.");

    @Test
    void knowsItsCorrectChoice() {
        Question question = new Question("q", "O1", "Which?", List.of(WRONG, RIGHT));
        assertEquals(1, question.correctChoice());
        assertTrue(question.isAnsweredCorrectlyBy(1));
        assertFalse(question.isAnsweredCorrectlyBy(0));
        assertThrows(IllegalArgumentException.class, () -> question.isAnsweredCorrectlyBy(2));
    }

    @Test
    void needsExactlyOneCorrectChoice() {
        assertThrows(IllegalArgumentException.class, () -> new Question("q", "O1", "Which?", List.of(WRONG, WRONG)));
        assertThrows(IllegalArgumentException.class, () -> new Question("q", "O1", "Which?", List.of(RIGHT, RIGHT)));
    }

    @Test
    void needsTwoToFiveChoices() {
        assertThrows(IllegalArgumentException.class, () -> new Question("q", "O1", "Which?", List.of(RIGHT)));
        assertThrows(IllegalArgumentException.class, () -> new Question("q", "O1", "Which?",
                List.of(RIGHT, WRONG, WRONG, WRONG, WRONG, WRONG)));
    }
}
