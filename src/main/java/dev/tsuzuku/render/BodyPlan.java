package dev.tsuzuku.render;

/**
 * How one kind of body is drawn, in head units with the origin at the feet (see
 * {@link CharacterModel}). Each plan draws its own body and head and asks the shared
 * {@link FacePainter} for eyes, brows and mouth.
 */
abstract class BodyPlan {
    /** What every plan draws from: colours, build, where the head sits, the per-name seed and the era's costume. */
    record Figure(Palette palette, CharacterModel.Traits traits, Proportions geo, long seed, Era era) {}

    final Palette palette;
    final CharacterModel.Traits traits;
    final Proportions geo;
    final long seed;
    final Era era;
    private final FacePainter face;

    BodyPlan(Figure f) {
        this.palette = f.palette();
        this.traits = f.traits();
        this.geo = f.geo();
        this.seed = f.seed();
        this.era = f.era();
        this.face = new FacePainter(f.palette(), f.traits(), f.geo());
    }

    /** The body plan for the figure's species. */
    static BodyPlan of(Figure f) {
        return switch (f.traits().species()) {
            case HUMAN, MONKEY -> new HumanBody(f);
            case DOG, FOX, CAT, BADGER, HARE -> new QuadrupedBody(f);
            case PHEASANT, SPARROW, BIRD -> new BirdBody(f);
            case CRAB -> new CrabBody(f);
            case TURTLE -> new TurtleBody(f);
            case FISH -> new FishBody(f);
            case DRAGON -> new DragonBody(f);
        };
    }

    /** Draws the whole figure with {@code p}, already scaled to head units. */
    abstract void draw(Pen p, Pose pose);

    void face(Pen p, Pose pose, double cx, boolean blush) {
        face.face(p, pose, cx, blush);
    }

    void brows(Pen p, Pose pose, int rgb) {
        face.brows(p, pose, rgb);
    }

    void mouth(Pen p, Pose pose, double mx, double my, double w) {
        face.mouth(p, pose, mx, my, w);
    }
}
