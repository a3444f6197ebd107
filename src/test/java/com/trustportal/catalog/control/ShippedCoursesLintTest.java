package com.trustportal.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every course this repository ships (the WAR's catalogue and any tenant's own courses) passes the authoring linter
 * without a single warning: a content change that lets a test-wise learner score without the skill fails the build.
 */
class ShippedCoursesLintTest {

    @Test
    void everyShippedCourseLoadsWithZeroLintFindings() throws IOException {
        List<Path> roots = new ArrayList<>();
        roots.add(Path.of("src/main/resources/catalog"));
        Path tenants = Path.of("tenants");
        if (Files.isDirectory(tenants)) {
            try (Stream<Path> dirs = Files.list(tenants)) {
                dirs.map(t -> t.resolve("courses")).filter(Files::isDirectory).sorted().forEach(roots::add);
            }
        }
        List<CourseLoadResult> results = new ArrayList<>();
        roots.forEach(root -> results.addAll(new CatalogLoader().load(root).results()));

        assertFalse(results.isEmpty(), "no shipped course found under " + roots);
        String report = results.stream()
                .flatMap(r -> Stream.concat(
                        r.problems().stream().map(p -> "course " + r.folder() + ": refused: " + p),
                        r.warnings().stream().map(w -> "course " + r.folder() + ": " + w)))
                .collect(Collectors.joining("\n"));
        assertEquals("", report, "shipped courses must load with zero lint findings");
    }
}
