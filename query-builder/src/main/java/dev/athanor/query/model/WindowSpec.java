package dev.athanor.query.model;

import java.util.List;
import java.util.Objects;

/**
 * A window: {@code OVER name} when only {@code name} is set, else
 * {@code OVER (PARTITION BY ... ORDER BY ... frame)}.
 *
 * @param name a window named in the WINDOW clause, or {@code null}
 * @param partitionBy PARTITION BY expressions
 * @param orderBy ORDER BY items
 * @param frame the frame clause or {@code null} for the default frame
 */
public record WindowSpec(String name, List<Expression> partitionBy, List<SortItem> orderBy, Frame frame) {
    public WindowSpec {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
        if (name != null && (!partitionBy.isEmpty() || !orderBy.isEmpty() || frame != null)) {
            throw new IllegalArgumentException("A reference to the named window " + name + " adds nothing else");
        }
    }

    /** {@code OVER name}, a window of the WINDOW clause. */
    public static WindowSpec named(String name) {
        return new WindowSpec(Objects.requireNonNull(name, "name"), List.of(), List.of(), null);
    }

    /** {@code OVER (PARTITION BY expressions)}. */
    public static WindowSpec partitionBy(Expression... expressions) {
        return new WindowSpec(null, List.of(expressions), List.of(), null);
    }

    /** {@code OVER ()}: the whole result is one partition. */
    public static WindowSpec empty() {
        return new WindowSpec(null, List.of(), List.of(), null);
    }

    public WindowSpec withName(String newName) {
        return new WindowSpec(newName, partitionBy, orderBy, frame);
    }

    public WindowSpec withPartitionBy(List<Expression> newPartitionBy) {
        return new WindowSpec(name, newPartitionBy, orderBy, frame);
    }

    public WindowSpec withOrderBy(List<SortItem> newOrderBy) {
        return new WindowSpec(name, partitionBy, newOrderBy, frame);
    }

    /** This window ordered by the given items. */
    public WindowSpec withOrderBy(SortItem... newOrderBy) {
        return withOrderBy(List.of(newOrderBy));
    }

    public WindowSpec withFrame(Frame newFrame) {
        return new WindowSpec(name, partitionBy, orderBy, newFrame);
    }

    /**
     * A frame clause {@code unit BETWEEN start AND end}, or {@code unit start} when {@code end} is {@code null}.
     */
    public record Frame(Unit unit, Bound start, Bound end) {
        /** How the frame counts: physical rows, value range, or peer groups. */
        public enum Unit {
            ROWS,
            RANGE,
            GROUPS
        }

        public Frame {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(start, "start");
        }

        /** {@code unit BETWEEN start AND end}. */
        public static Frame between(Unit unit, Bound start, Bound end) {
            return new Frame(unit, start, Objects.requireNonNull(end, "end"));
        }

        public Frame withUnit(Unit newUnit) {
            return new Frame(newUnit, start, end);
        }

        public Frame withStart(Bound newStart) {
            return new Frame(unit, newStart, end);
        }

        public Frame withEnd(Bound newEnd) {
            return new Frame(unit, start, newEnd);
        }
    }

    /**
     * One end of a frame; {@code offset} is the number of rows (or groups) for {@code PRECEDING} and
     * {@code FOLLOWING}, else {@code null}.
     */
    public record Bound(Kind kind, Integer offset) {
        /** Kinds of frame bounds. */
        public enum Kind {
            UNBOUNDED_PRECEDING,
            PRECEDING,
            CURRENT_ROW,
            FOLLOWING,
            UNBOUNDED_FOLLOWING
        }

        public Bound {
            Objects.requireNonNull(kind, "kind");
            boolean needsOffset = kind == Kind.PRECEDING || kind == Kind.FOLLOWING;
            if (needsOffset != (offset != null)) {
                throw new IllegalArgumentException(needsOffset ? kind + " needs an offset" : kind + " takes no offset");
            }
            if (offset != null && offset < 0) {
                throw new IllegalArgumentException("A frame offset cannot be negative: " + offset);
            }
        }

        /** {@code UNBOUNDED PRECEDING}. */
        public static Bound unboundedPreceding() {
            return new Bound(Kind.UNBOUNDED_PRECEDING, null);
        }

        /** {@code n PRECEDING}. */
        public static Bound preceding(int rows) {
            return new Bound(Kind.PRECEDING, rows);
        }

        /** {@code CURRENT ROW}. */
        public static Bound currentRow() {
            return new Bound(Kind.CURRENT_ROW, null);
        }

        /** {@code n FOLLOWING}. */
        public static Bound following(int rows) {
            return new Bound(Kind.FOLLOWING, rows);
        }

        /** {@code UNBOUNDED FOLLOWING}. */
        public static Bound unboundedFollowing() {
            return new Bound(Kind.UNBOUNDED_FOLLOWING, null);
        }
    }
}
