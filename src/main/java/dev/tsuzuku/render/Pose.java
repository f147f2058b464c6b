package dev.tsuzuku.render;

/** How a figure is drawn this frame: view, expression, eyes (0 open … 1 shut), mouth (0 shut … 1 open). */
record Pose(View view, Expression expr, double blink, double mouth) {
    /** 0 = facing the camera, 1 = profile, toward +x. */
    double turn() {
        return switch (view) {
            case FRONT, BACK -> 0;
            case THREE_QUARTER -> 0.35;
            case SIDE -> 1;
        };
    }

    boolean back() {
        return view == View.BACK;
    }
}
