package io.switchboard.config;

import io.switchboard.domain.ErrorText;
import io.switchboard.domain.SwitchboardException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks on the composed YAML, before any value is built: a key written twice in one mapping is an error naming both
 * lines (SnakeYAML would keep the later one silently), and only the tags plain YAML resolves to are allowed, so
 * {@code !!binary}, {@code !!set}, merge keys and custom tags are refused rather than interpreted.
 */
final class YamlChecks {

    private static final Set<Tag> PLAIN = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP);

    private YamlChecks() {
    }

    private record Item(Node node, String path) {
    }

    /** Walks the document once (each node once, however many aliases point at it); null for an empty document. */
    static void check(Node root) {
        if (root == null) {
            return;
        }
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        Deque<Item> pending = new ArrayDeque<>();
        pending.push(new Item(root, ""));
        while (!pending.isEmpty()) {
            Item item = pending.pop();
            Node node = item.node();
            if (seen.put(node, Boolean.TRUE) != null) {
                continue;
            }
            if (!PLAIN.contains(node.getTag())) {
                throw SwitchboardException.invalid(item.path().isEmpty() ? "(root)" : item.path(),
                        "has the YAML tag " + ErrorText.quote(shortTag(node.getTag())) + where(node.getStartMark())
                        + "; only plain values, lists and mappings are allowed (quote a value to keep it text)");
            }
            if (node instanceof MappingNode mapping) {
                Map<String, Mark> keys = new HashMap<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    Node key = tuple.getKeyNode();
                    String name = key instanceof ScalarNode scalar ? scalar.getValue() : "?";
                    String path = item.path().isEmpty() ? name : item.path() + "." + name;
                    if (key instanceof ScalarNode) {
                        Mark earlier = keys.putIfAbsent(name, key.getStartMark());
                        if (earlier != null) {
                            throw SwitchboardException.invalid(ErrorText.oneLine(path), "is defined twice, at line "
                                    + (earlier.getLine() + 1) + " and at line " + (key.getStartMark().getLine() + 1)
                                    + "; keep one");
                        }
                    }
                    pending.push(new Item(key, path));
                    pending.push(new Item(tuple.getValueNode(), path));
                }
            } else if (node instanceof SequenceNode sequence) {
                for (int i = sequence.getValue().size() - 1; i >= 0; i--) {
                    pending.push(new Item(sequence.getValue().get(i), item.path() + "[" + i + "]"));
                }
            }
        }
    }

    /** " at line 3, column 7" for a mark, empty without one. */
    static String where(Mark mark) {
        return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String shortTag(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }
}
