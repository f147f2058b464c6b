package dev.tsuzuku.produce;

import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.Step;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * {@code generate} (before {@code shots}): asks the {@link Generator} for each shot's picture
 * (a provider's take, a keyframe with a camera move, or the animatic) and reports every shot's
 * state on the progress line with the money spent so far.
 */
final class GenerateStep implements Step<Production> {
    static final int VERSION = 1;

    private final Generator generator;
    private final Pictures pictures;

    GenerateStep(Generator generator, Pictures pictures) {
        this.generator = generator;
        this.pictures = pictures;
    }

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public long units(Production p) {
        return p.timed.shots().size();
    }

    @Override
    public void run(Production p, Progress.Task task) {
        Storyboard board = p.timed;
        if (!generator.enabled()) {
            p.pictures = Generator.NONE.pictures(new Generator.Request(p.bible, p.episode, board, null, i -> null), null);
            task.advance(board.shots().size());
            return;
        }
        Generator.Request request = new Generator.Request(p.bible, p.episode, board, p.workspace.charactersDir(),
                index -> firstFrame(p, board, index));
        List<Generator.Picture> made = generator.pictures(request, (shot, state, provider, detail, spent) -> {
            p.notes.accept(String.format(Locale.ROOT, "episode %d shot %d: %s %s%s ($%.2f spent)", p.episode, shot, state,
                    provider, detail == null || detail.isBlank() ? "" : " (" + detail + ")", spent));
            if (state.equals("succeeded") || state.equals("fallback")) {
                task.advance(1);
            }
        });
        if (made.size() != board.shots().size()) {
            throw new IllegalStateException("the generator made " + made.size() + " pictures for " + board.shots().size() + " shots");
        }
        p.pictures = made;
    }

    private BufferedImage firstFrame(Production p, Storyboard board, int index) {
        Shot s = board.shots().stream().filter(x -> x.index() == index).findFirst().orElseThrow();
        var source = pictures.shot(p.bible, board, s.index());
        BufferedImage img = new BufferedImage(source.width(), source.height(), BufferedImage.TYPE_3BYTE_BGR);
        source.render(0, img);
        return img;
    }
}
