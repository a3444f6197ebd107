package com.trustportal.catalog.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A branching sales conversation with a fictional buyer. Each reply moves the buyer's trust; when a reply ends the
 * conversation, the ending is the first whose minimum trust the learner reached.
 *
 * <p>The constructor guarantees the conversation can always be played to an ending: every reply leads to a node of this
 * role-play or to {@link Reply#END}, and one ending has minimum trust 0. A learner's progress is just the list of
 * reply indexes chosen so far, which {@link #walk} turns back into the current state.
 */
public record RolePlay(
        String id,
        String title,
        Buyer buyer,
        String settingHtml,
        int startTrust,
        String startNodeId,
        List<DialogueNode> nodes,
        List<Ending> endings)
        implements Step {

    public static final int MIN_TRUST = 0;
    public static final int MAX_TRUST = 100;
    public static final int MIN_ENDINGS = 3;

    public RolePlay {
        Invariants.text(id, "id");
        Invariants.text(title, "title");
        Objects.requireNonNull(buyer, "buyer");
        Invariants.text(settingHtml, "settingHtml");
        Invariants.between(startTrust, MIN_TRUST, MAX_TRUST, "startTrust");
        Invariants.text(startNodeId, "startNodeId");
        nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
        // Sorted high to low once: choosing an ending is then "first that applies", in whatever order authors wrote.
        endings = Objects.requireNonNull(endings, "endings").stream()
                .sorted(Comparator.comparingInt(Ending::minTrust).reversed())
                .toList();
        requireConnected(nodes, startNodeId);
        if (endings.size() < MIN_ENDINGS) {
            throw new IllegalArgumentException("role-play " + id + " needs at least " + MIN_ENDINGS + " endings");
        }
        if (endings.get(endings.size() - 1).minTrust() != MIN_TRUST) {
            throw new IllegalArgumentException("role-play " + id + " needs an ending with minimum trust 0");
        }
    }

    public DialogueNode startNode() {
        return node(startNodeId).orElseThrow();
    }

    public Optional<DialogueNode> node(String nodeId) {
        return nodes.stream().filter(n -> n.id().equals(nodeId)).findFirst();
    }

    /**
     * Replays the learner's choices (zero-based reply indexes, from the start node), clamping trust to 0..100 after
     * every reply as the buyer would: goodwill beyond full trust is not banked for later mistakes.
     *
     * @throws IllegalArgumentException if an index does not exist at its node or the path goes on after an ending
     */
    public Conversation walk(List<Integer> path) {
        Objects.requireNonNull(path, "path");
        List<Reply> taken = new ArrayList<>();
        DialogueNode at = startNode();
        int trust = startTrust;
        for (int index : path) {
            if (at == null) {
                throw new IllegalArgumentException(
                        "role-play " + id + " ended after " + taken.size() + " replies, path has " + path.size());
            }
            Reply reply = at.reply(index);
            taken.add(reply);
            trust = clamp(trust + reply.trustDelta());
            at = reply.endsConversation() ? null : node(reply.next()).orElseThrow();
        }
        return at == null
                ? new Conversation(taken, trust, Optional.empty(), Optional.of(endingFor(trust)))
                : new Conversation(taken, trust, Optional.of(at), Optional.empty());
    }

    /** The buyer's trust after the given path of reply indexes, always within 0..100. */
    public int trustAfter(List<Integer> path) {
        return walk(path).trust();
    }

    /** The ending for a final trust: the highest ending whose minimum the trust reaches. */
    public Ending endingFor(int trust) {
        Invariants.between(trust, MIN_TRUST, MAX_TRUST, "trust");
        return endings.stream().filter(e -> e.minTrust() <= trust).findFirst().orElseThrow();
    }

    private static int clamp(int trust) {
        return Math.max(MIN_TRUST, Math.min(MAX_TRUST, trust));
    }

    private static void requireConnected(List<DialogueNode> nodes, String startNodeId) {
        Set<String> ids = new HashSet<>();
        for (DialogueNode node : nodes) {
            if (!ids.add(node.id())) {
                throw new IllegalArgumentException("node id " + node.id() + " occurs twice");
            }
        }
        if (!ids.contains(startNodeId)) {
            throw new IllegalArgumentException("start node " + startNodeId + " does not exist");
        }
        for (DialogueNode node : nodes) {
            for (Reply reply : node.replies()) {
                if (!reply.endsConversation() && !ids.contains(reply.next())) {
                    throw new IllegalArgumentException("node " + node.id() + " leads to missing node " + reply.next());
                }
            }
        }
    }
}
