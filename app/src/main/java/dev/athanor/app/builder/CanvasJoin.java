package dev.athanor.app.builder;

import dev.athanor.query.model.TableSource;

/**
 * A line on the canvas: one {@code left.column = right.column} pair of a join condition. A composite key joins
 * with several lines of the same {@code join}; a CROSS join or a condition without column pairs draws one line
 * between the boxes' titles ({@code null} columns).
 *
 * @param join the join's number, left to right in the SQL
 * @param leftAlias the box on one end
 * @param leftColumn its column, or {@code null}
 * @param rightAlias the box on the other end
 * @param rightColumn its column, or {@code null}
 * @param type the join type
 */
public record CanvasJoin(
        int join,
        String leftAlias,
        String leftColumn,
        String rightAlias,
        String rightColumn,
        TableSource.Join.Type type) {}
