package dev.athanor.query.model;

import java.util.Objects;

/** A window of the WINDOW clause, {@code WINDOW name AS (window)}, used as {@code OVER name}. */
public record NamedWindow(String name, WindowSpec window) {
    public NamedWindow {
        Identifiers.requireName(name, "window name");
        Objects.requireNonNull(window, "window");
    }

    public NamedWindow withName(String newName) {
        return new NamedWindow(newName, window);
    }

    public NamedWindow withWindow(WindowSpec newWindow) {
        return new NamedWindow(name, newWindow);
    }
}
