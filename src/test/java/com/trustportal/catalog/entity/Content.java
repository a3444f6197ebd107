package com.trustportal.catalog.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Small hand-built content for model tests; only the parts a test looks at carry meaningful values. */
final class Content {

    private Content() {}

    static Question question(String id, String objectiveId) {
        return new Question(id, objectiveId, "Prompt of " + id + "?", List.of(
                new Choice("right", true, "Because."),
                new Choice("wrong", false, "Because not."),
                new Choice("also wrong", false, "Because not either.")));
    }

    static List<Question> questions(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> question(prefix + i, "O1")).toList();
    }

    static Lesson lesson(String id) {
        return new Lesson(id, "Lesson " + id, 3, "<p>Text of " + id + "</p>");
    }

    static Module module(String id, String... lessonIds) {
        List<Step> steps = new ArrayList<>();
        for (String lessonId : lessonIds) {
            steps.add(lesson(lessonId));
        }
        return new Module(id, "Module " + id, "Summary.", steps);
    }

    static AssessmentSpec assessment(int bankSize, int draw, int passPercent) {
        return new AssessmentSpec("final", "Final", questions("a", bankSize), draw, passPercent);
    }

    static Course course(Module... modules) {
        return new Course("c", 1, "Course", "Summary.", "en", 30, List.of(new Objective("O1", "Objective.")),
                List.of(modules), assessment(20, 10, 80), List.of(), "f00d");
    }

    static Reply reply(int trustDelta, String next) {
        return new Reply("Say something", Behaviour.HONESTY, trustDelta, "Feedback.", next);
    }

    static Ending ending(String id, int minTrust) {
        return new Ending(id, minTrust, "Ending " + id, "<p>" + id + "</p>");
    }
}
