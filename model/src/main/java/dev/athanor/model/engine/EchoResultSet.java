package dev.athanor.model.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jooq.tools.jdbc.DefaultResultSet;

/**
 * A result set that counts the rows read and reports when the result ends or closes, for the echo log.
 *
 * <p>jOOQ's {@link DefaultResultSet} does the delegation with direct calls (grids read every cell through it, and
 * reflective calls would show on large results); only moving, closing and unwrapping differ.
 */
final class EchoResultSet extends DefaultResultSet {

    /** Told how many rows were read: the full count at the end, or -1 when closed before the end. */
    interface Ending {
        void ended(long rows);
    }

    private final ResultSet target;
    private final Ending ending;
    private long rows;

    EchoResultSet(ResultSet target, Statement statement, Ending ending) {
        super(target, statement);
        this.target = target;
        this.ending = ending;
    }

    @Override
    public boolean next() throws SQLException {
        var more = target.next();
        if (more) {
            rows++;
        } else {
            ending.ended(rows);
        }
        return more;
    }

    @Override
    public void close() throws SQLException {
        try {
            target.close();
        } finally {
            ending.ended(-1);
        }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }
}
