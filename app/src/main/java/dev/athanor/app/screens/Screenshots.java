package dev.athanor.app.screens;

import java.nio.file.Path;

/** Renders the main tabs to PNG files (the {@code athanor screenshots DIR} command). */
public final class Screenshots {
    private Screenshots() {}

    /** Starts the toolkit, renders each screen into {@code directory} and shuts the toolkit down. */
    public static void render(Path directory) {
        throw new UnsupportedOperationException("screenshots are rendered once the window is connected");
    }
}
