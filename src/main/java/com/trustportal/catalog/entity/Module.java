package com.trustportal.catalog.entity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A chapter of a course: an ordered list of steps that together teach one idea. */
public record Module(String id, String title, String summary, List<Step> steps) {

    public Module {
        Invariants.text(id, "id");
        Invariants.text(title, "title");
        Invariants.text(summary, "summary");
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("module " + id + " has no steps");
        }
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /**
     * Counts only the done step ids that are still in this module, so progress recorded against an older version of
     * the content neither inflates nor breaks the figure.
     */
    public Completion completion(Set<String> doneStepIds) {
        int done = (int) steps.stream().filter(s -> doneStepIds.contains(s.id())).count();
        return new Completion(steps.size(), done);
    }
}
