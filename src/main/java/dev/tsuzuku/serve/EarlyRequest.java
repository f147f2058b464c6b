package dev.tsuzuku.serve;

import org.eclipse.jetty.http.HttpFields;

/**
 * What an {@link EarlyRoute} sees of a request: the method, the decoded and normalised path
 * (no query) and the header fields, whichever transport parsed it.
 */
public record EarlyRequest(String method, String path, HttpFields headers) {
    /** The first value of a header, or null. */
    public String header(String name) {
        return headers.get(name);
    }
}
