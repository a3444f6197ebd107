package com.trustportal.catalog.control;

import com.trustportal.catalog.entity.Behaviour;
import com.trustportal.catalog.entity.Choice;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.DialogueNode;
import com.trustportal.catalog.entity.KnowledgeCheck;
import com.trustportal.catalog.entity.Lesson;
import com.trustportal.catalog.entity.Module;
import com.trustportal.catalog.entity.Objective;
import com.trustportal.catalog.entity.Question;
import com.trustportal.catalog.entity.RolePlay;
import com.trustportal.catalog.entity.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names a course's teaching introduces for its worked examples (the buyer and company of each role-play, and the
 * capitalised words that lessons and role-plays use in mid-sentence), so the linter can spot an assessment item that
 * tests recall of a lesson's story instead of transfer to a new one.
 *
 * <p>A capitalised word counts as a name only if the course never uses it in lower case (so "Logistics" in a company
 * name does not make "logistics" a name), it is not an acronym, not a common capitalised word, not a word of the
 * course title, an objective or a behaviour label, and not on the course's allow list.
 */
final class ExampleNames {

    private static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{N}]*|[.!?:]|\\n");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}]*");
    // headings are title case: every word capitalised, none of them a name
    private static final Pattern HEADING = Pattern.compile("(?is)<h[1-6]\\b[^>]*>.*?</h[1-6]>");
    private static final Pattern BLOCK =
            Pattern.compile("(?i)</?(p|li|ul|ol|blockquote|br|div|td|th|tr|table|pre|hr)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");
    private static final Set<String> COMMON = Set.of("I", "Mr", "Mrs", "Ms", "Dr", "OK", "Okay", "Monday", "Tuesday",
            "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
            "June", "July", "August", "September", "October", "November", "December", "English");

    private final Map<String, String> names;

    private ExampleNames(Map<String, String> names) {
        this.names = names;
    }

    /** Reads the names from the course's lessons and role-plays; {@code allowed} are never reported. */
    static ExampleNames of(Course course, Set<String> allowed) {
        Map<String, String> candidates = new LinkedHashMap<>();
        for (Step step : course.steps()) {
            if (step instanceof Lesson lesson) {
                harvest(plain(lesson.html()), lesson.id(), candidates);
            } else if (step instanceof RolePlay play) {
                for (String word : words(play.buyer().name() + " " + play.buyer().company())) {
                    if (Character.isUpperCase(word.charAt(0))) {
                        candidates.putIfAbsent(word, play.id());
                    }
                }
                harvest(plain(play.settingHtml()), play.id(), candidates);
                play.nodes().forEach(node -> harvest(node.buyerLine(), play.id(), candidates));
            }
        }
        Set<String> lowerCase = lowerCaseWords(course);
        Set<String> excluded = new HashSet<>();
        words(course.title()).forEach(w -> excluded.add(w.toLowerCase(Locale.ROOT)));
        course.objectives().forEach(o -> words(o.text()).forEach(w -> excluded.add(w.toLowerCase(Locale.ROOT))));
        for (Behaviour behaviour : Behaviour.values()) {
            words(behaviour.label()).forEach(w -> excluded.add(w.toLowerCase(Locale.ROOT)));
        }
        COMMON.forEach(w -> {
            excluded.add(w.toLowerCase(Locale.ROOT));
            excluded.add(w.toLowerCase(Locale.ROOT) + "s"); // "on Mondays"
        });
        allowed.forEach(a -> words(a).forEach(w -> excluded.add(w.toLowerCase(Locale.ROOT))));
        Map<String, String> names = new LinkedHashMap<>();
        candidates.forEach((word, source) -> {
            boolean acronym = isAcronym(word);
            if (!acronym && !lowerCase.contains(word.toLowerCase(Locale.ROOT))
                    && !excluded.contains(word.toLowerCase(Locale.ROOT))) {
                names.put(word, source);
            }
        });
        return new ExampleNames(Map.copyOf(names));
    }

    /** CRM, SaaS, CFO: jargon written mostly in capitals, not somebody's name (TechFlow stays a name). */
    private static boolean isAcronym(String word) {
        long upper = word.chars().filter(Character::isUpperCase).count();
        return upper >= 2 && upper * 2 >= word.length();
    }

    /** The example names that occur as whole words in {@code text}, sorted. */
    Set<String> in(String text) {
        Set<String> found = new TreeSet<>();
        words(text).stream().filter(names::containsKey).forEach(found::add);
        return found;
    }

    /** The step (lesson or role-play id) that first introduced {@code name}. */
    String source(String name) {
        return names.get(name);
    }

    Set<String> all() {
        return names.keySet();
    }

    /** Adds the capitalised words of {@code text} that do not start a sentence, paragraph or list item. */
    private static void harvest(String text, String source, Map<String, String> candidates) {
        boolean sentenceStart = true;
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String token = m.group();
            if (!Character.isLetter(token.charAt(0))) {
                sentenceStart = true;
                continue;
            }
            if (!sentenceStart && token.length() > 1 && Character.isUpperCase(token.charAt(0))) {
                candidates.putIfAbsent(token, source);
            }
            sentenceStart = false;
        }
    }

    /** Every word the course writes in lower case anywhere: proof that a capitalised form is an ordinary word. */
    private static Set<String> lowerCaseWords(Course course) {
        List<String> texts = new ArrayList<>();
        texts.add(course.summary());
        course.objectives().stream().map(Objective::text).forEach(texts::add);
        for (Module module : course.modules()) {
            texts.add(module.title());
            texts.add(module.summary());
            for (Step step : module.steps()) {
                texts.add(step.title());
                if (step instanceof Lesson lesson) {
                    texts.add(plain(lesson.html()));
                } else if (step instanceof KnowledgeCheck check) {
                    check.questions().forEach(q -> texts.addAll(texts(q)));
                } else if (step instanceof RolePlay play) {
                    texts.add(plain(play.settingHtml()));
                    texts.add(play.buyer().role());
                    for (DialogueNode node : play.nodes()) {
                        texts.add(node.buyerLine());
                        node.replies().stream().flatMap(r -> Stream.of(r.text(), r.feedback())).forEach(texts::add);
                    }
                    play.endings().forEach(e -> texts.add(plain(e.html())));
                }
            }
        }
        course.assessment().bank().forEach(q -> texts.addAll(texts(q)));
        Set<String> lower = new HashSet<>();
        texts.forEach(t -> words(t).stream().filter(w -> Character.isLowerCase(w.charAt(0))).forEach(lower::add));
        return lower;
    }

    static List<String> texts(Question question) {
        List<String> texts = new ArrayList<>();
        texts.add(question.prompt());
        for (Choice choice : question.choices()) {
            texts.add(choice.text());
            texts.add(choice.explanation());
        }
        return texts;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** Sanitised HTML as text: headings dropped, block ends as line breaks (they end a sentence), entities decoded. */
    static String plain(String html) {
        String text = HEADING.matcher(html).replaceAll("\n");
        text = BLOCK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = NUMERIC_ENTITY.matcher(text).replaceAll(m -> {
            try {
                int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
                return Matcher.quoteReplacement(new String(Character.toChars(code)));
            } catch (IllegalArgumentException e) {
                return " "; // not a character: the sanitiser never writes one, and a name cannot hide in it
            }
        });
        return text.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ")
                .replace("&amp;", "&");
    }
}
