package com.trustportal.catalog.control;

import com.trustportal.catalog.entity.Course;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of loading one course folder: either the course, ready to offer, or the problems that keep it out of
 * the catalogue. Never both, never neither.
 */
public record CourseLoadResult(String folder, Optional<Course> course, List<Problem> problems) {

    public CourseLoadResult {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(course, "course");
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        if (course.isPresent() == !problems.isEmpty()) {
            throw new IllegalArgumentException("a load result has either a course or problems");
        }
    }

    static CourseLoadResult loaded(String folder, Course course) {
        return new CourseLoadResult(folder, Optional.of(course), List.of());
    }

    static CourseLoadResult rejected(String folder, List<Problem> problems) {
        return new CourseLoadResult(folder, Optional.empty(), problems);
    }

    public boolean isLoaded() {
        return course.isPresent();
    }
}
