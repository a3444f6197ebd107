package com.trustportal.catalog.control;

import com.trustportal.catalog.entity.Behaviour;
import com.trustportal.catalog.entity.Buyer;
import com.trustportal.catalog.entity.DialogueNode;
import com.trustportal.catalog.entity.Ending;
import com.trustportal.catalog.entity.Reply;
import com.trustportal.catalog.entity.RolePlay;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a role-play file and checks that the conversation is a sound graph: the start and every {@code next} name a
 * node, every node can be reached, and some ending always applies. Edges are collected even from replies that have
 * other problems, so one typo does not hide the graph's other faults.
 */
final class RolePlayReader {

    private static final List<String> KEYS =
            List.of("id", "title", "buyer", "setting", "trust", "start", "nodes", "endings");
    private static final List<String> BUYER_KEYS = List.of("name", "role", "company");
    private static final List<String> NODE_KEYS = List.of("id", "buyer", "choices");
    private static final List<String> REPLY_KEYS = List.of("text", "behaviour", "trust", "feedback", "next");
    private static final List<String> ENDING_KEYS = List.of("id", "min-trust", "title", "text");
    private static final String BEHAVIOURS =
            Arrays.stream(Behaviour.values()).map(Behaviour::key).collect(Collectors.joining(", "));

    /** A {@code next} reference with the node that holds it, to check once all node ids are known. */
    private record Edge(String from, String to, Node at) {}

    private final LoadContext context;
    private final SourceFile file;
    private final Map<String, Node> nodeIds = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    RolePlayReader(LoadContext context, SourceFile file) {
        this.context = context;
        this.file = file;
    }

    Optional<RolePlay> read() {
        int before = context.problemCount();
        Optional<YamlMap> root = context.read(file)
                .flatMap(text -> YamlDocument.parse(text, file, context, "file"))
                .flatMap(node -> YamlMap.of(node, "a role-play", KEYS, file, context));
        if (root.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = root.get();
        Optional<String> id = map.text("id");
        id.ifPresent(value -> context.claimId(value, file, map.at("id")));
        Optional<String> title = map.text("title");
        Optional<Buyer> buyer = map.map("buyer", BUYER_KEYS).flatMap(this::readBuyer);
        Optional<String> setting = map.text("setting").map(context::render);
        Optional<Integer> startTrust = map.map("trust", List.of("start"))
                .flatMap(trust -> trust.integer("start", RolePlay.MIN_TRUST, RolePlay.MAX_TRUST));
        Optional<String> start = map.text("start");
        List<DialogueNode> nodes = new ArrayList<>();
        map.list("nodes").ifPresent(list -> list.forEach(node -> readNode(node).ifPresent(nodes::add)));
        List<Ending> endings = new ArrayList<>();
        map.list("endings").ifPresent(list -> readEndings(list, map, endings));
        start.ifPresent(value -> checkGraph(value, map.at("start")));
        if (context.foundProblemsSince(before)) {
            return Optional.empty();
        }
        return Optional.of(new RolePlay(id.orElseThrow(), title.orElseThrow(), buyer.orElseThrow(),
                setting.orElseThrow(), startTrust.orElseThrow(), start.orElseThrow(), nodes, endings));
    }

    private Optional<Buyer> readBuyer(YamlMap map) {
        Optional<String> name = map.text("name");
        Optional<String> role = map.text("role");
        Optional<String> company = map.text("company");
        return name.flatMap(n -> role.flatMap(r -> company.map(c -> new Buyer(n, r, c))));
    }

    private Optional<DialogueNode> readNode(Node node) {
        int before = context.problemCount();
        Optional<YamlMap> read = YamlMap.of(node, "a node", NODE_KEYS, file, context);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = read.get();
        Optional<String> id = map.text("id");
        id.ifPresent(value -> claimNodeId(value, map.at("id")));
        Optional<String> buyerLine = map.text("buyer");
        List<Reply> replies = new ArrayList<>();
        map.list("choices").ifPresent(list -> {
            int count = list.size();
            if (count < DialogueNode.MIN_REPLIES || count > DialogueNode.MAX_REPLIES) {
                context.report(file, map.keyNode("choices"), "node '" + id.orElse("?") + "' has " + count
                        + (count == 1 ? " choice" : " choices") + " (" + DialogueNode.MIN_REPLIES + " to "
                        + DialogueNode.MAX_REPLIES + " needed)");
            }
            list.forEach(reply -> readReply(reply, id.orElse("?")).ifPresent(replies::add));
        });
        if (context.foundProblemsSince(before)) {
            return Optional.empty();
        }
        return Optional.of(new DialogueNode(id.orElseThrow(), buyerLine.orElseThrow(), replies));
    }

    private void claimNodeId(String id, Node at) {
        if (Reply.END.equals(id)) {
            context.report(file, at,
                    "'" + Reply.END + "' is reserved for ending the conversation and cannot be a node id");
            return;
        }
        context.claimId(id, file, at);
        nodeIds.putIfAbsent(id, at);
    }

    private Optional<Reply> readReply(Node node, String nodeId) {
        int before = context.problemCount();
        Optional<YamlMap> read = YamlMap.of(node, "a choice", REPLY_KEYS, file, context);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = read.get();
        Optional<String> text = map.text("text");
        Optional<Behaviour> behaviour = map.text("behaviour").flatMap(key -> {
            Optional<Behaviour> known = Behaviour.fromKey(key);
            if (known.isEmpty()) {
                context.report(file, map.at("behaviour"),
                        "unknown behaviour '" + key + "' (expected one of: " + BEHAVIOURS + ")");
            }
            return known;
        });
        Optional<Integer> trust = map.integer("trust", -RolePlay.MAX_TRUST, RolePlay.MAX_TRUST);
        Optional<String> feedback = map.text("feedback");
        Optional<String> next = map.text("next");
        next.ifPresent(to -> edges.add(new Edge(nodeId, to, map.at("next"))));
        if (context.foundProblemsSince(before)) {
            return Optional.empty();
        }
        return Optional.of(new Reply(text.orElseThrow(), behaviour.orElseThrow(), trust.orElseThrow(),
                feedback.orElseThrow(), next.orElseThrow()));
    }

    private void readEndings(List<Node> list, YamlMap roleplay, List<Ending> endings) {
        list.forEach(node -> readEnding(node).ifPresent(endings::add));
        Node at = roleplay.keyNode("endings");
        if (list.size() < RolePlay.MIN_ENDINGS) {
            context.report(file, at, "role-play has " + list.size() + " endings (at least " + RolePlay.MIN_ENDINGS
                    + " needed)");
        }
        if (endings.size() == list.size() && endings.stream().noneMatch(e -> e.minTrust() == RolePlay.MIN_TRUST)) {
            context.report(file, at,
                    "no ending has min-trust 0, so a conversation with low trust would have no ending");
        }
    }

    private Optional<Ending> readEnding(Node node) {
        int before = context.problemCount();
        Optional<YamlMap> read = YamlMap.of(node, "an ending", ENDING_KEYS, file, context);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = read.get();
        Optional<String> id = map.text("id");
        id.ifPresent(value -> context.claimId(value, file, map.at("id")));
        Optional<Integer> minTrust = map.integer("min-trust", RolePlay.MIN_TRUST, RolePlay.MAX_TRUST);
        Optional<String> title = map.text("title");
        Optional<String> html = map.text("text").map(context::render);
        if (context.foundProblemsSince(before)) {
            return Optional.empty();
        }
        return Optional.of(
                new Ending(id.orElseThrow(), minTrust.orElseThrow(), title.orElseThrow(), html.orElseThrow()));
    }

    private void checkGraph(String start, Node startAt) {
        for (Edge edge : edges) {
            if (!Reply.END.equals(edge.to()) && !nodeIds.containsKey(edge.to())) {
                context.report(file, edge.at(), "next '" + edge.to() + "' points to no node");
            }
        }
        if (!nodeIds.containsKey(start)) {
            context.report(file, startAt, "start '" + start + "' points to no node");
            return;
        }
        Set<String> reached = reachableFrom(start);
        nodeIds.forEach((id, at) -> {
            if (!reached.contains(id)) {
                context.report(file, at, "node '" + id + "' cannot be reached from start '" + start + "'");
            }
        });
    }

    private Set<String> reachableFrom(String start) {
        Set<String> reached = new HashSet<>(Set.of(start));
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String from = todo.pop();
            edges.stream()
                    .filter(edge -> edge.from().equals(from) && reached.add(edge.to()))
                    .forEach(edge -> todo.push(edge.to()));
        }
        return reached;
    }
}
