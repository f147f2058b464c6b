package dev.tsuzuku.render;

import dev.tsuzuku.model.Storyboard;

/** What a finished master must be: its picture size, frame rate and exact number of frames. */
public record MasterSpec(int width, int height, int fps, int frames) {

    public static MasterSpec of(Storyboard board) {
        return new MasterSpec(board.width(), board.height(), board.fps(), board.totalFrames());
    }

    public double seconds() {
        return (double) frames / fps;
    }
}
