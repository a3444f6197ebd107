package com.trustportal.catalog.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Loads every course folder directly under a root (the shared catalogue, or one tenant's {@code courses/} folder).
 * Each course stands alone: a broken one is reported and left out while the others load, so one author's mistake
 * never takes another course offline.
 */
public final class CatalogLoader {

    private final CourseLoader courses;

    public CatalogLoader() {
        this(new CourseLoader());
    }

    public CatalogLoader(CourseLoader courses) {
        this.courses = Objects.requireNonNull(courses, "courses");
    }

    /**
     * Loads the course folders under {@code root} in name order; folders starting with '.' are skipped (editor and
     * VCS litter). A root that does not exist is an empty catalogue: a tenant without own courses has no folder.
     *
     * @throws UncheckedIOException if the root exists but cannot be listed
     */
    public CatalogLoadResult load(Path root) {
        if (!Files.isDirectory(root)) {
            return new CatalogLoadResult(List.of());
        }
        try (Stream<Path> children = Files.list(root)) {
            List<Path> folders = children
                    .filter(Files::isDirectory)
                    .filter(dir -> !dir.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
            return new CatalogLoadResult(folders.stream().map(this::loadAlone).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list courses in " + root, e);
        }
    }

    /** Loads one course; an unexpected failure becomes a problem of that course instead of failing the catalogue. */
    private CourseLoadResult loadAlone(Path folder) {
        try {
            return courses.load(folder);
        } catch (RuntimeException e) {
            String name = folder.getFileName().toString().replace("/", "");
            return CourseLoadResult.rejected(name, List.of(new Problem(name + "/course.yaml", 1, 0,
                    "course could not be loaded: " + e)));
        }
    }
}
