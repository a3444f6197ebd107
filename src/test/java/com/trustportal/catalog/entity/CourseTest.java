package com.trustportal.catalog.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CourseTest {

    private final Course course = Content.course(Content.module("m1", "l1", "l2"), Content.module("m2", "l3", "l4"));

    @Test
    void completionCountsTheStepsDone() {
        Completion completion = course.completion(Set.of("l1", "l3", "l4"));
        assertEquals(new Completion(4, 3), completion);
        assertEquals(75, completion.percent());
        assertFalse(completion.isComplete());
    }

    @Test
    void allStepsDoneIsComplete() {
        Completion completion = course.completion(Set.of("l1", "l2", "l3", "l4"));
        assertTrue(completion.isComplete());
        assertEquals(100, completion.percent());
    }

    @Test
    void percentIsRoundedDownSoNinetyNineAndAHalfIsNotAHundred() {
        Course big = Content.course(Content.module("m", "s1", "s2", "s3"));
        assertEquals(66, big.completion(Set.of("s1", "s2")).percent());
    }

    @Test
    void aStepRemovedFromTheCourseNoLongerCounts() {
        Set<String> done = Set.of("l1", "l2", "l3", "l4");
        Course edited = Content.course(Content.module("m1", "l1"), Content.module("m2", "l3", "l4"));

        Completion completion = edited.completion(done);

        assertEquals(new Completion(3, 3), completion, "l2 was removed: neither required nor counted");
        assertTrue(completion.isComplete());
    }

    @Test
    void aStepAddedToTheCourseIsRequired() {
        Set<String> done = Set.of("l1", "l2", "l3", "l4");
        Course edited = Content.course(Content.module("m1", "l1", "l2", "l2b"), Content.module("m2", "l3", "l4"));

        Completion completion = edited.completion(done);

        assertEquals(new Completion(5, 4), completion);
        assertFalse(completion.isComplete(), "a learner who had finished must do the new step");
    }

    @Test
    void moduleCompletionCountsOnlyItsOwnSteps() {
        Module first = course.modules().get(0);
        assertEquals(new Completion(2, 1), first.completion(Set.of("l1", "l3")));
    }

    @Test
    void stepsAreFoundWithTheirModule() {
        assertEquals("m2", course.moduleOf("l3").orElseThrow().id());
        assertEquals("Lesson l4", course.step("l4").orElseThrow().title());
        assertTrue(course.step("gone").isEmpty());
    }

    @Test
    void aStepIdUsedTwiceIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Content.course(Content.module("m1", "l1"), Content.module("m2", "l1")));
    }

    @Test
    void aQuestionNamingAnUnknownObjectiveIsRejected() {
        KnowledgeCheck check = new KnowledgeCheck("c", "Check", List.of(Content.question("q1", "O1"),
                Content.question("q2", "O1"), Content.question("q3", "O1"), Content.question("q4", "O7")));
        Module module = new Module("m", "M", "S", List.of(check));
        assertThrows(IllegalArgumentException.class, () -> Content.course(module));
    }
}
