package dev.athanor.model.session;

/**
 * Observes a session without polling. Called on the thread using the session, after the change; a UI hands the
 * event over to its own thread. A listener must not use the session from inside the call.
 */
@FunctionalInterface
public interface SessionListener {
    void onEvent(SessionEvent event);
}
