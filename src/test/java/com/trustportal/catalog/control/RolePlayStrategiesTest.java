package com.trustportal.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.catalog.entity.Behaviour;
import com.trustportal.catalog.entity.Conversation;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.DialogueNode;
import com.trustportal.catalog.entity.Ending;
import com.trustportal.catalog.entity.Reply;
import com.trustportal.catalog.entity.RolePlay;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every role-play of the shipped course takes judgement: no mechanical way of choosing (always the first, the last,
 * the longest or the shortest reply) reaches the best ending, random clicking rarely does, and trust does not simply
 * follow the behaviour label. Walks use {@link RolePlay#walk}, the same rules the player applies.
 */
class RolePlayStrategiesTest {

    private static final int RANDOM_WALKS = 10_000;
    private static final long SEED = 20_261_207L;
    private static final double MAX_RANDOM_BEST_SHARE = 0.25;
    private static final int MIN_BEST_DEPTH = 4;
    /** A safety net for cyclic scripts; the shipped ones end long before this. */
    private static final int MAX_REPLIES = 100;

    /** A way of choosing a reply at a node, without reading what it says. */
    private record Strategy(String name, ToIntFunction<DialogueNode> pick) {}

    private static final List<Strategy> STRATEGIES = List.of(
            new Strategy("always the first reply", node -> 0),
            new Strategy("always the last reply", node -> node.replies().size() - 1),
            new Strategy("always the longest reply", node -> extreme(node, Comparator.reverseOrder())),
            new Strategy("always the shortest reply", node -> extreme(node, Comparator.naturalOrder())));

    static Stream<Named<RolePlay>> rolePlays() {
        return shippedRolePlays().stream().map(play -> Named.of(play.id(), play));
    }

    private static List<RolePlay> shippedRolePlays() {
        return ShippedCourse.get().steps().stream().filter(RolePlay.class::isInstance).map(RolePlay.class::cast).toList();
    }

    @Test
    void theCourseHasAtLeastFiveRolePlays() {
        List<String> ids = shippedRolePlays().stream().map(RolePlay::id).toList();
        assertTrue(ids.size() >= 5, "role-plays: " + ids);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rolePlays")
    void noMechanicalStrategyReachesTheBestEnding(RolePlay play) {
        Ending best = play.endings().get(0);
        for (Strategy strategy : STRATEGIES) {
            List<Integer> path = play(play, strategy.pick());
            Conversation done = play.walk(path);
            assertNotEquals(best.id(), done.ending().orElseThrow().id(),
                    play.id() + ": '" + strategy.name() + "' reaches the best ending (path " + path + ", trust "
                            + done.trust() + ")");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rolePlays")
    void everyEndingCanBeReachedAndTheBestOnlyAfterFourDecisions(RolePlay play) {
        Map<String, Integer> fewestReplies = endingsReached(play);
        for (Ending ending : play.endings()) {
            assertTrue(fewestReplies.containsKey(ending.id()),
                    play.id() + ": no path ends in " + ending.id() + " (min-trust " + ending.minTrust() + ")");
        }
        int bestDepth = fewestReplies.get(play.endings().get(0).id());
        assertTrue(bestDepth >= MIN_BEST_DEPTH,
                play.id() + ": the best ending can be reached in " + bestDepth + " replies");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rolePlays")
    void trustDoesNotFollowTheBehaviourLabelAndTheBestReplyIsNotAlwaysTheLongest(RolePlay play) {
        List<Reply> replies = play.nodes().stream().flatMap(node -> node.replies().stream()).toList();
        assertTrue(replies.stream().anyMatch(r -> r.behaviour() != Behaviour.CONTROL && r.trustDelta() < 0),
                play.id() + ": every non-control reply gains trust, so the label alone gives the answer");
        assertTrue(replies.stream().anyMatch(r -> r.behaviour() == Behaviour.CONTROL && r.trustDelta() < 0),
                play.id() + ": no control reply costs trust");
        List<String> bestIsLongest = play.nodes().stream()
                .filter(node -> best(node) == extreme(node, Comparator.reverseOrder()))
                .map(DialogueNode::id).toList();
        assertTrue(bestIsLongest.size() < play.nodes().size(),
                play.id() + ": the longest reply gains most trust at every node " + bestIsLongest);
        Set<Integer> bestPositions = play.nodes().stream().map(RolePlayStrategiesTest::best).collect(Collectors.toSet());
        assertTrue(bestPositions.size() >= 2, play.id() + ": the best reply always sits at " + bestPositions);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rolePlays")
    void randomPlayRarelyReachesTheBestEnding(RolePlay play) {
        Random random = new Random(SEED);
        String best = play.endings().get(0).id();
        int reached = 0;
        for (int walk = 0; walk < RANDOM_WALKS; walk++) {
            List<Integer> path = play(play, node -> random.nextInt(node.replies().size()));
            if (play.walk(path).ending().orElseThrow().id().equals(best)) {
                reached++;
            }
        }
        double share = (double) reached / RANDOM_WALKS;
        System.out.printf("%s: random play reaches the best ending in %.2f%% of %d walks%n",
                play.id(), share * 100, RANDOM_WALKS);
        assertTrue(share < MAX_RANDOM_BEST_SHARE, play.id() + ": random play reaches the best ending in " + share);
        assertTrue(reached > 0, play.id() + ": random play never reaches the best ending in " + RANDOM_WALKS);
    }

    /** The reply indexes chosen by {@code pick} from the start until the conversation ends. */
    private static List<Integer> play(RolePlay play, ToIntFunction<DialogueNode> pick) {
        List<Integer> path = new ArrayList<>();
        DialogueNode at = play.startNode();
        while (at != null) {
            assertTrue(path.size() < MAX_REPLIES, play.id() + " did not end after " + MAX_REPLIES + " replies");
            int index = pick.applyAsInt(at);
            path.add(index);
            Reply reply = at.reply(index);
            at = reply.endsConversation() ? null : play.node(reply.next()).orElseThrow();
        }
        return path;
    }

    /**
     * The endings some path reaches, each with the fewest replies that reach it. The search runs over (node, trust)
     * states, of which there are finitely many, so it is exact even for a script with loops.
     */
    private static Map<String, Integer> endingsReached(RolePlay play) {
        record State(String node, int trust) {}
        Map<String, Integer> reached = new HashMap<>();
        Set<State> seen = new HashSet<>();
        Deque<State> todo = new ArrayDeque<>(List.of(new State(play.startNodeId(), play.startTrust())));
        Map<State, Integer> depth = new HashMap<>(Map.of(todo.peek(), 0));
        seen.add(todo.peek());
        while (!todo.isEmpty()) {
            State state = todo.poll();
            int replies = depth.get(state) + 1;
            for (Reply reply : play.node(state.node()).orElseThrow().replies()) {
                int trust = Math.max(RolePlay.MIN_TRUST, Math.min(RolePlay.MAX_TRUST, state.trust() + reply.trustDelta()));
                if (reply.endsConversation()) {
                    reached.merge(play.endingFor(trust).id(), replies, Math::min);
                } else {
                    State next = new State(reply.next(), trust);
                    if (seen.add(next)) {
                        depth.put(next, replies);
                        todo.add(next);
                    }
                }
            }
        }
        return reached;
    }

    /** The index of the reply that gains most trust (the first, if several tie). */
    private static int best(DialogueNode node) {
        List<Reply> replies = node.replies();
        return IntStream.range(0, replies.size()).boxed()
                .max(Comparator.comparingInt((Integer i) -> replies.get(i).trustDelta())
                        .thenComparing(Comparator.reverseOrder()))
                .orElseThrow();
    }

    /** The index of the longest (or, with natural order, shortest) reply text; the first wins a tie. */
    private static int extreme(DialogueNode node, Comparator<Integer> order) {
        List<Reply> replies = node.replies();
        int chosen = 0;
        for (int i = 1; i < replies.size(); i++) {
            if (order.compare(replies.get(i).text().length(), replies.get(chosen).text().length()) < 0) {
                chosen = i;
            }
        }
        return chosen;
    }

    /** The shipped course, loaded once for all the tests in this class. */
    private static final class ShippedCourse {
        private static final Course COURSE = load();

        static Course get() {
            return COURSE;
        }

        private static Course load() {
            CourseLoadResult result = new CourseLoader().load(CourseFixture.resource("/catalog/collaborative-selling"));
            assertEquals("", result.problems().stream().map(Problem::toString).collect(Collectors.joining("\n")),
                    "the shipped course must load without problems");
            return result.course().orElseThrow();
        }
    }
}
