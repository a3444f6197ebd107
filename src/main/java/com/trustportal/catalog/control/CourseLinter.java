package com.trustportal.catalog.control;

import com.trustportal.catalog.entity.AssessmentSpec;
import com.trustportal.catalog.entity.Behaviour;
import com.trustportal.catalog.entity.Choice;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.DialogueNode;
import com.trustportal.catalog.entity.KnowledgeCheck;
import com.trustportal.catalog.entity.Objective;
import com.trustportal.catalog.entity.Question;
import com.trustportal.catalog.entity.Reply;
import com.trustportal.catalog.entity.RolePlay;
import com.trustportal.catalog.entity.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a loaded course the way a test-wise learner would and warns about every shortcut that scores without the
 * skill: a correct option that gives itself away by its length, too few options, a bank too thin to vary between
 * attempts, near-duplicate questions, items that replay a lesson's example, and role-plays whose labels or reply
 * lengths give away the best move. Findings are warnings: the course is still offered; the rules and their reasons are
 * in {@code docs/authoring.md}. Stateless apart from its settings; one instance lints one course.
 */
public final class CourseLinter {

    private static final int SHINGLE = 3;

    private final LintSettings settings;
    private final Function<String, Optional<String>> locate;

    public CourseLinter(LintSettings settings) {
        this(settings, id -> Optional.empty());
    }

    /** @param locate the {@code file:line} where an id (question, objective, step, node) is defined, if known */
    public CourseLinter(LintSettings settings, Function<String, Optional<String>> locate) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.locate = Objects.requireNonNull(locate, "locate");
    }

    /** A question set that is scored as a whole: the final bank or one module's knowledge check. */
    private record QuestionSet(String id, String name, List<Question> items) {}

    public List<LintFinding> lint(Course course) {
        Objects.requireNonNull(course, "course");
        List<LintFinding> findings = new ArrayList<>();
        List<QuestionSet> sets = questionSets(course);
        for (QuestionSet set : sets) {
            chanceOfExtremeLength(LintRule.LONGEST_CORRECT, "longest", 1, set, findings);
            chanceOfExtremeLength(LintRule.SHORTEST_CORRECT, "shortest", -1, set, findings);
        }
        fewOptions(course.assessment(), findings);
        thinObjectives(course, findings);
        similarStems(sets, findings);
        lessonExamples(course, findings);
        course.steps().stream().filter(RolePlay.class::isInstance).map(RolePlay.class::cast).forEach(play -> {
            labelsPredictTrust(play, findings);
            longestIsBest(play, findings);
        });
        return List.copyOf(findings);
    }

    private static List<QuestionSet> questionSets(Course course) {
        List<QuestionSet> sets = new ArrayList<>();
        AssessmentSpec bank = course.assessment();
        sets.add(new QuestionSet(bank.id(), "the final bank '" + bank.id() + "'", bank.bank()));
        for (Step step : course.steps()) {
            if (step instanceof KnowledgeCheck check) {
                sets.add(new QuestionSet(check.id(), "knowledge check '" + check.id() + "'", check.questions()));
            }
        }
        return sets;
    }

    /**
     * If options' lengths carried no information, the correct option would be the strictly longest (or shortest) of
     * an item's n options with probability at most 1/n; the count over a set is then Poisson-binomial, and a count in
     * its upper tail beyond alpha means the length is a tell.
     */
    private void chanceOfExtremeLength(
            LintRule rule, String word, int sign, QuestionSet set, List<LintFinding> findings) {
        if (!settings.runs(rule)) {
            return;
        }
        double[] chance = new double[set.items().size()];
        int observed = 0;
        for (int i = 0; i < chance.length; i++) {
            Question item = set.items().get(i);
            chance[i] = 1.0 / item.choices().size();
            if (correctIsStrictlyExtreme(item, sign)) {
                observed++;
            }
        }
        double tail = upperTail(chance, observed);
        if (tail < settings.alpha()) {
            double expected = Arrays.stream(chance).sum();
            findings.add(finding(rule, set.id(), String.format(Locale.ROOT,
                    "in %s the correct option is the strictly %s in %d of %d items; chance expects %.1f"
                            + " (P(X >= %d) = %.2g < alpha %s): always picking the %s option beats chance",
                    set.name(), word, observed, chance.length, expected, observed, tail, settings.alpha(), word)));
        }
    }

    private static boolean correctIsStrictlyExtreme(Question item, int sign) {
        int correct = length(item.choices().get(item.correctChoice()).text());
        return item.choices().stream().filter(c -> !c.correct())
                .allMatch(c -> sign * correct > sign * length(c.text()));
    }

    private static int length(String text) {
        String stripped = text.strip();
        return stripped.codePointCount(0, stripped.length());
    }

    /**
     * P(X >= observed) for X the number of successes among independent trials with the given success probabilities
     * (Poisson-binomial; binomial when they are all equal), by the exact convolution over the trials.
     */
    static double upperTail(double[] probabilities, int observed) {
        int n = probabilities.length;
        if (observed <= 0) {
            return 1.0;
        }
        if (observed > n) {
            return 0.0;
        }
        double[] dist = new double[n + 1];
        dist[0] = 1.0;
        for (int i = 0; i < n; i++) {
            double p = probabilities[i];
            for (int k = i + 1; k >= 1; k--) {
                dist[k] = dist[k] * (1 - p) + dist[k - 1] * p;
            }
            dist[0] *= 1 - p;
        }
        double tail = 0;
        for (int k = n; k >= observed; k--) {
            tail += dist[k];
        }
        return Math.min(1.0, tail);
    }

    private void fewOptions(AssessmentSpec bank, List<LintFinding> findings) {
        if (!settings.runs(LintRule.FEW_OPTIONS)) {
            return;
        }
        for (Question item : bank.bank()) {
            int options = item.choices().size();
            if (options < settings.minOptions()) {
                findings.add(finding(LintRule.FEW_OPTIONS, item.id(), "final-bank item " + item.id() + " has " + options
                        + " options (at least " + settings.minOptions() + "): with fewer options a learner who"
                        + " rules out one wrong answer is already guessing at 50% or better"));
            }
        }
    }

    private void thinObjectives(Course course, List<LintFinding> findings) {
        if (!settings.runs(LintRule.THIN_OBJECTIVE)) {
            return;
        }
        for (Objective objective : course.objectives()) {
            int items = course.assessment().questionsFor(objective.id()).size();
            if (items < settings.minItemsPerObjective()) {
                findings.add(finding(LintRule.THIN_OBJECTIVE, objective.id(), "objective " + objective.id() + " has "
                        + items + " final-bank item" + (items == 1 ? "" : "s") + " (at least "
                        + settings.minItemsPerObjective() + "): an attempt draws two per objective and the next"
                        + " attempt must not repeat them, or a retake replays questions the learner has seen"));
            }
        }
    }

    private void similarStems(List<QuestionSet> sets, List<LintFinding> findings) {
        if (!settings.runs(LintRule.SIMILAR_STEMS)) {
            return;
        }
        List<Question> items = new ArrayList<>();
        List<String> where = new ArrayList<>();
        List<Set<String>> shingles = new ArrayList<>();
        for (QuestionSet set : sets) {
            for (Question item : set.items()) {
                items.add(item);
                where.add(set.name());
                shingles.add(shingles(item.prompt()));
            }
        }
        for (int j = 1; j < items.size(); j++) {
            for (int i = 0; i < j; i++) {
                double similarity = jaccard(shingles.get(i), shingles.get(j));
                if (similarity >= settings.maxStemSimilarity()) {
                    findings.add(finding(LintRule.SIMILAR_STEMS, items.get(j).id(), String.format(Locale.ROOT,
                            "item %s (%s) and item %s (%s) have near-duplicate prompts (similarity %.2f >= %s):"
                                    + " one answers the other, or a retake is a replay",
                            items.get(i).id(), where.get(i), items.get(j).id(), where.get(j), similarity,
                            settings.maxStemSimilarity())));
                }
            }
        }
    }

    /**
     * The prompt's word 3-shingles: runs of three consecutive lower-case words (a prompt of fewer words is one
     * shingle). Shared runs of words are what copying and light rewording leave behind, while two genuinely different
     * scenarios share single words ("what", "buyer", "next") but few runs of three.
     */
    static Set<String> shingles(String text) {
        List<String> words = ExampleNames.words(text.toLowerCase(Locale.ROOT));
        Set<String> shingles = new HashSet<>();
        if (words.isEmpty()) {
            return shingles;
        }
        if (words.size() < SHINGLE) {
            shingles.add(String.join(" ", words));
            return shingles;
        }
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + SHINGLE)));
        }
        return shingles;
    }

    /** |A ∩ B| / |A ∪ B|; two empty sets are not similar (there is nothing to copy). */
    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0.0;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        long common = a.stream().filter(b::contains).count();
        return (double) common / union.size();
    }

    /** Similarity of two prompts as the linter measures it, for tests and for authors checking a rewrite. */
    static double stemSimilarity(String a, String b) {
        return jaccard(shingles(a), shingles(b));
    }

    private void lessonExamples(Course course, List<LintFinding> findings) {
        if (!settings.runs(LintRule.LESSON_EXAMPLE)) {
            return;
        }
        ExampleNames names = ExampleNames.of(course, settings.allowNames());
        for (Question item : course.assessment().bank()) {
            Set<String> found = new TreeSet<>();
            found.addAll(names.in(item.prompt()));
            item.choices().stream().map(Choice::text).forEach(text -> found.addAll(names.in(text)));
            if (!found.isEmpty()) {
                String list = found.stream().map(n -> "'" + n + "' (from " + names.source(n) + ")")
                        .collect(Collectors.joining(", "));
                findings.add(finding(LintRule.LESSON_EXAMPLE, item.id(), "final-bank item " + item.id()
                        + " reuses the lesson example name" + (found.size() == 1 ? " " : "s ") + list
                        + ": it tests recall of the lesson's story, not transfer to a new situation"));
            }
        }
    }

    private void labelsPredictTrust(RolePlay play, List<LintFinding> findings) {
        if (!settings.runs(LintRule.LABELS_PREDICT_TRUST)) {
            return;
        }
        List<Reply> replies = play.nodes().stream().flatMap(n -> n.replies().stream()).toList();
        List<Reply> control = replies.stream().filter(r -> r.behaviour() == Behaviour.CONTROL).toList();
        List<Reply> other = replies.stream().filter(r -> r.behaviour() != Behaviour.CONTROL).toList();
        boolean controlLoses = control.stream().allMatch(r -> r.trustDelta() < 0);
        boolean otherGains = other.stream().allMatch(r -> r.trustDelta() > 0);
        if (controlLoses && otherGains) {
            findings.add(finding(LintRule.LABELS_PREDICT_TRUST, play.id(), "role-play " + play.id() + ": all "
                    + control.size() + " control replies lose trust and all " + other.size() + " other replies gain"
                    + " it, so spotting the label is enough; add control in disguise that sounds collaborative,"
                    + " honest replies that cost trust in the short run, or a move that helps only at the right time"));
        }
    }

    private void longestIsBest(RolePlay play, List<LintFinding> findings) {
        if (!settings.runs(LintRule.LONGEST_IS_BEST)) {
            return;
        }
        List<DialogueNode> choices = play.nodes().stream().filter(n -> n.replies().size() >= 2).toList();
        if (!choices.isEmpty() && choices.stream().allMatch(CourseLinter::longestIsBest)) {
            findings.add(finding(LintRule.LONGEST_IS_BEST, play.id(), "role-play " + play.id() + ": at every one of its "
                    + choices.size() + " nodes the longest reply has the highest trust change, so always picking"
                    + " the longest reply reaches the best ending without judgement"));
        }
    }

    /** Whether a learner who picks the longest reply at this node (a unique one) gets the most trust available. */
    private static boolean longestIsBest(DialogueNode node) {
        int longest = node.replies().stream().mapToInt(r -> length(r.text())).max().orElseThrow();
        List<Reply> longestReplies = node.replies().stream().filter(r -> length(r.text()) == longest).toList();
        int best = node.replies().stream().mapToInt(Reply::trustDelta).max().orElseThrow();
        return longestReplies.size() == 1 && longestReplies.get(0).trustDelta() == best;
    }

    private LintFinding finding(LintRule rule, String id, String message) {
        return new LintFinding(rule, locate.apply(id).orElse(""), message);
    }
}
