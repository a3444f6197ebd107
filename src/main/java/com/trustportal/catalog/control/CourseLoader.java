package com.trustportal.catalog.control;

import com.trustportal.catalog.entity.AssessmentPolicy;
import com.trustportal.catalog.entity.AssessmentSpec;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.Module;
import com.trustportal.catalog.entity.Objective;
import com.trustportal.catalog.entity.Question;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Loads one course folder (on the default file system or inside a zip) into a {@link Course}, or reports every
 * problem it finds, each with file and line, so an author can fix a course in one round. Markdown is rendered and
 * sanitised here, once. Stateless and thread-safe: one instance can load any number of courses.
 */
public final class CourseLoader {

    static final int MIN_ASSESSMENT_QUESTIONS = 20;
    static final int MIN_ASSESSMENT_QUESTIONS_PER_OBJECTIVE = 2;

    private static final Pattern COURSE_ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final List<String> KEYS = List.of("id", "version", "title", "summary", "language", "minutes",
            "objectives", "modules", "assessment", "further-reading", "lint");
    private static final List<String> OBJECTIVE_KEYS = List.of("id", "text");
    private static final List<String> ASSESSMENT_KEYS = List.of("file", "draw", "pass-percent", "per-objective",
            "cooling-off-after", "cooling-off-hours", "show-correct-answers", "minimum-active-minutes");
    private static final List<String> LINT_KEYS = List.of("alpha", "min-options", "min-items-per-objective",
            "max-stem-similarity", "allow-names", "off");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private final MarkdownRenderer renderer;

    public CourseLoader() {
        this(new MarkdownRenderer());
    }

    public CourseLoader(MarkdownRenderer renderer) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    public CourseLoadResult load(Path courseDir) {
        LoadContext context = new LoadContext(courseDir, renderer);
        SourceFile file = context.file("course.yaml");
        Optional<Course> course = Optional.empty();
        if (!Files.isRegularFile(file.path())) {
            context.report(file, 1, "course.yaml is missing: every course folder needs one");
        } else {
            course = readCourse(file, context, courseDir);
        }
        return context.problemCount() == 0
                ? CourseLoadResult.loaded(context.folder(), course.orElseThrow(),
                        new CourseLinter(context.lintSettings(), context::locationOf).lint(course.orElseThrow()))
                : CourseLoadResult.rejected(context.folder(), context.problems());
    }

    /** File and folder names the content may refer to: one name, so a course can never reach outside its folder. */
    static boolean isPlainFileName(String name) {
        return FILE_NAME.matcher(name).matches() && !name.contains("..");
    }

    private Optional<Course> readCourse(SourceFile file, LoadContext context, Path courseDir) {
        Optional<YamlMap> root = context.read(file)
                .flatMap(text -> YamlDocument.parse(text, file, context, "file"))
                .flatMap(node -> YamlMap.of(node, "a course", KEYS, file, context));
        if (root.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = root.get();
        Optional<String> id = map.text("id").filter(value -> isCourseId(value, file, context, map.at("id")));
        Optional<Integer> version = map.integer("version", 1, Integer.MAX_VALUE);
        Optional<String> title = map.text("title");
        Optional<String> summary = map.text("summary");
        Optional<String> language = map.text("language");
        Optional<Integer> minutes = map.integer("minutes", 1, 100_000);
        Map<Objective, Node> objectives = readObjectives(map, file, context);
        List<Module> modules = readModules(map, file, context);
        Optional<YamlMap> assessment = map.map("assessment", ASSESSMENT_KEYS);
        Optional<AssessmentSpec> spec = assessment.flatMap(a -> readAssessment(a, file, context));
        spec.ifPresent(s -> checkObjectiveCoverage(objectives, file, context));
        readLint(map, file, context);
        List<String> furtherReading = new ArrayList<>();
        map.optionalList("further-reading").ifPresent(list -> list.forEach(node ->
                YamlMap.text(node, "further-reading entry", file, context).map(context::render)
                        .ifPresent(furtherReading::add)));
        if (context.problemCount() > 0) {
            return Optional.empty();
        }
        String fingerprint;
        try {
            fingerprint = ContentFingerprint.of(courseDir);
        } catch (UncheckedIOException e) {
            context.report(file, 1, "cannot read the course folder to fingerprint it: " + e.getCause());
            return Optional.empty();
        }
        return Optional.of(new Course(id.orElseThrow(), version.orElseThrow(), title.orElseThrow(),
                summary.orElseThrow(), language.orElseThrow(), minutes.orElseThrow(), List.copyOf(objectives.keySet()),
                modules, spec.orElseThrow(), furtherReading, fingerprint));
    }

    private static boolean isCourseId(String id, SourceFile file, LoadContext context, Node at) {
        if (!COURSE_ID.matcher(id).matches()) {
            context.report(file, at, "course id '" + id + "' may only contain a-z, 0-9 and '-'");
            return false;
        }
        if (!id.equals(context.folder())) {
            context.report(file, at, "course id '" + id + "' must equal its folder name '" + context.folder() + "'");
            return false;
        }
        return true;
    }

    private static Map<Objective, Node> readObjectives(YamlMap course, SourceFile file, LoadContext context) {
        Map<Objective, Node> objectives = new LinkedHashMap<>();
        course.list("objectives").ifPresent(list -> {
            if (list.isEmpty()) {
                context.report(file, course.keyNode("objectives"), "a course needs at least one objective");
            }
            for (Node node : list) {
                YamlMap.of(node, "an objective", OBJECTIVE_KEYS, file, context).ifPresent(map -> {
                    Optional<String> id = map.text("id");
                    Optional<String> text = map.text("text");
                    id.ifPresent(value -> {
                        context.claimId(value, file, map.at("id"));
                        context.defineObjective(value);
                    });
                    id.ifPresent(i -> text.ifPresent(t -> objectives.put(new Objective(i, t), map.at("id"))));
                });
            }
        });
        return objectives;
    }

    private static List<Module> readModules(YamlMap course, SourceFile file, LoadContext context) {
        List<Module> modules = new ArrayList<>();
        course.list("modules").ifPresent(list -> {
            if (list.isEmpty()) {
                context.report(file, course.keyNode("modules"), "a course needs at least one module");
            }
            for (Node node : list) {
                YamlMap.text(node, "modules entry", file, context)
                        .filter(folder -> isModuleFolder(folder, file, context, node))
                        .flatMap(folder -> new ModuleReader(context, folder).read())
                        .ifPresent(modules::add);
            }
        });
        return modules;
    }

    private static boolean isModuleFolder(String folder, SourceFile file, LoadContext context, Node at) {
        if (!isPlainFileName(folder)) {
            context.report(file, at, "module folder '" + folder + "' must be a folder name under modules/"
                    + " (no '/' or '..')");
            return false;
        }
        if (!Files.isDirectory(context.file("modules/" + folder).path())) {
            context.report(file, at, "module folder 'modules/" + folder + "' does not exist");
            return false;
        }
        return true;
    }

    private static Optional<AssessmentSpec> readAssessment(YamlMap settings, SourceFile file, LoadContext context) {
        int before = context.problemCount();
        Optional<SourceFile> bankFile = settings.text("file").filter(name -> {
            if (!isPlainFileName(name)) {
                context.report(file, settings.at("file"), "assessment file '" + name
                        + "' must be a file name in the course folder (no '/' or '..')");
                return false;
            }
            if (!Files.isRegularFile(context.file(name).path())) {
                context.report(file, settings.at("file"), "assessment file '" + name + "' does not exist");
                return false;
            }
            return true;
        }).map(context::file);
        Optional<Integer> draw = settings.integer("draw", 1, Integer.MAX_VALUE);
        Optional<Integer> passPercent = settings.integer("pass-percent", 1, 100);
        AssessmentPolicy defaults = AssessmentPolicy.DEFAULT;
        Optional<Integer> perObjective = optionalInteger(settings, "per-objective", 0, 50, defaults.perObjective());
        Optional<Integer> coolingOffAfter =
                optionalInteger(settings, "cooling-off-after", 0, 100, defaults.coolingOffAfter());
        Optional<Integer> coolingOffHours =
                optionalInteger(settings, "cooling-off-hours", 0, 24 * 365, (int) defaults.coolingOff().toHours());
        boolean showCorrectAnswers = settings.flag("show-correct-answers");
        Optional<Integer> minimumActiveMinutes = optionalInteger(settings, "minimum-active-minutes", 0, 10_000,
                defaults.minimumActiveMinutes());
        Optional<QuestionReader.QuestionFile> bank = bankFile.flatMap(
                f -> new QuestionReader(context).readAssessment(f, MIN_ASSESSMENT_QUESTIONS));
        bank.ifPresent(b -> draw.filter(n -> n > b.questions().size()).ifPresent(n -> context.report(file,
                settings.at("draw"), "'draw' is " + n + " but the assessment bank has only " + b.questions().size()
                        + " questions")));
        bank.ifPresent(b -> draw.ifPresent(n -> perObjective.ifPresent(per -> {
            int reserved = AssessmentSpec.reservedDraws(b.questions(), per);
            if (reserved > n) {
                context.report(file, settings.has("per-objective") ? settings.at("per-objective") : settings.at("draw"),
                        "'draw' is " + n + " but giving every objective " + per + " question" + (per == 1 ? "" : "s")
                                + " needs " + reserved + "; raise 'draw' or lower 'per-objective'");
            }
        })));
        if (context.foundProblemsSince(before)) {
            return Optional.empty();
        }
        QuestionReader.QuestionFile read = bank.orElseThrow();
        return Optional.of(new AssessmentSpec(
                read.id(), read.title(), read.questions(), draw.orElseThrow(), passPercent.orElseThrow(),
                new AssessmentPolicy(perObjective.orElseThrow(), coolingOffAfter.orElseThrow(),
                        java.time.Duration.ofHours(coolingOffHours.orElseThrow()), showCorrectAnswers,
                        minimumActiveMinutes.orElseThrow())));
    }

    /** An optional whole number within {@code min..max}; absent gives {@code absent}, a bad value a problem. */
    private static Optional<Integer> optionalInteger(YamlMap settings, String key, int min, int max, int absent) {
        return settings.has(key) ? settings.integer(key, min, max) : Optional.of(absent);
    }

    /**
     * The optional {@code lint:} block: the authoring linter's limits for this course. Every key has a default; a bad
     * value is a problem like any other, so a typo cannot silently switch a rule off.
     */
    private static void readLint(YamlMap course, SourceFile file, LoadContext context) {
        if (!course.has("lint")) {
            return;
        }
        int before = context.problemCount();
        course.map("lint", LINT_KEYS).ifPresent(lint -> {
            LintSettings d = LintSettings.DEFAULTS;
            double alpha = lint.has("alpha") ? fraction(lint, "alpha", false, file, context).orElse(d.alpha())
                    : d.alpha();
            int minOptions = lint.has("min-options")
                    ? lint.integer("min-options", Question.MIN_CHOICES, Question.MAX_CHOICES).orElse(d.minOptions())
                    : d.minOptions();
            int minItems = lint.has("min-items-per-objective")
                    ? lint.integer("min-items-per-objective", 1, 1000).orElse(d.minItemsPerObjective())
                    : d.minItemsPerObjective();
            double similarity = lint.has("max-stem-similarity")
                    ? fraction(lint, "max-stem-similarity", true, file, context).orElse(d.maxStemSimilarity())
                    : d.maxStemSimilarity();
            Set<String> allow = new LinkedHashSet<>();
            lint.optionalList("allow-names").ifPresent(names -> names.forEach(node ->
                    YamlMap.text(node, "allow-names entry", file, context).ifPresent(allow::add)));
            Set<LintRule> off = EnumSet.noneOf(LintRule.class);
            lint.optionalList("off").ifPresent(rules -> rules.forEach(node ->
                    YamlMap.text(node, "off entry", file, context).ifPresent(id -> LintRule.fromId(id).ifPresentOrElse(
                            off::add, () -> context.report(file, node, "unknown lint rule '" + id + "' (known: "
                                    + Arrays.stream(LintRule.values()).map(LintRule::id)
                                            .collect(Collectors.joining(", ")) + ")")))));
            if (!context.foundProblemsSince(before)) {
                context.lintSettings(new LintSettings(alpha, minOptions, minItems, similarity, allow, off));
            }
        });
    }

    /** A number between 0 and 1 (1 itself only if {@code oneAllowed}), such as 0.05. */
    private static Optional<Double> fraction(
            YamlMap map, String key, boolean oneAllowed, SourceFile file, LoadContext context) {
        Node value = map.at(key);
        if (value instanceof ScalarNode scalar && DECIMAL.matcher(scalar.getValue()).matches()) {
            double number = Double.parseDouble(scalar.getValue());
            if (number > 0 && (number < 1 || oneAllowed && number == 1)) {
                return Optional.of(number);
            }
        }
        context.report(file, value, "'" + key + "' must be a number above 0 and " + (oneAllowed ? "at most" : "below")
                + " 1, found " + YamlMap.describe(value));
        return Optional.empty();
    }

    private static void checkObjectiveCoverage(Map<Objective, Node> objectives, SourceFile file, LoadContext context) {
        objectives.forEach((objective, at) -> {
            int count = context.assessmentQuestionsFor(objective.id());
            if (count < MIN_ASSESSMENT_QUESTIONS_PER_OBJECTIVE) {
                context.report(file, at, "objective '" + objective.id() + "' is tested by " + count
                        + " assessment question" + (count == 1 ? "" : "s") + " (at least "
                        + MIN_ASSESSMENT_QUESTIONS_PER_OBJECTIVE + " needed)");
            }
        });
    }
}
