package com.trustportal.catalog.entity;

import java.util.List;
import java.util.Map;

/** How many questions were answered correctly out of how many asked (a page may keep it in its view). */
public record Score(int correct, int total) implements java.io.Serializable {

    public Score {
        if (total < 1 || correct < 0 || correct > total) {
            throw new IllegalArgumentException("score " + correct + "/" + total + " is impossible");
        }
    }

    /**
     * Scores answers (question id to zero-based choice index) against questions; a question left unanswered counts as
     * wrong, and an answer to a question that was not asked is rejected because it means the caller mixed up attempts.
     */
    public static Score of(List<Question> questions, Map<String, Integer> answers) {
        for (String answered : answers.keySet()) {
            if (questions.stream().noneMatch(q -> q.id().equals(answered))) {
                throw new IllegalArgumentException("answer to question " + answered + ", which was not asked");
            }
        }
        int correct = (int) questions.stream()
                .filter(q -> answers.containsKey(q.id()) && q.isAnsweredCorrectlyBy(answers.get(q.id())))
                .count();
        return new Score(correct, questions.size());
    }

    /** Whole percent, rounded down, for display: 7 of 9 shows 77, never a flattering 78. */
    public int percent() {
        return correct * 100 / total;
    }

    /** Compared in whole numbers so that exactly the pass mark passes and rounding can never lift a fail over it. */
    public boolean reaches(int passPercent) {
        return correct * 100 >= passPercent * total;
    }
}
