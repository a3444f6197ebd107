package com.trustportal.catalog.control;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * State shared by the readers while one course folder is loaded: the problems found so far and the facts needed for
 * rules that span files (ids are unique across the course, questions name existing objectives, each objective is
 * assessed at least twice).
 *
 * <p>Readers report a problem for every value they could not read. So when a reader has added no problem, every value
 * it read is present, and it may build its entity; otherwise it returns empty and loading carries on to find more.
 */
final class LoadContext {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private final Path courseDir;
    private final String folder;
    private final MarkdownRenderer renderer;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> idLocations = new HashMap<>();
    private final Map<String, Integer> assessedObjectives = new LinkedHashMap<>();
    private LintSettings lintSettings = LintSettings.DEFAULTS;

    LoadContext(Path courseDir, MarkdownRenderer renderer) {
        this.courseDir = courseDir;
        Path name = courseDir.getFileName();
        this.folder = name == null ? "" : name.toString().replace("/", "");
        this.renderer = renderer;
    }

    String folder() {
        return folder;
    }

    SourceFile file(String inCourse) {
        String label = folder.isEmpty() ? inCourse : folder + "/" + inCourse;
        return new SourceFile(courseDir.resolve(inCourse), label, inCourse, 0);
    }

    String render(String markdown) {
        return renderer.render(markdown);
    }

    void report(SourceFile file, Node at, String message) {
        problems.add(new Problem(file.label(), file.line(at), file.column(at), message));
    }

    void report(SourceFile file, int line, String message) {
        report(file, line, 0, message);
    }

    void report(SourceFile file, int line, int column, String message) {
        problems.add(new Problem(file.label(), line, column, message));
    }

    int problemCount() {
        return problems.size();
    }

    boolean foundProblemsSince(int count) {
        return problems.size() > count;
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Registers an id that must be unique in the whole course and reports a malformed or repeated one. */
    void claimId(String id, SourceFile file, Node at) {
        if (!ID.matcher(id).matches()) {
            report(file, at, "id '" + id + "' may only contain letters, digits, '-' and '_'");
            return;
        }
        String first = idLocations.putIfAbsent(id, file.location(at));
        if (first != null) {
            report(file, at, "duplicate id '" + id + "' (first defined at " + first + ")");
        }
    }

    void defineObjective(String id) {
        assessedObjectives.putIfAbsent(id, 0);
    }

    boolean hasObjective(String id) {
        return assessedObjectives.containsKey(id);
    }

    Set<String> objectiveIds() {
        return assessedObjectives.keySet();
    }

    void countAssessmentQuestion(String objectiveId) {
        assessedObjectives.computeIfPresent(objectiveId, (id, n) -> n + 1);
    }

    int assessmentQuestionsFor(String objectiveId) {
        return assessedObjectives.getOrDefault(objectiveId, 0);
    }

    /** Where an id was defined ({@code file:line} inside the course), for warnings about a loaded course. */
    Optional<String> locationOf(String id) {
        return Optional.ofNullable(idLocations.get(id));
    }

    void lintSettings(LintSettings settings) {
        lintSettings = settings;
    }

    LintSettings lintSettings() {
        return lintSettings;
    }

    /** Reads a file the caller has checked exists; unreadable or non-UTF-8 content is reported on its first line. */
    Optional<String> read(SourceFile file) {
        try {
            return Optional.of(Files.readString(file.path()));
        } catch (CharacterCodingException e) {
            report(file, 1, "file is not valid UTF-8");
        } catch (IOException e) {
            report(file, 1, "cannot read file: " + e);
        }
        return Optional.empty();
    }
}
