package dev.tsuzuku.workspace;

import dev.tsuzuku.model.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a composed YAML node tree section by section, knowing nothing of what the file means:
 * a {@link Section} is a mapping with its allowed keys, a {@link Child} the value under one key.
 * Every problem is collected with the line and column of the node it is about and a dotted
 * path ({@code cast[2].look.hair}); reading never stops at the first one, so a schema built on
 * it reports everything at once. A schema (like {@link BibleSchema}) adds the file's own rules.
 */
final class YamlSections {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    YamlSections(String file) {
        this.file = file;
    }

    List<Problem> problems() {
        return problems;
    }

    void problem(Node at, String path, String message, String fix) {
        int line = at == null ? 0 : at.getStartMark().getLine() + 1;
        int column = at == null ? 0 : at.getStartMark().getColumn() + 1;
        problems.add(new Problem(file, line, column, path.isEmpty() ? message : path + ": " + message, fix));
    }

    /** "did you mean 'x'? " when a known word is close to the typed one, else "". */
    static String suggest(String typed, Collection<String> known) {
        return DidYouMean.closest(typed, known).map(s -> "did you mean '" + s + "'? ").orElse("");
    }

    static String kindOf(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) n).getValue() + "'";
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /** The mapping at {@code node}, or null (with a problem) when it is not one. */
    Section section(Node node, String path, List<String> keys) {
        if (!(node instanceof MappingNode m)) {
            problem(node, path, "expected a mapping of keys (" + String.join(", ", keys.subList(0, Math.min(3, keys.size())))
                    + ", …), got " + kindOf(node), "write it as 'key: value' lines indented under " + (path.isEmpty() ? "the top" : path));
            return null;
        }
        return new Section(m, path, keys);
    }

    /**
     * A value found (or not) under a key; {@code node} is null when the key is absent or has no
     * value, and {@code present} tells the two apart (an empty {@code title:} is not a missing one).
     */
    final class Child {
        final Node node;
        final String path;
        final boolean present;
        /** The key's node when present, so an empty value can be pointed at. */
        final Node key;

        Child(Node node, String path, boolean present, Node key) {
            this.node = node;
            this.path = path;
            this.present = present;
            this.key = key;
        }

        Section section(List<String> keys) {
            return node == null ? null : YamlSections.this.section(node, path, keys);
        }

        List<Node> list(String fix) {
            if (node instanceof SequenceNode seq) {
                return seq.getValue();
            }
            problem(node, path, "expected a list, got " + kindOf(node), fix);
            return null;
        }
    }

    /** A mapping being read: knows its allowed keys and reports unknown and duplicate ones up front. */
    final class Section {
        final MappingNode node;
        final String path;
        final Map<String, NodeTuple> entries = new LinkedHashMap<>();

        Section(MappingNode node, String path, List<String> keys) {
            this.node = node;
            this.path = path;
            for (NodeTuple t : node.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    problem(t.getKeyNode(), path, "a key must be a plain word, got " + kindOf(t.getKeyNode()),
                            "use one of: " + String.join(", ", keys));
                    continue;
                }
                String key = k.getValue();
                if (!keys.contains(key)) {
                    Optional<String> near = DidYouMean.closest(key, keys);
                    problem(k, path, "unknown key '" + key + "'", near.map(s -> "did you mean '" + s + "'?")
                            .orElse("remove it; the keys allowed here are " + String.join(", ", keys)));
                } else if (entries.containsKey(key)) {
                    problem(k, path, "duplicate key '" + key + "' (first at line "
                            + (entries.get(key).getKeyNode().getStartMark().getLine() + 1) + ")", "keep only one of them");
                } else {
                    entries.put(key, t);
                }
            }
        }

        String sub(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        Child child(String key) {
            NodeTuple t = entries.get(key);
            Node v = t == null ? null : t.getValueNode();
            return new Child(isNull(v) ? null : v, sub(key), t != null, t == null ? null : t.getKeyNode());
        }

        void missing(String key, String fix) {
            problem(node, path, "missing required key '" + key + "'", fix);
        }

        void problemAt(String key, String message, String fix) {
            Node at = entries.containsKey(key) ? entries.get(key).getValueNode() : node;
            problem(at, sub(key), message, fix);
        }

        /** A text value; null when absent and not required (then {@code fallback}). */
        String text(String key, String fallback, boolean required) {
            Child c = child(key);
            if (c.node == null) {
                if (required && c.present) {
                    problem(c.key, c.path, "is empty", "write a value after '" + key + ":'");
                } else if (required) {
                    missing(key, "add '" + key + ": …'" + (path.isEmpty() ? "" : " under " + path));
                }
                return fallback;
            }
            if (!(c.node instanceof ScalarNode s)) {
                problem(c.node, c.path, "expected text, got " + kindOf(c.node), "write a single value, quoted if it contains ': ' or ' #'");
                return fallback;
            }
            if (required && s.getValue().isBlank()) {
                problem(s, c.path, "is empty", "write a value after '" + key + ":'");
                return fallback;
            }
            return s.getValue();
        }

        List<String> texts(String key) {
            Child c = child(key);
            if (c.node == null) {
                return List.of();
            }
            List<Node> items = c.list("write a list like [Urashima, Taro]");
            if (items == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Node n = items.get(i);
                if (n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) && !s.getValue().isBlank()) {
                    out.add(s.getValue());
                } else {
                    problem(n, c.path + "[" + i + "]", "expected a name, got " + (n instanceof ScalarNode ? "nothing" : kindOf(n)),
                            "write one name per item");
                }
            }
            return out;
        }

        int whole(String key, int fallback, int min, int max, String fix) {
            return number(key, fallback, min, max, fix, "a whole number", v -> Integer.parseInt(v.replace("_", "")))
                    .intValue();
        }

        double decimal(String key, double fallback, double min, double max, String fix) {
            return number(key, fallback, min, max, fix, "a number", v -> {
                double d = Double.parseDouble(v.replace("_", ""));
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException(v);
                }
                return d;
            }).doubleValue();
        }

        private Number number(String key, Number fallback, double min, double max, String fix, String expected,
                Function<String, Number> parse) {
            Child c = child(key);
            if (c.node == null) {
                return fallback;
            }
            if (!(c.node instanceof ScalarNode s)) {
                problem(c.node, c.path, "expected " + expected + ", got " + kindOf(c.node), fix);
                return fallback;
            }
            Number n;
            try {
                n = parse.apply(s.getValue().trim());
            } catch (NumberFormatException e) {
                problem(s, c.path, "expected " + expected + ", got '" + s.getValue() + "'", fix);
                return fallback;
            }
            if (n.doubleValue() < min || n.doubleValue() > max) {
                problem(s, c.path, s.getValue() + (n.doubleValue() < 0 && min >= 0 ? " is negative" : " is outside "
                        + fmt(min) + "–" + fmt(max)), fix);
                return fallback;
            }
            return n;
        }

        /** A text value that must be one of {@code allowed}; a near miss gets a did-you-mean. */
        String choice(String key, String fallback, List<String> allowed, String noun) {
            String v = text(key, fallback, false);
            if (v != null && !allowed.contains(v)) {
                problemAt(key, "'" + v + "' is not " + noun, suggest(v, allowed) + "use one of " + String.join(", ", allowed));
                return fallback;
            }
            return v;
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
