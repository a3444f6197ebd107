package com.trustportal.catalog.control;

import com.trustportal.testing.TestFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.catalog.entity.Course;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private copy of the valid test course, to break one thing at a time. Edits insist that the text they change
 * occurs exactly once, so a test cannot silently stop editing anything when the fixture changes.
 */
final class CourseFixture {

    static final String NAME = "minimal-course";

    private final Path dir;

    private CourseFixture(Path dir) {
        this.dir = dir;
    }

    /** Copies the valid course into {@code parent}/minimal-course. */
    static CourseFixture copyInto(Path parent) {
        Path source = resource("/catalog-fixtures/" + NAME);
        Path target = parent.resolve(NAME);
        TestFiles.copyTree(source, target);
        return new CourseFixture(target);
    }

    static Path resource(String name) {
        URL url = CourseFixture.class.getResource(name);
        assertNotNull(url, name + " is not on the test class path");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    Path dir() {
        return dir;
    }

    CourseFixture replace(String file, String from, String to) {
        String text = read(file);
        int first = text.indexOf(from);
        assertTrue(first >= 0, "'" + from + "' not found in " + file);
        assertEquals(first, text.lastIndexOf(from), "'" + from + "' occurs more than once in " + file);
        return write(file, text.replace(from, to));
    }

    CourseFixture write(String file, String content) {
        try {
            Files.createDirectories(dir.resolve(file).getParent());
            Files.writeString(dir.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    CourseFixture delete(String file) {
        try {
            Files.delete(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line on which {@code text} occurs, which must be exactly once in the file. */
    int lineOf(String file, String text) {
        List<String> lines = read(file).lines().toList();
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                assertEquals(-1, found, "'" + text + "' is on more than one line of " + file);
                found = i + 1;
            }
        }
        assertTrue(found > 0, "'" + text + "' not found in " + file);
        return found;
    }

    CourseLoadResult load() {
        return new CourseLoader().load(dir);
    }

    Course loadValid() {
        CourseLoadResult result = load();
        assertEquals(List.of(), result.problems(), "the fixture should load without problems");
        return result.course().orElseThrow();
    }

    List<Problem> problems() {
        CourseLoadResult result = load();
        assertFalse(result.isLoaded(), "the broken course should be rejected");
        return result.problems();
    }

    /** Asserts that loading reports exactly this one problem, located in a file of this course. */
    void assertOnlyProblem(String file, int line, String message) {
        List<Problem> problems = problems();
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        assertProblem(problems.get(0), file, line, message);
    }

    static void assertProblem(Problem problem, String file, int line, String message) {
        assertEquals(NAME + "/" + file + ":" + line + ": " + message,
                problem.file() + ":" + problem.line() + ": " + problem.message());
    }
}
