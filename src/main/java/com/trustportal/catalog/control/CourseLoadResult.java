package com.trustportal.catalog.control;

import com.trustportal.catalog.entity.Course;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of loading one course folder: either the course, ready to offer, or the problems that keep it out of
 * the catalogue. Never both, never neither. A loaded course also carries the linter's warnings (possibly none): they
 * do not keep it out of the catalogue.
 */
public record CourseLoadResult(String folder, Optional<Course> course, List<Problem> problems,
        List<LintFinding> warnings) {

    public CourseLoadResult {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(course, "course");
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
        if (course.isPresent() == !problems.isEmpty()) {
            throw new IllegalArgumentException("a load result has either a course or problems");
        }
        if (course.isEmpty() && !warnings.isEmpty()) {
            throw new IllegalArgumentException("only a loaded course is linted");
        }
    }

    static CourseLoadResult loaded(String folder, Course course, List<LintFinding> warnings) {
        return new CourseLoadResult(folder, Optional.of(course), List.of(), warnings);
    }

    static CourseLoadResult rejected(String folder, List<Problem> problems) {
        return new CourseLoadResult(folder, Optional.empty(), problems, List.of());
    }

    public boolean isLoaded() {
        return course.isPresent();
    }
}
