package dev.tsuzuku.model;

/** A half-open character range [startChar, endChar) of the cleaned source text. */
public record SourceSpan(int startChar, int endChar) {
    public SourceSpan {
        if (startChar < 0 || endChar < startChar) {
            throw new IllegalArgumentException("bad span [" + startChar + ", " + endChar + ")");
        }
    }

    public int length() {
        return endChar - startChar;
    }
}
