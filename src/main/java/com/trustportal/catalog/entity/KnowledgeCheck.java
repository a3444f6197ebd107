package com.trustportal.catalog.entity;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The practice questions at the end of a module. Unlike the final assessment there is no pass mark: a learner
 * completes the step by answering, and the explanations do the teaching.
 */
public record KnowledgeCheck(String id, String title, List<Question> questions) implements Step {

    public static final int MIN_QUESTIONS = 4;

    public KnowledgeCheck {
        Invariants.text(id, "id");
        Invariants.text(title, "title");
        questions = List.copyOf(Objects.requireNonNull(questions, "questions"));
        if (questions.size() < MIN_QUESTIONS) {
            throw new IllegalArgumentException("check " + id + " needs at least " + MIN_QUESTIONS + " questions");
        }
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public Score score(Map<String, Integer> answers) {
        return Score.of(questions, answers);
    }
}
