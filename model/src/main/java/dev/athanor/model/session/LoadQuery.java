package dev.athanor.model.session;

import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationship;
import dev.athanor.model.relationship.Relationship.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Parent rows to load and the relationships to load with them, each with its strategy: SQLAlchemy's {@code
 * select(WorkersOrm).where(...).order_by(...).limit(...).options(selectinload(WorkersOrm.resumes))}. Immutable;
 * build it with the withers:
 *
 * <pre>{@code
 * LoadQuery.of(workers)
 *         .where("id <= 100")
 *         .orderBy(new SortKey("id", false))
 *         .limit(50)
 *         .with(LoaderStrategy.SELECTIN, resumes)
 *         .with(LoaderStrategy.SELECTIN, resumes, vacancies)   // worker -> resumes -> vacancies
 * }</pre>
 *
 * @param table the parents' table
 * @param where a condition on the parents, SQL over the table's columns written unqualified; empty for all rows
 * @param orderBy the parents' order
 * @param limit at most this many parents
 * @param offset parents skipped first
 * @param options the relationships to load, by path from the parents; a path's earlier steps must be options too
 *     (added first), each step keeps its own strategy
 */
public record LoadQuery(
        QualifiedName table,
        Optional<String> where,
        List<SortKey> orderBy,
        OptionalLong limit,
        OptionalLong offset,
        List<LoadOption> options) {

    public LoadQuery {
        Objects.requireNonNull(table, "table");
        where = Objects.requireNonNull(where, "where").filter(w -> !w.isBlank());
        orderBy = List.copyOf(orderBy);
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(offset, "offset");
        options = List.copyOf(options);
        for (LoadOption option : options) {
            Relationship first = option.path().getFirst();
            if (!first.parent().equals(table)) {
                throw new IllegalArgumentException(first.qualifiedName() + " does not start from " + table
                        + "; a load path starts at the parents");
            }
        }
    }

    /** Every row of {@code table}, no relationships. */
    public static LoadQuery of(QualifiedName table) {
        return new LoadQuery(table, Optional.empty(), List.of(), OptionalLong.empty(), OptionalLong.empty(), List.of());
    }

    /** Only the parents matching {@code condition} (SQL over the parents' columns, unqualified). */
    public LoadQuery where(String condition) {
        return new LoadQuery(table, Optional.ofNullable(condition), orderBy, limit, offset, options);
    }

    /** The parents in this order. */
    public LoadQuery orderBy(SortKey... keys) {
        return new LoadQuery(table, where, List.of(keys), limit, offset, options);
    }

    /** At most {@code rows} parents. */
    public LoadQuery limit(long rows) {
        return new LoadQuery(table, where, orderBy, OptionalLong.of(rows), offset, options);
    }

    /** Skips the first {@code rows} parents. */
    public LoadQuery offset(long rows) {
        return new LoadQuery(table, where, orderBy, limit, OptionalLong.of(rows), options);
    }

    /** Also loads the relationship at the end of {@code path} with {@code strategy}. */
    public LoadQuery with(LoaderStrategy strategy, Relationship... path) {
        return with(new LoadOption(List.of(path), strategy, Optional.empty()));
    }

    /** Also loads through {@code option}; an option for the same path replaces the earlier one. */
    public LoadQuery with(LoadOption option) {
        var all = new ArrayList<LoadOption>();
        for (LoadOption existing : options) {
            if (!existing.path().equals(option.path())) {
                all.add(existing);
            }
        }
        all.add(option);
        return new LoadQuery(table, where, orderBy, limit, offset, all);
    }

    /** The same query with every option's strategy (at every depth) replaced by {@code strategy}. */
    public LoadQuery withEveryStrategy(LoaderStrategy strategy) {
        return new LoadQuery(
                table,
                where,
                orderBy,
                limit,
                offset,
                options.stream()
                        .map(o -> new LoadOption(o.path(), strategy, o.eagerJoin()))
                        .toList());
    }
}
