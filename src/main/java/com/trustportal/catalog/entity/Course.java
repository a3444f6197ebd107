package com.trustportal.catalog.entity;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A course as offered in the catalogue: validated, with all Markdown already rendered to safe HTML.
 *
 * <p>{@code version} is the author's number from course.yaml; {@code fingerprint} is a hash over every file of the
 * course folder, so caches and stored attempts can tell whether the content they saw is still the content served,
 * even when an author forgot to bump the version.
 */
public record Course(
        String id,
        int version,
        String title,
        String summary,
        String language,
        int minutes,
        List<Objective> objectives,
        List<Module> modules,
        AssessmentSpec assessment,
        List<String> furtherReadingHtml,
        String fingerprint) {

    public Course {
        Invariants.text(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
        Invariants.text(title, "title");
        Invariants.text(summary, "summary");
        Invariants.text(language, "language");
        objectives = List.copyOf(Objects.requireNonNull(objectives, "objectives"));
        modules = List.copyOf(Objects.requireNonNull(modules, "modules"));
        Objects.requireNonNull(assessment, "assessment");
        furtherReadingHtml = List.copyOf(Objects.requireNonNull(furtherReadingHtml, "furtherReadingHtml"));
        Invariants.text(fingerprint, "fingerprint");
        if (modules.isEmpty()) {
            throw new IllegalArgumentException("course " + id + " has no modules");
        }
        requireUniqueStepIds(modules);
        requireKnownObjectives(objectives, modules, assessment);
    }

    /** All steps of all modules, in the order a learner meets them. */
    public List<Step> steps() {
        return modules.stream().flatMap(m -> m.steps().stream()).toList();
    }

    public Optional<Step> step(String stepId) {
        // looked up several times per player request: no list of all steps built for it
        for (Module module : modules) {
            for (Step step : module.steps()) {
                if (step.id().equals(stepId)) {
                    return Optional.of(step);
                }
            }
        }
        return Optional.empty();
    }

    public Optional<Module> moduleOf(String stepId) {
        return modules.stream().filter(m -> m.step(stepId).isPresent()).findFirst();
    }

    public Optional<Objective> objective(String objectiveId) {
        return objectives.stream().filter(o -> o.id().equals(objectiveId)).findFirst();
    }

    /**
     * The lessons that teach an objective: those of every module whose knowledge check tests it, in course order.
     * A result page sends a learner who missed the objective back to them.
     */
    public List<Lesson> lessonsFor(String objectiveId) {
        return modules.stream()
                .filter(m -> m.steps().stream().anyMatch(s -> s instanceof KnowledgeCheck check
                        && check.questions().stream().anyMatch(q -> q.objectiveId().equals(objectiveId))))
                .flatMap(m -> m.steps().stream())
                .filter(Lesson.class::isInstance).map(Lesson.class::cast)
                .toList();
    }

    /**
     * Progress against the course as it is now: every current step is required, done ids of steps that were removed
     * are ignored, and steps added since the learner finished become required again.
     */
    public Completion completion(Set<String> doneStepIds) {
        Objects.requireNonNull(doneStepIds, "doneStepIds");
        List<Step> steps = steps();
        int done = (int) steps.stream().filter(s -> doneStepIds.contains(s.id())).count();
        return new Completion(steps.size(), done);
    }

    private static void requireUniqueStepIds(List<Module> modules) {
        Set<String> seen = new HashSet<>();
        modules.stream().flatMap(m -> m.steps().stream()).forEach(s -> {
            if (!seen.add(s.id())) {
                throw new IllegalArgumentException("step id " + s.id() + " occurs twice");
            }
        });
    }

    private static void requireKnownObjectives(
            List<Objective> objectives, List<Module> modules, AssessmentSpec assessment) {
        Set<String> known = new HashSet<>(objectives.stream().map(Objective::id).toList());
        Stream<Question> checkQuestions = modules.stream()
                .flatMap(m -> m.steps().stream())
                .filter(KnowledgeCheck.class::isInstance)
                .flatMap(s -> ((KnowledgeCheck) s).questions().stream());
        Stream.concat(checkQuestions, assessment.bank().stream()).forEach(q -> {
            if (!known.contains(q.objectiveId())) {
                throw new IllegalArgumentException(
                        "question " + q.id() + " names unknown objective " + q.objectiveId());
            }
        });
    }
}
