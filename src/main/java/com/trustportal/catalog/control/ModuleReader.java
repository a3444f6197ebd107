package com.trustportal.catalog.control;

import com.trustportal.catalog.entity.Lesson;
import com.trustportal.catalog.entity.Module;
import com.trustportal.catalog.entity.Reflection;
import com.trustportal.catalog.entity.Step;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads one module folder: its module.yaml and the step files it lists, in the listed order. */
final class ModuleReader {

    private static final List<String> MODULE_KEYS = List.of("id", "title", "summary", "steps");
    private static final List<String> STEP_TYPES = List.of("lesson", "check", "roleplay", "practice", "reflection");
    private static final List<String> LESSON_KEYS = List.of("id", "title", "minutes");
    private static final List<String> REFLECTION_KEYS = List.of("id", "title");

    private final LoadContext context;
    private final String folder;

    /** @param folder the module's folder under {@code modules/}, already checked to exist */
    ModuleReader(LoadContext context, String folder) {
        this.context = context;
        this.folder = folder;
    }

    Optional<Module> read() {
        int before = context.problemCount();
        SourceFile file = context.file("modules/" + folder + "/module.yaml");
        if (!Files.isRegularFile(file.path())) {
            context.report(file, 1, "module.yaml is missing from module folder 'modules/" + folder + "'");
            return Optional.empty();
        }
        Optional<YamlMap> root = context.read(file)
                .flatMap(text -> YamlDocument.parse(text, file, context, "file"))
                .flatMap(node -> YamlMap.of(node, "a module", MODULE_KEYS, file, context));
        if (root.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = root.get();
        Optional<String> id = map.text("id");
        id.ifPresent(value -> context.claimId(value, file, map.at("id")));
        Optional<String> title = map.text("title");
        Optional<String> summary = map.text("summary");
        List<Step> steps = new ArrayList<>();
        map.list("steps").ifPresent(list -> {
            if (list.isEmpty()) {
                context.report(file, map.keyNode("steps"), "module has no steps");
            }
            list.forEach(node -> readStep(node, file).ifPresent(steps::add));
        });
        if (context.foundProblemsSince(before)) {
            return Optional.empty();
        }
        return Optional.of(new Module(id.orElseThrow(), title.orElseThrow(), summary.orElseThrow(), steps));
    }

    private Optional<Step> readStep(Node node, SourceFile moduleFile) {
        Optional<YamlMap> read = YamlMap.of(node, "a step", STEP_TYPES, moduleFile, context);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = read.get();
        List<String> types = STEP_TYPES.stream().filter(map::has).toList();
        if (types.size() != 1) {
            context.report(moduleFile, node, "a step names exactly one of " + String.join(", ", STEP_TYPES)
                    + ", found " + (types.isEmpty() ? "none" : String.join(" and ", types)));
            return Optional.empty();
        }
        String type = types.get(0);
        return map.text(type)
                .flatMap(name -> stepFile(name, moduleFile, map.at(type)))
                .flatMap(file -> switch (type) {
                    case "lesson" -> readLesson(file);
                    case "check" -> new QuestionReader(context).readCheck(file);
                    case "roleplay" -> new RolePlayReader(context, file).read();
                    case "practice" -> new PracticeReader(context, file).read();
                    default -> readReflection(file);
                });
    }

    private Optional<SourceFile> stepFile(String name, SourceFile moduleFile, Node at) {
        if (!CourseLoader.isPlainFileName(name)) {
            context.report(moduleFile, at, "step file '" + name + "' must be a file name in the module folder"
                    + " (no '/' or '..')");
            return Optional.empty();
        }
        SourceFile file = context.file("modules/" + folder + "/" + name);
        if (!Files.isRegularFile(file.path())) {
            context.report(moduleFile, at, "step file '" + name + "' does not exist in modules/" + folder);
            return Optional.empty();
        }
        return Optional.of(file);
    }

    private Optional<Step> readLesson(SourceFile file) {
        int before = context.problemCount();
        Optional<StepPage> read = StepPage.read(context, file, LESSON_KEYS);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        StepPage page = read.get();
        Optional<Integer> minutes = page.header().integer("minutes", 1, 600);
        Optional<String> html = body(page.page(), file, "lesson");
        if (context.foundProblemsSince(before)) {
            return Optional.empty();
        }
        return Optional.of(new Lesson(page.id().orElseThrow(), page.title().orElseThrow(), minutes.orElseThrow(),
                html.orElseThrow()));
    }

    private Optional<Step> readReflection(SourceFile file) {
        int before = context.problemCount();
        Optional<StepPage> read = StepPage.read(context, file, REFLECTION_KEYS);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        StepPage page = read.get();
        Optional<String> html = body(page.page(), file, "reflection");
        if (context.foundProblemsSince(before)) {
            return Optional.empty();
        }
        return Optional.of(new Reflection(page.id().orElseThrow(), page.title().orElseThrow(), html.orElseThrow()));
    }

    /** The rendered body; one that renders to nothing (blank, or only raw HTML) would be an empty page. */
    private Optional<String> body(FrontMatter page, SourceFile file, String kind) {
        String html = context.render(page.body());
        if (html.isBlank()) {
            context.report(file, page.bodyLine(), kind + " has no text after the front matter");
            return Optional.empty();
        }
        return Optional.of(html);
    }
}
