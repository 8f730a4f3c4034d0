package dev.athanor.app.console;

import dev.athanor.model.engine.LockWait;
import java.time.Duration;
import java.util.ArrayList;

/** Says in one line what a waiting statement waits for, as the console's status line shows it. */
final class LockWaitMessage {
    /** Characters of a holder's statement shown. */
    private static final int QUERY_LENGTH = 80;

    private LockWaitMessage() {}

    /**
     * E.g. "Waiting for a lock on resumes held by pid 1234 (Athanor's table data, idle in transaction for 2 min):
     * SELECT * FROM resumes. That is one of Athanor's own connections. Cancel (Esc) stops waiting."
     */
    static String of(LockWait wait) {
        var holders = new ArrayList<String>();
        boolean own = false;
        for (var holder : wait.holders()) {
            own |= holder.isOwn();
            String query = shortened(holder.query());
            holders.add("pid " + holder.pid() + " (" + who(holder) + ", " + holder.state() + " for "
                    + duration(holder.inState()) + ")" + (query.isEmpty() ? "" : ": " + query));
        }
        String what = wait.relation().map(relation -> "a lock on " + relation).orElse("a lock");
        String text = "Waiting for " + what + " held by " + String.join("; ", holders);
        if (!text.endsWith(".")) text += ".";
        if (own) {
            text += wait.holders().size() == 1
                    ? " That is one of Athanor's own connections."
                    : " Some of them are Athanor's own connections.";
        }
        return text + " Cancel (Esc) stops waiting.";
    }

    private static String who(LockWait.Holder holder) {
        if (holder.origin().isPresent()) return "Athanor's " + holder.origin().get();
        if ("Athanor".equals(holder.applicationName())) return "another Athanor";
        return holder.applicationName().isBlank() ? "another session" : holder.applicationName();
    }

    private static String shortened(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= QUERY_LENGTH ? flat : flat.substring(0, QUERY_LENGTH) + "…";
    }

    /** "12 s", "2 min", "3 h 5 min". */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) return seconds + " s";
        long minutes = seconds / 60;
        if (minutes < 60) return minutes + " min";
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
