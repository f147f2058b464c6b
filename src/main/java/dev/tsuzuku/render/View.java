package dev.tsuzuku.render;

/** Which way a character faces the camera. */
public enum View {
    FRONT, THREE_QUARTER, SIDE, BACK
}
