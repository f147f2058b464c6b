package dev.tsuzuku.render;

/**
 * The table of positional numbers per species: where the head and the face features sit, in head
 * units before the species' {@link #size}, and how wide the whole figure is.
 */
record Proportions(double height, double hx, double hy, double hr,
                   double eyeDx, double eyeY, double eyeRx, double eyeRy,
                   double mouthY, double mouthW, double hairX, double hairY) {

    static Proportions of(CharacterModel.Traits t) {
        return switch (t.species()) {
            case HUMAN -> {
                double hy = -(t.heightUnits() - 0.5);
                yield new Proportions(t.heightUnits(), 0, hy, 0.5, 0.2, hy + 0.08, 0.12, 0.15, hy + 0.34, 0.08, -0.45, hy + 0.08);
            }
            case MONKEY -> {
                double hy = -(t.heightUnits() - 0.5);
                yield new Proportions(t.heightUnits(), 0, hy, 0.5, 0.2, hy + 0.08, 0.12, 0.15, hy + 0.34, 0.08, -0.22, hy - 0.33);
            }
            case DOG, FOX, CAT, BADGER, HARE -> new Proportions(2.3, 0.5, -1.75, 0.5, 0.19, -1.8, 0.11, 0.13, -1.47, 0.07, -0.3, -1.22);
            case PHEASANT, SPARROW, BIRD -> new Proportions(2.3, 0.05, -1.85, 0.45, 0.16, -1.88, 0.1, 0.12, -1.67, 0.08, -0.2, -1.3);
            case CRAB -> new Proportions(1.9, 0, -1.2, 0.6, 0.3, -1.62, 0.13, 0.15, -0.62, 0.1, -0.6, -1.0);
            case TURTLE -> new Proportions(1.6, 1.05, -1.0, 0.42, 0.15, -1.05, 0.09, 0.11, -0.8, 0.06, -0.45, -0.65);
            case FISH -> new Proportions(2.0, 0.5, -1.25, 0.5, 0.16, -1.35, 0.1, 0.12, -1.08, 0.07, -0.3, -1.45);
            case DRAGON -> new Proportions(3.9, 0.35, -3.35, 0.55, 0.2, -3.42, 0.12, 0.13, -3.05, 0.09, 0.6, -1.0);
        };
    }

    /** How big the species is drawn next to a human (1.0). */
    static double size(Species species) {
        return switch (species) {
            case SPARROW -> 0.55;
            case BIRD, CRAB -> 0.7;
            case CAT, HARE -> 0.78;
            case FISH, PHEASANT, TURTLE -> 0.85;
            case FOX, BADGER -> 0.92;
            case DRAGON -> 1.3;
            default -> 1.0;
        };
    }

    /** Width of the whole figure in head units before {@link #size} (tails, claws and sleeves included). */
    static double width(CharacterModel.Traits traits) {
        return switch (traits.species()) {
            case HUMAN -> traits.hairstyle() == CharacterModel.Hairstyle.PONYTAIL ? 2.0 : 1.8;
            case MONKEY -> 2.4;
            case DOG, FOX, CAT, BADGER, HARE -> 3.3;
            case PHEASANT -> 3.8;
            case SPARROW, BIRD -> 2.6;
            case CRAB -> 3.3;
            case TURTLE -> 2.6;
            case FISH -> 3.2;
            case DRAGON -> 2.8;
        };
    }
}
