package dev.athanor.app.graph;

import dev.athanor.app.problem.Problem;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationship;
import dev.athanor.model.relationship.Relationships;
import dev.athanor.model.session.LoadOption;
import dev.athanor.model.session.LoadQuery;
import dev.athanor.model.session.LoadReport;
import dev.athanor.model.session.RaiseLoadException;
import dev.athanor.model.session.Row;
import dev.athanor.model.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The browser's work on the session's lane: loading the roots, expanding a relationship with a strategy, and the
 * labels of the objects (read there: an expired attribute would send SQL). Failures come back as results.
 */
final class GraphLoads {
    /** Columns that name a row for people, in order of preference. */
    private static final List<String> NAMING_COLUMNS = List.of("username", "name", "title", "email", "login");

    private GraphLoads() {}

    /** One object as the tree shows it, read on the lane. */
    record ObjectView(Row row, String label, List<Relationship> relationships) {}

    /**
     * What a load gave: the objects (roots, or the rows the expanded relationship leads to), what it sent, and why
     * it failed (then null objects).
     */
    record Loaded(List<ObjectView> objects, LoadReport report, Problem problem, String note, Optional<String> warning) {
        Loaded(List<ObjectView> objects, LoadReport report, Problem problem, String note) {
            this(objects, report, problem, note, Optional.empty());
        }

        static Loaded failed(Problem problem, LoadReport report) {
            return new Loaded(null, report, problem, "");
        }

        /** This result with the N+1 warning the session raised since it had {@code before} of them, if any. */
        Loaded warned(Session session, int before) {
            var warnings = session.nPlusOneWarnings();
            if (warnings.size() <= before) return this;
            return new Loaded(
                    objects,
                    report,
                    problem,
                    note,
                    Optional.of(warnings.getLast().message()));
        }
    }

    /** Loads the parents of {@code query}: the roots of the graph. */
    static Loaded roots(Session session, Relationships relationships, LoadQuery query) {
        try {
            var result = session.load(query);
            return new Loaded(views(session, relationships, result.rows()), result.report(), null, "");
        } catch (RuntimeException e) {
            return Loaded.failed(
                    Problem.describe("Could not load " + query.table().name(), e), LoadReport.empty());
        }
    }

    /**
     * Loads {@code relationship} of {@code owner} with {@code strategy}. Lazy loads this object's rows alone (none
     * when they are loaded already); raise refuses to load what is not loaded; the eager strategies load the
     * relationship of every sibling at once: for the roots by running their query again with the option (what
     * {@code select(...).options(selectinload(...))} sends), below them through the session's loads of rows
     * already loaded.
     *
     * @param siblings the objects beside {@code owner} (itself included) under the same line
     * @param rootQuery the roots' query when {@code owner} is a root, else empty
     * @param force load even when the rows are loaded already (after a change of strategy)
     */
    static Loaded expand(
            Session session,
            Relationships relationships,
            Row owner,
            Relationship relationship,
            LoaderStrategy strategy,
            List<Row> siblings,
            Optional<LoadQuery> rootQuery,
            boolean force) {
        String note = "";
        LoadReport report = LoadReport.empty();
        int warned = session.nPlusOneWarnings().size();
        try {
            if (session.isLoaded(owner, relationship) && (!force || strategy == LoaderStrategy.LAZY)) {
                note = "Already loaded: nothing sent.";
            } else {
                switch (strategy) {
                    case LAZY -> {
                        session.related(owner, relationship);
                        report = session.lastLoadReport();
                    }
                    case RAISE -> {
                        session.related(owner, relationship.withLoading(LoaderStrategy.RAISE));
                        report = session.lastLoadReport();
                    }
                    default -> {
                        if (rootQuery.isPresent()) {
                            report = session.load(rootQuery.get().with(strategy, relationship))
                                    .report();
                        } else {
                            report = session.loadRelated(siblings, List.of(LoadOption.of(strategy, relationship)));
                        }
                    }
                }
            }
            var rows = session.loadedRelated(owner, relationship).orElseGet(() -> session.related(owner, relationship));
            return new Loaded(views(session, relationships, rows), report, null, note).warned(session, warned);
        } catch (RaiseLoadException e) {
            return Loaded.failed(
                    new Problem(
                            "Not loaded (strategy raise)",
                            e.getMessage(),
                            e.relationship().qualifiedName()),
                    e.report());
        } catch (RuntimeException e) {
            return Loaded.failed(Problem.describe("Could not load " + relationship.name(), e), report);
        }
    }

    static List<ObjectView> views(Session session, Relationships relationships, List<Row> rows) {
        var views = new ArrayList<ObjectView>(rows.size());
        for (Row row : rows) {
            QualifiedName table = row.mapping().name();
            views.add(new ObjectView(row, label(row), relationships.of(table)));
        }
        return views;
    }

    /** {@code workers #3 · alice}: the table, the key, and a naming column when the row has one loaded. */
    static String label(Row row) {
        var text = new StringBuilder(row.mapping().name().name());
        text.append(' ')
                .append(row.key()
                        .map(key -> key.values().size() == 1
                                ? "#" + key.values().getFirst()
                                : key.values().toString().replace('[', '(').replace(']', ')'))
                        .orElse("(new)"));
        for (String column : NAMING_COLUMNS) {
            var found = row.mapping().columns().stream()
                    .filter(c -> c.name().toLowerCase(Locale.ROOT).equals(column))
                    .findFirst();
            if (found.isPresent() && !row.isExpired(found.get().name())) {
                Object value = row.get(found.get().name());
                if (value != null) text.append(" · ").append(value);
                break;
            }
        }
        return text.toString();
    }
}
