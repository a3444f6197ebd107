package com.trustportal.catalog.control;

import com.trustportal.catalog.entity.Course;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What loading a catalogue root produced: one result per course folder, in folder-name order. */
public record CatalogLoadResult(List<CourseLoadResult> results) {

    public CatalogLoadResult {
        results = List.copyOf(Objects.requireNonNull(results, "results"));
    }

    /** The courses that can be offered. */
    public List<Course> courses() {
        return results.stream().flatMap(r -> r.course().stream()).toList();
    }

    public Optional<Course> course(String courseId) {
        return courses().stream().filter(c -> c.id().equals(courseId)).findFirst();
    }

    /** Problems of each rejected course, keyed by folder name; empty when every course loaded. */
    public Map<String, List<Problem>> problems() {
        Map<String, List<Problem>> problems = new LinkedHashMap<>();
        results.stream().filter(r -> !r.isLoaded()).forEach(r -> problems.put(r.folder(), r.problems()));
        return problems;
    }

    /** The linter's warnings for each loaded course that has any, keyed by course id. */
    public Map<String, List<LintFinding>> warnings() {
        Map<String, List<LintFinding>> warnings = new LinkedHashMap<>();
        results.stream().filter(r -> r.isLoaded() && !r.warnings().isEmpty())
                .forEach(r -> warnings.put(r.course().orElseThrow().id(), r.warnings()));
        return warnings;
    }

    public boolean hasProblems() {
        return results.stream().anyMatch(r -> !r.isLoaded());
    }
}
