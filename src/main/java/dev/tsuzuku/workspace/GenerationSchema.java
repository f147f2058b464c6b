package dev.tsuzuku.workspace;

import dev.tsuzuku.model.Generation;
import dev.tsuzuku.workspace.YamlSections.Child;
import dev.tsuzuku.workspace.YamlSections.Section;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The rules of series.yaml's {@code generation:} section (see {@link Generation}): providers,
 * routes per shot class and per shot, budget caps, rates and accounts. Unknown keys, providers
 * and classes are problems with their line and a fix, collected with the bible's own.
 */
final class GenerationSchema {
    static final List<String> KEYS = List.of("providers", "keyframes", "routes", "shots", "budget", "rates", "accounts");
    static final List<String> BUDGET_KEYS = List.of("perEpisode", "perDay", "currency");
    static final List<String> ACCOUNT_KEYS = List.of("keyEnv", "baseUrl", "model", "concurrency");
    static final List<String> VIDEO = List.of("seedance", "kling", "runway");
    static final List<String> KEYFRAMES = List.of("seedream", "openai-images");
    static final List<String> CLASSES = List.of("cold-open", "hook", "action", "narration", "dialogue-close-up");
    /** What a route may name besides a video provider. */
    static final List<String> STEPS = List.of("video", "keyframe", "animatic");
    static final List<String> RATE_TABLES = List.of("seedanceUsdPerMillionTokens", "seedanceFps", "klingUsdPerUnit",
            "klingUnitsPerSecond", "runwayUsdPerCredit", "runwayCreditsPerSecond", "imageUsd");
    static final List<String> SINGLE_RATES = List.of("seedanceFps", "klingUsdPerUnit", "runwayUsdPerCredit");
    private static final String ENV_NAME = "[A-Za-z_][A-Za-z0-9_]*";

    private final YamlSections yaml;

    GenerationSchema(YamlSections yaml) {
        this.yaml = yaml;
    }

    Generation generation(Child c) {
        Section s = c.section(KEYS);
        if (s == null) {
            return Generation.ANIMATIC_ONLY;
        }
        List<String> providers = names(s.child("providers"), VIDEO, "a video provider");
        List<String> keyframes = names(s.child("keyframes"), KEYFRAMES, "a keyframe provider");
        List<String> steps = new ArrayList<>(VIDEO);
        steps.addAll(STEPS);
        Map<String, List<String>> routes = new LinkedHashMap<>();
        Section r = s.child("routes").section(CLASSES);
        if (r != null) {
            for (String k : CLASSES) {
                if (r.child(k).node != null) {
                    routes.put(k, names(r.child(k), steps, "a route step"));
                }
            }
        }
        Map<String, List<String>> shots = new LinkedHashMap<>();
        Child sc = s.child("shots");
        if (sc.node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
                String path = sc.path + "." + key;
                if (!key.matches("[1-9]\\d*\\.[1-9]\\d*")) {
                    yaml.problem(t.getKeyNode(), path, "'" + key + "' does not name a shot",
                            "write the episode and shot number as \"EPISODE.SHOT\", like \"1.4\" (in quotes)");
                    continue;
                }
                shots.put(key, names(yaml.new Child(t.getValueNode(), path, true, t.getKeyNode()), steps, "a route step"));
            }
        } else if (sc.node != null) {
            yaml.problem(sc.node, sc.path, "expected a mapping of shots to routes, got " + YamlSections.kindOf(sc.node),
                    "write lines like '\"1.4\": [kling]' under shots");
        }
        double perEpisode = 0;
        double perDay = 0;
        String currency = "USD";
        Section b = s.child("budget").section(BUDGET_KEYS);
        if (b != null) {
            perEpisode = b.decimal("perEpisode", 0, 0, 1_000_000, "use an amount of 0 or more (0 = no cap), like 5.0");
            perDay = b.decimal("perDay", 0, 0, 10_000_000, "use an amount of 0 or more (0 = no cap), like 20.0");
            currency = b.text("currency", "USD", false);
            if (!"USD".equals(currency)) {
                b.problemAt("currency", "'" + currency + "' is not supported: list prices are in US dollars",
                        "use USD (or leave currency out)");
                currency = "USD";
            }
        }
        Map<String, Map<String, Double>> rates = rates(s.child("rates"));
        Map<String, Generation.Account> accounts = accounts(s.child("accounts"));
        return new Generation(providers, keyframes, routes, shots, perEpisode, perDay, currency, rates, accounts);
    }

    private List<String> names(Child c, List<String> allowed, String noun) {
        if (c.node == null) {
            return List.of();
        }
        List<Node> items = c.list("write a list like [" + String.join(", ", allowed.subList(0, Math.min(2, allowed.size()))) + "]");
        if (items == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node n = items.get(i);
            String v = n instanceof ScalarNode sn ? sn.getValue() : "";
            if (!allowed.contains(v)) {
                yaml.problem(n, c.path + "[" + i + "]", "'" + v + "' is not " + noun,
                        YamlSections.suggest(v, allowed) + "use one of " + String.join(", ", allowed));
            } else if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private Map<String, Map<String, Double>> rates(Child c) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        Section s = c.section(RATE_TABLES);
        if (s == null) {
            return out;
        }
        for (String table : RATE_TABLES) {
            Child t = s.child(table);
            if (t.node == null) {
                continue;
            }
            if (SINGLE_RATES.contains(table)) {
                out.put(table, Map.of("", s.decimal(table, 0, 0, 1_000_000, "use a price of 0 or more, like 0.14")));
                continue;
            }
            if (!(t.node instanceof MappingNode m)) {
                yaml.problem(t.node, t.path, "expected a mapping of model to price, got " + YamlSections.kindOf(t.node),
                        "write lines like 'seedance-1-5-pro: 1.2' under " + table);
                continue;
            }
            List<String> models = new ArrayList<>();
            for (NodeTuple e : m.getValue()) {
                if (e.getKeyNode() instanceof ScalarNode k) {
                    models.add(k.getValue());
                }
            }
            Section ms = t.section(models);
            Map<String, Double> entries = new LinkedHashMap<>();
            for (String model : models) {
                entries.put(model.toLowerCase(java.util.Locale.ROOT),
                        ms.decimal(model, 0, 0, 1_000_000, "use a price of 0 or more, like 0.04"));
            }
            out.put(table, entries);
        }
        return out;
    }

    private Map<String, Generation.Account> accounts(Child c) {
        Map<String, Generation.Account> out = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(VIDEO);
        all.addAll(KEYFRAMES);
        Section s = c.section(all);
        if (s == null) {
            return out;
        }
        for (String name : all) {
            Section a = s.child(name).section(ACCOUNT_KEYS);
            if (a == null) {
                continue;
            }
            String keyEnv = a.text("keyEnv", null, true);
            if (keyEnv != null && !keyEnv.matches(ENV_NAME)) {
                a.problemAt("keyEnv", "'" + shown(keyEnv) + "' is not an environment variable name",
                        "name the variable that holds the key (like ARK_API_KEY), never the key itself");
                keyEnv = null;
            }
            String baseUrl = a.text("baseUrl", null, false);
            if (baseUrl != null && !isHttpUrl(baseUrl)) {
                a.problemAt("baseUrl", "'" + baseUrl + "' is not an http(s) URL", "use the API's base URL, or leave it out for the vendor's");
            }
            String model = a.text("model", null, false);
            int concurrency = a.whole("concurrency", 2, 1, 1000, "use how many tasks may run at once on this account, 1 or more");
            out.put(name, new Generation.Account(keyEnv, baseUrl, model, concurrency));
        }
        return out;
    }

    /** A value that failed the name check may be a pasted key: show only its first characters. */
    private static String shown(String v) {
        return v.length() <= 6 ? v : v.substring(0, 3) + "…";
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI u = new URI(s);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
