package dev.tsuzuku.release;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The feeds checked by outside tools, Debian's (installed by scripts/setup.sh): python3-feedparser
 * reads the RSS 2.0 with Media RSS; python3-jsonschema checks the JSON Feed against the 1.1 schema.
 * What they found comes back as JSON. Missing, they fail under {@code CI=true} and skip loudly elsewhere.
 */
public final class FeedParser {
    private static final String SCRIPT = String.join("\n",
            "import sys, json, feedparser",
            "d = feedparser.parse(sys.argv[1], response_headers={'content-type': sys.argv[2]})",
            "def entry(e):",
            "    return {'id': e.get('id'), 'title': e.get('title'), 'link': e.get('link'), 'summary': e.get('summary'),",
            "            'published': e.get('published'), 'published_parsed': list(e.published_parsed[:6]) if e.get('published_parsed') else None,",
            "            'enclosures': [{'href': x.get('href'), 'type': x.get('type'), 'length': x.get('length')} for x in e.get('enclosures', [])],",
            "            'media_content': e.get('media_content', []), 'media_thumbnail': e.get('media_thumbnail', [])}",
            "print(json.dumps({'bozo': bool(d.bozo), 'bozo_exception': str(d.get('bozo_exception', '')), 'version': d.version,",
            "    'title': d.feed.get('title'), 'link': d.feed.get('link'), 'language': d.feed.get('language'),",
            "    'entries': [entry(e) for e in d.entries]}))");

    private static final String VALIDATE = String.join("\n",
            "import sys, json, jsonschema",
            "schema = json.load(open(sys.argv[2]))",
            "feed = json.load(open(sys.argv[1]))",
            "v = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())",
            "print(json.dumps([e.json_path + ': ' + e.message for e in v.iter_errors(feed)]))");

    private FeedParser() {}

    /**
     * The problems Debian's python3-jsonschema finds in a JSON Feed against the JSON Feed 1.1
     * schema in the test resources (feedparser 6.0 has no JSON Feed reader; its JSON support is
     * newer than Debian's package), as "path: message" lines; empty when it conforms.
     */
    public static JsonNode jsonFeedProblems(Path feed, Path schema) throws IOException, InterruptedException {
        requireModule("jsonschema", "python3-jsonschema");
        Process p = new ProcessBuilder(python(), "-c", VALIDATE, feed.toAbsolutePath().toString(),
                schema.toAbsolutePath().toString()).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("jsonschema failed on " + feed + ": " + err);
        }
        return new ObjectMapper().readTree(out);
    }

    /** Debian's interpreter first: a pyenv or venv python on the PATH does not see Debian's packages. */
    static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    public static void requireInstalled() {
        requireModule("feedparser", "python3-feedparser");
    }

    static void requireModule(String module, String debianPackage) {
        String missing = debianPackage + " is not installed (scripts/setup.sh installs it; apt-get install " + debianPackage + ")";
        boolean ok;
        try {
            Process p = new ProcessBuilder(python(), "-c", "import " + module).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        }
        if (!ok) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(missing + " (CI=true: the feeds must be validated)");
            }
            System.err.println("WARNING: " + missing + " — SKIPPED");
            assumeTrue(false, missing);
        }
    }

    /**
     * What feedparser made of the file, served as {@code contentType} (feedparser picks its JSON
     * Feed reader by the type a server sends: application/feed+json).
     */
    public static JsonNode parse(Path feed, String contentType) throws IOException, InterruptedException {
        requireInstalled();
        Process p = new ProcessBuilder(python(), "-c", SCRIPT, feed.toAbsolutePath().toString(), contentType).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("feedparser failed on " + feed + ": " + err);
        }
        return new ObjectMapper().readTree(out);
    }
}
