package dev.tsuzuku.model;

/**
 * One thing wrong with a user's input: where (file, 1-based line and column, 0 when unknown),
 * what, and how to fix it.
 */
public record Problem(String file, int line, int column, String message, String fix) {

    public static Problem of(String file, String message, String fix) {
        return new Problem(file, 0, 0, message, fix);
    }

    /** {@code series.yaml:12:5: cast[2].look.hair: 'bleu' is not a colour (fix: use a name or #RRGGBB)} */
    public String render() {
        StringBuilder b = new StringBuilder();
        if (file != null) {
            b.append(file);
            if (line > 0) {
                b.append(':').append(line);
                if (column > 0) {
                    b.append(':').append(column);
                }
            }
            b.append(": ");
        }
        b.append(message);
        if (fix != null && !fix.isBlank()) {
            b.append("\n    fix: ").append(fix);
        }
        return b.toString();
    }
}
