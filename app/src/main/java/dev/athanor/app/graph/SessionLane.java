package dev.athanor.app.graph;

import dev.athanor.model.session.Session;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where the browser's work on the connection's Session runs: the one worker that serialises every call to it (the
 * window hands the Session panel's lane over), so loads, edits and the Session panel see one identity map.
 */
@FunctionalInterface
public interface SessionLane {
    /**
     * Runs {@code work} on the lane, then {@code then} on the UI thread with its result. The browser's work catches
     * its own failures and returns them as results, so {@code then} always hears back.
     */
    <T> void run(String description, Function<Session, T> work, Consumer<? super T> then);
}
