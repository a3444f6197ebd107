package com.trustportal.catalog.control;

import com.trustportal.catalog.entity.Choice;
import com.trustportal.catalog.entity.KnowledgeCheck;
import com.trustportal.catalog.entity.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads multiple-choice questions, as they appear in a module's check file and in the assessment bank. */
final class QuestionReader {

    static final List<String> QUESTION_FILE_KEYS = List.of("id", "title", "questions");
    private static final List<String> QUESTION_KEYS = List.of("id", "objective", "prompt", "choices");
    private static final List<String> CHOICE_KEYS = List.of("text", "correct", "explanation");

    /** The parts of a question file; for the assessment, draw and pass mark come from course.yaml. */
    record QuestionFile(String id, String title, List<Question> questions) {}

    private final LoadContext context;

    QuestionReader(LoadContext context) {
        this.context = context;
    }

    Optional<KnowledgeCheck> readCheck(SourceFile file) {
        return readFile(file, "check", KnowledgeCheck.MIN_QUESTIONS, false)
                .map(read -> new KnowledgeCheck(read.id(), read.title(), read.questions()));
    }

    /** Reads the assessment bank and counts its questions per objective for the course-wide coverage rule. */
    Optional<QuestionFile> readAssessment(SourceFile file, int minQuestions) {
        return readFile(file, "assessment", minQuestions, true);
    }

    private Optional<QuestionFile> readFile(SourceFile file, String kind, int minQuestions, boolean assessment) {
        int before = context.problemCount();
        Optional<YamlMap> root = context.read(file)
                .flatMap(text -> YamlDocument.parse(text, file, context, "file"))
                .flatMap(node -> YamlMap.of(node, "a " + kind, QUESTION_FILE_KEYS, file, context));
        if (root.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = root.get();
        Optional<String> id = map.text("id");
        id.ifPresent(value -> context.claimId(value, file, map.at("id")));
        Optional<String> title = map.text("title");
        List<Question> questions = new ArrayList<>();
        map.list("questions").ifPresent(nodes -> {
            if (nodes.size() < minQuestions) {
                context.report(file, map.keyNode("questions"), kind + " " + id.orElse("") + " has " + nodes.size()
                        + " questions (at least " + minQuestions + " needed)");
            }
            nodes.forEach(node -> readQuestion(node, file, assessment).ifPresent(questions::add));
        });
        if (context.foundProblemsSince(before)) {
            return Optional.empty();
        }
        return Optional.of(new QuestionFile(id.orElseThrow(), title.orElseThrow(), questions));
    }

    private Optional<Question> readQuestion(Node node, SourceFile file, boolean assessment) {
        int before = context.problemCount();
        Optional<YamlMap> read = YamlMap.of(node, "a question", QUESTION_KEYS, file, context);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = read.get();
        Optional<String> id = map.text("id");
        id.ifPresent(value -> context.claimId(value, file, map.at("id")));
        String name = "question " + id.orElse("at line " + file.line(map.node()));
        Optional<String> objective = map.text("objective").filter(value -> knownObjective(value, file, map));
        if (assessment) {
            objective.ifPresent(context::countAssessmentQuestion);
        }
        Optional<String> prompt = map.text("prompt");
        List<Choice> choices = new ArrayList<>();
        map.list("choices").ifPresent(nodes -> {
            nodes.forEach(choice -> readChoice(choice, file).ifPresent(choices::add));
            checkChoices(nodes.size(), choices, name, file, map);
        });
        if (context.foundProblemsSince(before)) {
            return Optional.empty();
        }
        return Optional.of(new Question(id.orElseThrow(), objective.orElseThrow(), prompt.orElseThrow(), choices));
    }

    private boolean knownObjective(String objective, SourceFile file, YamlMap map) {
        if (context.hasObjective(objective)) {
            return true;
        }
        context.report(file, map.at("objective"), "objective '" + objective + "' does not exist (course.yaml defines: "
                + String.join(", ", context.objectiveIds()) + ")");
        return false;
    }

    private void checkChoices(int count, List<Choice> readable, String name, SourceFile file, YamlMap map) {
        Node at = map.keyNode("choices");
        if (count < Question.MIN_CHOICES) {
            context.report(file, at, name + " has " + count + " choice" + (count == 1 ? "" : "s")
                    + " (at least " + Question.MIN_CHOICES + " needed)");
        } else if (count > Question.MAX_CHOICES) {
            context.report(file, at, name + " has " + count + " choices (at most " + Question.MAX_CHOICES
                    + " allowed)");
        }
        long correct = readable.stream().filter(Choice::correct).count();
        if (readable.size() < count) {
            return; // an unreadable choice may be the correct one; its own problem is already reported
        }
        if (correct == 0) {
            context.report(file, map.node(), name + " has no correct choice");
        } else if (correct > 1) {
            context.report(file, map.node(), name + " has " + correct + " correct choices (exactly one needed)");
        }
    }

    private Optional<Choice> readChoice(Node node, SourceFile file) {
        int before = context.problemCount();
        Optional<YamlMap> read = YamlMap.of(node, "a choice", CHOICE_KEYS, file, context);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = read.get();
        Optional<String> text = map.text("text");
        boolean correct = map.flag("correct");
        Optional<String> explanation = map.text("explanation");
        if (context.foundProblemsSince(before)) {
            return Optional.empty();
        }
        return Optional.of(new Choice(text.orElseThrow(), correct, explanation.orElseThrow()));
    }
}
