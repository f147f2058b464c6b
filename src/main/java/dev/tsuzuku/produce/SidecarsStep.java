package dev.tsuzuku.produce;

import dev.tsuzuku.model.Character;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.Step;
import dev.tsuzuku.render.Cover;
import dev.tsuzuku.render.Manifest;
import dev.tsuzuku.render.Subtitles;
import dev.tsuzuku.workspace.AtomicFiles;
import java.util.function.Predicate;

/** {@code sidecars}: episode.srt and episode.vtt from the timed board, cover.jpg and thumb.jpg. */
final class SidecarsStep implements Step<Production> {
    private final Pictures pictures;

    SidecarsStep(Pictures pictures) {
        this.pictures = pictures;
    }

    @Override
    public String name() {
        return "sidecars";
    }

    @Override
    public long units(Production p) {
        return 3;
    }

    @Override
    public void run(Production p, Progress.Task task) {
        Manifest.Files f = Manifest.standardFiles();
        Predicate<String> narrator = speaker -> p.bible.character(speaker)
                .map(c -> c.role() == Character.Role.NARRATOR)
                .orElse(speaker.equalsIgnoreCase("narrator"));
        AtomicFiles.write(p.file(f.srt()), Subtitles.srt(p.timed, narrator));
        AtomicFiles.write(p.file(f.vtt()), Subtitles.vtt(p.timed, narrator));
        task.advance(2);
        Cover.write(pictures.cover(p.bible, p.timed, p.script.title()), p.file(f.cover()), p.file(f.thumb()));
        task.advance(1);
    }
}
