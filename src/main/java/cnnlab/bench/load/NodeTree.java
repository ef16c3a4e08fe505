package cnnlab.bench.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The browser's copy of a Vaadin UI's state tree, kept only as far as a scripted student needs it: which node is
 * which element (tag, id attribute), who is whose parent, and the short texts and properties. Long values (pictures
 * as base64) are not kept: the load client should not weigh on the heap it measures.
 * Feature numbers are Flow 24's NodeFeatureRegistry ids, as seen in the UIDL a real Chromium received.
 */
final class NodeTree {
    static final int ELEMENT_DATA = 0, PROPERTIES = 1, CHILDREN = 2, ATTRIBUTES = 3, TEXT = 7;
    private static final int SHORT = 300;

    private static final class Node {
        int parent = -1;
        String tag;
        final Map<String, String> values = new HashMap<>();   // short property/attribute/text values
        final List<Integer> children = new ArrayList<>();
    }

    /** What one message changed: the nodes it touched and the nodes whose "data" property it set. */
    record Applied(Set<Integer> touched, List<Integer> dataPuts) { }

    private final Map<Integer, Node> nodes = new HashMap<>();
    private final Map<String, Integer> byId = new HashMap<>();

    private Node node(int id) {
        return nodes.computeIfAbsent(id, k -> new Node());
    }

    Applied apply(JsonNode changes) {
        Set<Integer> touched = new HashSet<>();
        List<Integer> dataPuts = new ArrayList<>();
        if (changes == null) return new Applied(touched, dataPuts);
        for (JsonNode c : changes) {
            int id = c.path("node").asInt();
            int feat = c.path("feat").asInt(-1);
            touched.add(id);
            switch (c.path("type").asText()) {
                case "attach" -> node(id);
                case "detach" -> {
                    Node n = nodes.remove(id);
                    if (n != null) byId.values().remove(id);
                }
                case "put" -> put(id, feat, c.path("key").asText(), c, dataPuts);
                case "remove" -> node(id).values.remove(c.path("key").asText());
                case "splice" -> splice(id, feat, c);
                case "clear" -> {
                    if (feat == CHILDREN) node(id).children.clear();
                }
                default -> { }
            }
        }
        return new Applied(touched, dataPuts);
    }

    private void put(int id, int feat, String key, JsonNode c, List<Integer> dataPuts) {
        Node n = node(id);
        if (feat == ELEMENT_DATA && key.equals("tag")) n.tag = c.path("value").asText();
        if (key.equals("data") && feat == PROPERTIES) dataPuts.add(id);
        JsonNode value = c.get("value");
        if (value == null) return;   // a node value (a child feature node), not needed here
        String text = value.isTextual() ? value.asText() : value.toString();
        if (key.equals("id") && (feat == ATTRIBUTES || feat == PROPERTIES)) byId.put(text, id);
        if (text.length() <= SHORT) n.values.put(feat + ":" + key, text);
        else n.values.remove(feat + ":" + key);
    }

    private void splice(int id, int feat, JsonNode c) {
        if (feat != CHILDREN) return;
        List<Integer> children = node(id).children;
        int index = Math.min(c.path("index").asInt(), children.size());
        int remove = Math.min(c.path("remove").asInt(0), children.size() - index);
        for (int i = 0; i < remove; i++) children.remove(index);
        JsonNode add = c.get("addNodes");
        if (add == null) return;
        int at = index;
        for (JsonNode a : add) {
            int child = a.asInt();
            children.add(at++, child);
            node(child).parent = id;
        }
    }

    /** The node of the element with this id attribute, or -1. */
    int byId(String elementId) {
        Integer id = byId.get(elementId);
        return id == null || !nodes.containsKey(id) ? -1 : id;
    }

    String tag(int node) {
        Node n = nodes.get(node);
        return n == null ? null : n.tag;
    }

    /** True if {@code node} is {@code ancestor} or lies below it. */
    boolean within(int node, int ancestor) {
        for (int n = node, guard = 0; n >= 0 && guard < 10_000; guard++) {
            if (n == ancestor) return true;
            Node x = nodes.get(n);
            n = x == null ? -1 : x.parent;
        }
        return false;
    }

    /** The text an element shows: its text-node children's texts, as the browser would render them. */
    String text(int element) {
        Node n = nodes.get(element);
        if (n == null) return "";
        StringBuilder s = new StringBuilder();
        for (int child : n.children) {
            Node c = nodes.get(child);
            if (c != null && c.values.containsKey(TEXT + ":text")) s.append(c.values.get(TEXT + ":text"));
        }
        return s.toString();
    }

    String textById(String elementId) {
        int n = byId(elementId);
        return n < 0 ? "" : text(n);
    }

    /** A short property of a node ("" when unknown or long). */
    String property(int node, String key) {
        Node n = nodes.get(node);
        return n == null ? "" : n.values.getOrDefault(PROPERTIES + ":" + key, "");
    }

    /** A short value of any feature of a node ("" when unknown or long). */
    String value(int node, int feat, String key) {
        Node n = nodes.get(node);
        return n == null ? "" : n.values.getOrDefault(feat + ":" + key, "");
    }

    int size() {
        return nodes.size();
    }
}
