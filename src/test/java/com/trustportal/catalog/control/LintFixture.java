package com.trustportal.catalog.control;

import com.trustportal.testing.TestFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.catalog.entity.Course;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private copy of {@code catalog-fixtures/lint-clean-course} (a course every lint rule passes), optionally with one
 * bad fixture from {@code catalog-fixtures/lint-bad/<rule>} laid over it: a bad fixture holds only the files that
 * differ, so each one breaks exactly one rule and the reader sees what breaks it.
 */
final class LintFixture {

    static final String NAME = "lint-clean-course";

    private final Path dir;

    private LintFixture(Path dir) {
        this.dir = dir;
    }

    static LintFixture clean(Path parent) {
        Path target = parent.resolve(NAME);
        TestFiles.copyTree(CourseFixture.resource("/catalog-fixtures/" + NAME), target);
        return new LintFixture(target);
    }

    /** The clean course with the files of {@code lint-bad/<bad>} in place of its own. */
    static LintFixture bad(Path parent, String bad) {
        LintFixture fixture = clean(parent);
        TestFiles.copyTree(CourseFixture.resource("/catalog-fixtures/lint-bad/" + bad), fixture.dir);
        return fixture;
    }

    CourseLoadResult load() {
        return new CourseLoader().load(dir);
    }

    Course course() {
        CourseLoadResult result = load();
        assertEquals(List.of(), result.problems(), "the lint fixture must load without problems");
        return result.course().orElseThrow();
    }

    List<LintFinding> warnings() {
        CourseLoadResult result = load();
        assertEquals(List.of(), result.problems(), "the lint fixture must load without problems");
        return result.warnings();
    }

    LintFixture replace(String file, String from, String to) {
        String text = read(file);
        assertTrue(text.contains(from), "'" + from + "' not found in " + file);
        assertEquals(text.indexOf(from), text.lastIndexOf(from), "'" + from + "' occurs more than once in " + file);
        try {
            Files.writeString(dir.resolve(file), text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** {@code file:line} of the one line of {@code file} that contains {@code text}, as findings report it. */
    String locationOf(String file, String text) {
        List<String> lines = read(file).lines().toList();
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                assertEquals(-1, found, "'" + text + "' is on more than one line of " + file);
                found = i + 1;
            }
        }
        assertTrue(found > 0, "'" + text + "' not found in " + file);
        return file + ":" + found;
    }

    private String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
