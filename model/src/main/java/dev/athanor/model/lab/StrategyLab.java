package dev.athanor.model.lab;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.PrimaryKey;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.catalog.Relation;
import dev.athanor.model.catalog.SqlIdentifiers;
import dev.athanor.model.engine.Engine;
import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationship;
import dev.athanor.model.relationship.Relationship.SortKey;
import dev.athanor.model.relationship.Relationships;
import dev.athanor.model.session.LoadOption;
import dev.athanor.model.session.LoadQuery;
import dev.athanor.model.session.LoadReport;
import dev.athanor.model.session.LoadResult;
import dev.athanor.model.session.RaiseLoadException;
import dev.athanor.model.session.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a {@link LabScenario} under each of its strategies, each run in a fresh {@link Session} that is rolled back
 * and closed, and compares what they cost. Blocks while statements run: never call it on a UI thread.
 *
 * <p>The recommendation is the strategy that loaded everything and ranks first by, in order: repeating no parent
 * row (a join's repetition grows with the collection), the fewest statements (a {@code subquery} statement counts
 * twice, since it runs the parents' query again), the shortest median time. {@code raise} never loads, so it is
 * never recommended.
 */
public final class StrategyLab {
    /** The origin the lab's statements are echoed under. */
    public static final String ORIGIN = "lab";

    private final Engine engine;
    private final Catalog catalog;
    private final Relationships relationships;

    /** A lab on {@code engine} for {@code catalog}'s tables, with these relationships (inferred plus the user's). */
    public StrategyLab(Engine engine, Catalog catalog, Relationships relationships) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.relationships = Objects.requireNonNull(relationships, "relationships");
    }

    /** The relationships the lab resolves paths with. */
    public Relationships relationships() {
        return relationships;
    }

    /**
     * The relationships a dotted path names from {@code table}: {@code resumes.vacancies_replied} from {@code
     * workers} is {@code [workers.resumes, resumes.vacancies_replied]}.
     *
     * @throws UnknownRelationshipException naming the table's relationships when a step is not one of them
     */
    public List<Relationship> path(QualifiedName table, String dotted) {
        if (dotted == null || dotted.isBlank()) {
            throw new IllegalArgumentException("A relationship path is empty");
        }
        var path = new ArrayList<Relationship>();
        QualifiedName from = table;
        for (String step : dotted.strip().split("\\.", -1)) {
            String name = step.strip();
            QualifiedName at = from;
            Relationship relationship = relationships
                    .find(at, name)
                    .orElseThrow(() -> new UnknownRelationshipException(
                            at,
                            name,
                            relationships.of(at).stream()
                                    .map(Relationship::name)
                                    .toList()));
            path.add(relationship);
            from = relationship.target();
        }
        return List.copyOf(path);
    }

    /** Runs every strategy of {@code scenario}. */
    public LabResult run(LabScenario scenario) {
        return run(scenario, outcome -> {});
    }

    /** Runs every strategy of {@code scenario}, telling {@code progress} each outcome as it is measured. */
    public LabResult run(LabScenario scenario, Consumer<StrategyOutcome> progress) {
        var outcomes = new ArrayList<StrategyOutcome>();
        for (LoaderStrategy strategy : scenario.strategies()) {
            StrategyOutcome outcome = notApplicableReason(scenario, strategy)
                    .map(reason -> StrategyOutcome.notApplicable(strategy, reason))
                    .orElseGet(() -> measure(scenario, strategy));
            outcomes.add(outcome);
            progress.accept(outcome);
        }
        return new LabResult(scenario, outcomes, recommend(scenario, outcomes));
    }

    /** Why {@code strategy} cannot run {@code scenario}, if it cannot. */
    static Optional<String> notApplicableReason(LabScenario scenario, LoaderStrategy strategy) {
        if (strategy != LoaderStrategy.CONTAINS_EAGER) {
            return Optional.empty();
        }
        if (scenario.eagerJoin().isEmpty()) {
            return Optional.of("contains_eager fills the collection from the parents' query's own join,"
                    + " and the scenario has none (give a join filter or a first-row order)");
        }
        if (scenario.paths().size() != 1 || scenario.depth() != 1) {
            return Optional.of("contains_eager fills one relationship of the parents themselves, not a path of "
                    + scenario.depth() + " steps");
        }
        return Optional.empty();
    }

    /** The load {@code strategy} makes of {@code scenario}: every step of every path with that strategy. */
    LoadQuery query(LabScenario scenario, LoaderStrategy strategy) {
        LabParents parents = scenario.parents();
        Relation table = catalog.relation(parents.table())
                .orElseThrow(() -> new IllegalArgumentException(
                        "No table " + parents.table().toSql()));
        List<String> key = table.primaryKey().map(PrimaryKey::columns).orElse(List.of());
        LoadQuery query = LoadQuery.of(parents.table());
        var conditions = new ArrayList<String>();
        parents.query().ifPresent(sql -> {
            if (key.isEmpty()) {
                throw new IllegalArgumentException("Parents from a saved query need a primary key on "
                        + parents.table().toSql() + " to find its rows by");
            }
            String columns =
                    String.join(", ", key.stream().map(SqlIdentifiers::quote).toList());
            String tuple = key.size() == 1 ? columns : "(" + columns + ")";
            conditions.add(tuple + " IN (SELECT " + columns + " FROM (" + sql + ") AS saved_query)");
        });
        parents.where().ifPresent(w -> conditions.add("(" + w + ")"));
        if (!conditions.isEmpty()) {
            query = query.where(String.join(" AND ", conditions));
        }
        if (!key.isEmpty()) {
            query = query.orderBy(key.stream().map(c -> new SortKey(c, false)).toArray(SortKey[]::new));
        }
        if (parents.limit().isPresent()) {
            query = query.limit(parents.limit().getAsLong());
        }
        if (strategy == LoaderStrategy.CONTAINS_EAGER) {
            Relationship relationship = scenario.paths().getFirst().getFirst();
            return query.with(
                    LoadOption.containsEager(relationship, scenario.eagerJoin().orElseThrow()));
        }
        var steps = new LinkedHashSet<List<Relationship>>();
        for (List<Relationship> path : scenario.paths()) {
            for (int i = 1; i <= path.size(); i++) {
                steps.add(List.copyOf(path.subList(0, i)));
            }
        }
        for (List<Relationship> step : steps) {
            query = query.with(strategy, step.toArray(Relationship[]::new));
        }
        return query;
    }

    private StrategyOutcome measure(LabScenario scenario, LoaderStrategy strategy) {
        LoadQuery query = query(scenario, strategy);
        var times = new ArrayList<Duration>();
        LoadReport last = LoadReport.empty();
        int parents = 0;
        Optional<String> error = Optional.empty();
        for (int run = 0; run < scenario.runs() && error.isEmpty(); run++) {
            try (Session session = Session.open(engine, catalog, ORIGIN)) {
                try {
                    LoadResult result = session.load(query);
                    last = result.report();
                    parents = result.rows().size();
                } catch (RaiseLoadException e) {
                    last = e.report();
                    error = Optional.of(e.getMessage());
                } finally {
                    session.rollback();
                }
            }
            times.add(last.elapsed());
        }
        return new StrategyOutcome(
                strategy,
                Optional.empty(),
                error,
                parents,
                last.statementCount(),
                last.rowsReceived(),
                last.duplicateParentRows(),
                median(times),
                times,
                last.statements(),
                last.warnings());
    }

    static Duration median(List<Duration> times) {
        if (times.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = times.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1
                ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    /** The effective statement count the ranking uses: a subquery statement also runs the parents' query. */
    static int weightedStatements(StrategyOutcome outcome) {
        int repeated = (int) outcome.statements().stream()
                .filter(s -> s.strategy().equals(LoaderStrategy.SUBQUERY.label())
                        || s.strategy().equals(LoaderStrategy.SUBQUERY.sqlAlchemyName()))
                .count();
        return outcome.statementCount() + repeated;
    }

    static Optional<Recommendation> recommend(LabScenario scenario, List<StrategyOutcome> outcomes) {
        List<StrategyOutcome> ranked = outcomes.stream()
                .filter(StrategyOutcome::succeeded)
                .sorted(Comparator.comparing((StrategyOutcome o) -> o.duplicateParentRows() > 0)
                        .thenComparingInt(StrategyLab::weightedStatements)
                        .thenComparing(StrategyOutcome::time))
                .toList();
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        StrategyOutcome best = ranked.getFirst();
        var reason = new StringBuilder(String.format(
                Locale.ROOT,
                "%s: %,d statement%s",
                best.strategy().label(),
                best.statementCount(),
                best.statementCount() == 1 ? "" : "s"));
        ranked.stream()
                .filter(o -> o.statementCount() > best.statementCount())
                .max(Comparator.comparingInt(StrategyOutcome::statementCount))
                .ifPresent(worst -> reason.append(String.format(
                        Locale.ROOT,
                        " instead of %,d with %s",
                        worst.statementCount(),
                        worst.strategy().label())));
        if (best.duplicateParentRows() == 0) {
            ranked.stream()
                    .filter(o -> o.duplicateParentRows() > 0)
                    .forEach(o -> reason.append(String.format(
                            Locale.ROOT,
                            "; %s repeats each %s row %.1f times",
                            o.strategy().label(),
                            scenario.parents().table().name(),
                            o.parentRepetition())));
        }
        ranked.stream()
                .filter(o -> o != best
                        && weightedStatements(o) == weightedStatements(best)
                        && (o.duplicateParentRows() > 0) == (best.duplicateParentRows() > 0))
                .forEach(o -> reason.append("; faster than ")
                        .append(o.strategy().label())
                        .append(" (")
                        .append(LabResult.millis(best.time()))
                        .append(" against ")
                        .append(LabResult.millis(o.time()))
                        .append(")"));
        if (best.duplicateParentRows() > 0) {
            reason.append(String.format(
                    Locale.ROOT,
                    "; it repeats each %s row %.1f times, but every strategy that loaded everything repeats parents",
                    scenario.parents().table().name(),
                    best.parentRepetition()));
        }
        return Optional.of(new Recommendation(best.strategy(), reason.toString()));
    }
}
