package dev.tsuzuku.voice;

/**
 * A two-pole resonator with unity gain at 0 Hz (Klatt 1980): the formant filter of the
 * synthesised voice and the band-pass of several effects.
 */
final class Resonator {
    private final double rate;
    private double a = 1;
    private double b;
    private double c;
    private double y1;
    private double y2;

    Resonator(double rate) {
        this.rate = rate;
    }

    Resonator tune(double hz, double bandwidth) {
        double r = StrictMath.exp(-Math.PI * bandwidth / rate);
        c = -r * r;
        b = 2 * r * StrictMath.cos(2 * Math.PI * hz / rate);
        a = 1 - b - c;
        return this;
    }

    double next(double x) {
        double y = a * x + b * y1 + c * y2;
        y2 = y1;
        y1 = y;
        return y;
    }
}
