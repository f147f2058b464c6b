package dev.tsuzuku.ingest;

import dev.tsuzuku.model.SourceScene;
import dev.tsuzuku.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Groups the paragraphs of a chapter body into scenes (see {@link #scenes}). */
final class SceneCutter {
    private static final Pattern SHIFT = Pattern.compile(
            "^(?:(?:The )?(?:[Nn]ext|[Ff]ollowing) (?:morning|day|night|evening|year|spring|summer|autumn|winter)"
                    + "|Early (?:the )?next (?:morning|day)"
                    + "|(?:That|This) (?:night|evening|morning)"
                    + "|One (?:day|morning|evening|night|fine day)"
                    + "|(?:Some|Many|A few|Several|Two|Three|Four|Five|Six|Seven|Ten) (?:hours|days|weeks|months|years) "
                    + "(?:later|passed|went by|after)"
                    + "|(?:Years|Days|Months|Weeks) (?:passed|went by|later)"
                    + "|(?:Long|Some) (?:time|years) (?:after|later)"
                    + "|Meanwhile|In the meantime"
                    + "|When (?:he|she|they|we|I|[A-Z][a-z]+)(?: [a-z]+){0,5} (?:arrived|reached|came to|got to)"
                    + "|At (?:last|length) (?:he|she|they|[A-Z][a-z]+) (?:arrived|reached|came to)"
                    + "|When (?:he|she|they|[A-Z][a-z]+) (?:returned|got home|came back|reached home)"
                    + "|(?:At|By|Towards?) (?:dawn|daybreak|sunrise|sunset|nightfall|noon|midnight)"
                    + "|On (?:the )?(?:next|following|second|third) (?:day|morning|evening|night)"
                    + "|After (?:a|some|many|several|two|three|a few) (?:time|while|days|weeks|months|years)"
                    + "|(?:Soon|Shortly|Not long) after(?:wards)?"
                    + "|Once upon a time|Long,? long ago)\\b");

    /** A scene longer than this is cut at the next paragraph of narration, so no scene outgrows an episode. */
    private static final int MAX_SCENE_CHARS = 3_500;
    private static final int MIN_SCENE_CHARS = 400;

    private SceneCutter() {}

    /** Paragraphs of a chapter body, grouped into scenes at breaks, blank-line clusters and shifts of time or place. */
    static List<SourceScene> scenes(List<Outline.Block> body, int base) {
        List<SourceScene> scenes = new ArrayList<>();
        List<SourceSpan> current = new ArrayList<>();
        int currentChars = 0;
        boolean pendingBreak = false;
        for (Outline.Block b : body) {
            if (b.kind() == Outline.Kind.BREAK || b.kind() == Outline.Kind.SUBHEADING) {
                pendingBreak = true;
                continue;
            }
            if (b.kind() != Outline.Kind.PROSE) {
                continue;
            }
            String opening = b.first().stripLeading();
            boolean narration = !opening.startsWith("\"") && !opening.startsWith("“") && !opening.startsWith("'");
            boolean shift = current.size() >= 2 && currentChars >= MIN_SCENE_CHARS
                    && (b.blankBefore() >= 3 || SHIFT.matcher(opening).lookingAt()
                        || currentChars >= MAX_SCENE_CHARS && narration);
            if ((pendingBreak || shift) && !current.isEmpty()) {
                scenes.add(scene(current));
                current = new ArrayList<>();
                currentChars = 0;
            }
            pendingBreak = false;
            current.add(new SourceSpan(b.start() - base, b.end() - base));
            currentChars += b.end() - b.start();
        }
        if (!current.isEmpty()) {
            scenes.add(scene(current));
        }
        return scenes;
    }

    private static SourceScene scene(List<SourceSpan> paragraphs) {
        return new SourceScene(new SourceSpan(paragraphs.get(0).startChar(), paragraphs.get(paragraphs.size() - 1).endChar()),
                paragraphs);
    }
}
