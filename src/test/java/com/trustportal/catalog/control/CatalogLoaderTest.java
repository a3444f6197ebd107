package com.trustportal.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {

    @TempDir
    Path root;

    @Test
    void aBrokenCourseIsReportedWhileTheOtherCoursesAreStillOffered() throws IOException {
        CourseFixture.copyInto(root);
        Path broken = Files.createDirectory(root.resolve("half-written"));
        Files.writeString(broken.resolve("course.yaml"), "id: half-written\ntitle: [unclosed\n");
        Files.createDirectory(root.resolve(".git"));

        CatalogLoadResult catalog = new CatalogLoader().load(root);

        assertEquals(List.of("minimal-course"), catalog.courses().stream().map(c -> c.id()).toList());
        assertTrue(catalog.course("minimal-course").isPresent());
        assertTrue(catalog.hasProblems());
        assertEquals(List.of("half-written"), List.copyOf(catalog.problems().keySet()),
                "hidden folders are not courses, and loaded courses have no entry");
        Problem problem = catalog.problems().get("half-written").get(0);
        assertEquals("half-written/course.yaml", problem.file());
        assertTrue(problem.message().startsWith("file is not valid YAML"), problem.message());
    }

    @Test
    void aTenantWithoutACoursesFolderHasAnEmptyCatalogue() {
        CatalogLoadResult catalog = new CatalogLoader().load(root.resolve("no-such-folder"));

        assertEquals(List.of(), catalog.courses());
        assertEquals(false, catalog.hasProblems());
    }
}
