package com.trustportal.catalog.control;

import com.trustportal.catalog.entity.Practice;
import com.trustportal.catalog.entity.Step;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an open practice step: front matter ({@code id}, {@code title}, {@code minutes}), then the scenario and the
 * prompt, then a {@code ## Model answer} heading and the model answer below it. The heading is the split, so an
 * author writes one ordinary Markdown page and the learner never sees the model answer before saving a reply.
 */
final class PracticeReader {

    static final String MODEL_ANSWER_HEADING = "## Model answer";
    private static final Pattern HEADING = Pattern.compile("^##\\s+Model answer\\s*$", Pattern.CASE_INSENSITIVE);
    private static final List<String> KEYS = List.of("id", "title", "minutes");

    private final LoadContext context;
    private final SourceFile file;

    PracticeReader(LoadContext context, SourceFile file) {
        this.context = context;
        this.file = file;
    }

    Optional<Step> read() {
        int before = context.problemCount();
        Optional<StepPage> read = StepPage.read(context, file, KEYS);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        StepPage page = read.get();
        Optional<Integer> minutes = page.header().integer("minutes", 1, 600);
        Optional<String[]> parts = split(page.page());
        if (context.foundProblemsSince(before)) {
            return Optional.empty();
        }
        return Optional.of(new Practice(page.id().orElseThrow(), page.title().orElseThrow(), minutes.orElseThrow(),
                parts.orElseThrow()[0], parts.orElseThrow()[1]));
    }

    /** The rendered scenario and model answer, or a problem at the line where the author must fix it. */
    private Optional<String[]> split(FrontMatter page) {
        List<String> lines = page.body().lines().toList();
        int heading = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (HEADING.matcher(lines.get(i).strip()).matches()) {
                if (heading >= 0) {
                    context.report(file, page.bodyLine() + i, "practice has a second '" + MODEL_ANSWER_HEADING
                            + "' heading (the first is on line " + (page.bodyLine() + heading) + ")");
                    return Optional.empty();
                }
                heading = i;
            }
        }
        if (heading < 0) {
            context.report(file, page.bodyLine(), "practice has no '" + MODEL_ANSWER_HEADING + "' heading: put the"
                    + " model answer under one, after the scenario and prompt");
            return Optional.empty();
        }
        String scenario = context.render(String.join("\n", lines.subList(0, heading)));
        String model = context.render(String.join("\n", lines.subList(heading + 1, lines.size())));
        if (scenario.isBlank()) {
            context.report(file, page.bodyLine(), "practice has no scenario or prompt before '"
                    + MODEL_ANSWER_HEADING + "'");
            return Optional.empty();
        }
        if (model.isBlank()) {
            context.report(file, page.bodyLine() + heading, "practice has no text under '" + MODEL_ANSWER_HEADING
                    + "'");
            return Optional.empty();
        }
        return Optional.of(new String[] {scenario, model});
    }
}
