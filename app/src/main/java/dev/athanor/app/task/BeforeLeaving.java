package dev.athanor.app.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The contributors asked before the window leaves a database: it collects what they report as pending and commits
 * or rolls back all of them, one after the other, stopping at the first that fails. UI thread only.
 */
public final class BeforeLeaving {
    private final List<PendingWork> contributors = new ArrayList<>();

    /** Asks {@code work} too from now on. */
    public void add(PendingWork work) {
        contributors.add(work);
    }

    /** Forgets every contributor (the panes of the database left behind). */
    public void clear() {
        contributors.clear();
    }

    /** What each contributor would lose, in order; empty when leaving loses nothing. */
    public List<String> pending() {
        var pending = new ArrayList<String>();
        for (var work : contributors) work.pending().ifPresent(pending::add);
        return List.copyOf(pending);
    }

    /** Commits every contributor with pending work, in order; {@code done} once all have, else {@code failed}. */
    public void commitAll(Runnable done, Consumer<Throwable> failed) {
        endEach(List.copyOf(contributors), true, done, failed);
    }

    /** Rolls back every contributor with pending work, in order; {@code done} once all have, else {@code failed}. */
    public void rollbackAll(Runnable done, Consumer<Throwable> failed) {
        endEach(List.copyOf(contributors), false, done, failed);
    }

    private static void endEach(List<PendingWork> left, boolean commit, Runnable done, Consumer<Throwable> failed) {
        int next = 0;
        while (next < left.size() && left.get(next).pending().isEmpty()) next++;
        if (next == left.size()) {
            done.run();
            return;
        }
        var work = left.get(next);
        var rest = left.subList(next + 1, left.size());
        Runnable then = () -> endEach(rest, commit, done, failed);
        if (commit) work.commit(then, failed);
        else work.rollback(then, failed);
    }
}
