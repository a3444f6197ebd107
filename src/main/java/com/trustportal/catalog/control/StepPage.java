package com.trustportal.catalog.control;

import java.util.List;
import java.util.Optional;

/**
 * A Markdown step file (lesson, reflection, practice) read up to what every kind shares: its front matter, checked
 * against the keys the kind allows, its id claimed in the course and its title. Each kind then reads its own keys
 * from {@link #header} and its body from {@link #page}. Empty when the file or its front matter cannot be read (the
 * problem is reported with file and line); a missing id or title is reported and left empty here.
 */
record StepPage(FrontMatter page, YamlMap header, Optional<String> id, Optional<String> title) {

    static Optional<StepPage> read(LoadContext context, SourceFile file, List<String> keys) {
        Optional<FrontMatter> page = context.read(file).flatMap(text -> FrontMatter.read(text, file, context));
        Optional<YamlMap> header =
                page.flatMap(p -> YamlMap.of(p.yaml(), "front matter", keys, file.frontMatter(), context));
        if (header.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = header.get();
        Optional<String> id = map.text("id");
        id.ifPresent(value -> context.claimId(value, file.frontMatter(), map.at("id")));
        return Optional.of(new StepPage(page.get(), map, id, map.text("title")));
    }
}
