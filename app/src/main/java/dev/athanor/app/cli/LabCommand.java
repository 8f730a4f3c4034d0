package dev.athanor.app.cli;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.CatalogLoader;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.catalog.Relation;
import dev.athanor.model.engine.DatabaseException;
import dev.athanor.model.lab.LabParents;
import dev.athanor.model.lab.LabResult;
import dev.athanor.model.lab.LabScenario;
import dev.athanor.model.lab.StrategyLab;
import dev.athanor.model.lab.StrategyOutcome;
import dev.athanor.model.lab.UnknownRelationshipException;
import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationship;
import dev.athanor.model.relationship.Relationships;
import dev.athanor.model.session.LoadOption.EagerJoin;
import dev.athanor.query.project.ConnectionReference;
import dev.athanor.query.project.OpenedProject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code athanor lab}: the strategy lab without the window. Runs one browse scenario under each chosen loader
 * strategy and prints what each cost, with the recommendation; {@code --max-statements} turns it into a guard
 * against N+1 regressions.
 */
final class LabCommand {
    static final String USAGE = """
            usage: athanor lab (--table TABLE | --query NAME --project PROJECT --table TABLE) --path PATH...
                               [--where SQL] [--limit N] [--strategies S,S...] [--runs N] [--eager-filter SQL]
                               [--format table|json] [--max-statements N] [--url URL] [--debug]

            Loads parent rows and their related rows through a relationship path under each loader strategy,
            each in a fresh session that is rolled back, and prints the statements sent, the rows received, the
            parent rows a join repeated and the median time, with the strategy to use and why.

              --table TABLE         the parents' table (schema.table, or a table name of any schema)
              --query NAME          take the parents from this saved query of --project (its result must hold
                                    the table's primary key columns); give --table too
              --project PROJECT     the project file of --query; its own relationships are known too
              --path PATH           the relationships to load from the parents, dotted: resumes or
                                    resumes.vacancies (repeat for several paths)
              --where SQL           a condition on the parents, over the table's columns
              --limit N             at most N parents (in primary key order)
              --strategies LIST     comma-separated: lazy, joined, selectin, subquery, raise, contains_eager
                                    (default: all)
              --runs N              runs per strategy; the time shown is the median (default 3)
              --eager-filter SQL    contains_eager: the condition of the parents' own join to the relationship's
                                    rows (e.g. "workload = 'parttime'"); without it contains_eager does not apply
              --format FORMAT       table (default, for people) or json (one array of objects, one per strategy)
              --max-statements N    exit with status 6, naming the strategy, when a chosen strategy that ran
                                    sent more than N statements
              --url URL             connect here instead of the project's connection or the sample database
              --debug               print the full error report with stack trace on failure
            """ + CommandLine.EXIT_STATUSES;

    private LabCommand() {}

    static ExitStatus run(List<String> args, CommandContext context) {
        var arguments = Arguments.parse(
                args,
                Set.of(
                        "--table",
                        "--query",
                        "--project",
                        "--path",
                        "--where",
                        "--limit",
                        "--strategies",
                        "--runs",
                        "--eager-filter",
                        "--format",
                        "--max-statements",
                        "--url"),
                Set.of("--help", "-h", "--debug"));
        if (arguments.flag("--help") || arguments.flag("-h")) {
            context.out().print(USAGE);
            return ExitStatus.OK;
        }
        if (!arguments.positional().isEmpty()) {
            throw new CommandFailure(
                    ExitStatus.USAGE, "lab takes options only, not " + String.join(" ", arguments.positional()));
        }
        var tableName = arguments
                .value("--table")
                .orElseThrow(() -> new CommandFailure(ExitStatus.USAGE, "lab needs --table TABLE (the parents)"));
        var paths = arguments.values("--path");
        if (paths.isEmpty()) {
            throw new CommandFailure(ExitStatus.USAGE, "lab needs --path PATH (e.g. --path resumes)");
        }
        var json =
                switch (arguments.value("--format").orElse("table").strip().toLowerCase(Locale.ROOT)) {
                    case "table" -> false;
                    case "json" -> true;
                    default ->
                        throw new CommandFailure(
                                ExitStatus.USAGE,
                                "unknown format '" + arguments.value("--format").get() + "' (choose table or json)");
                };
        var strategies =
                arguments.value("--strategies").map(LabCommand::strategies).orElse(List.of(LoaderStrategy.values()));
        var limit = arguments.value("--limit").map(v -> number("--limit", v, 0));
        var runs = arguments.value("--runs").map(v -> number("--runs", v, 1)).orElse((long) LabScenario.DEFAULT_RUNS);
        var maxStatements = arguments.value("--max-statements").map(v -> number("--max-statements", v, 0));
        var queryName = arguments.value("--query");
        var projectFile = arguments.value("--project");
        if (queryName.isPresent() && projectFile.isEmpty()) {
            throw new CommandFailure(ExitStatus.USAGE, "--query needs --project PROJECT (the file that holds it)");
        }
        Optional<OpenedProject> project = projectFile.map(file -> RunCommand.open(Path.of(file), context));
        Optional<String> querySql = queryName.map(name -> {
            var saved = RunCommand.select(project.orElseThrow(), List.of(name)).getFirst();
            return PreparedQuery.of(saved, ParameterValues.parse(List.of())).inlined();
        });
        var reference = project.map(p -> p.project().connection()).orElse(ConnectionReference.none());

        try (var target = DatabaseTarget.choose(arguments.value("--url").orElse(null), reference, context)) {
            var catalog = catalog(target, context);
            var table = table(catalog, tableName);
            var relationships = relationships(catalog, project);
            var lab = new StrategyLab(target.engine(), catalog, relationships);
            var resolved = new ArrayList<List<Relationship>>();
            for (String path : paths) {
                try {
                    resolved.add(lab.path(table, path));
                } catch (UnknownRelationshipException e) {
                    throw new CommandFailure(ExitStatus.USAGE, e.getMessage(), e);
                } catch (IllegalArgumentException e) {
                    throw new CommandFailure(ExitStatus.USAGE, e.getMessage(), e);
                }
            }
            var parents = querySql.map(sql -> LabParents.query(table, queryName.get(), sql))
                    .orElse(LabParents.table(table));
            parents = arguments.value("--where").map(parents::where).orElse(parents);
            if (limit.isPresent()) {
                parents = parents.limit(limit.get());
            }
            var scenario = new LabScenario(
                    parents,
                    resolved,
                    strategies,
                    arguments.value("--eager-filter").map(EagerJoin::filtered),
                    Math.toIntExact(runs));
            LabResult result;
            try {
                result = lab.run(scenario);
            } catch (RuntimeException e) {
                var failure = e instanceof DatabaseException database ? database : target.classify(e);
                throw new CommandFailure(ExitStatus.QUERY, "the lab's load failed: " + failure.userMessage(), failure);
            }
            write(result, json, context);
            if (maxStatements.isPresent()) {
                var exceeding = result.exceeding(Math.toIntExact(maxStatements.get()));
                if (!exceeding.isEmpty()) {
                    context.err()
                            .println("athanor lab: more statements than --max-statements " + maxStatements.get()
                                    + ": "
                                    + String.join(
                                            ", ",
                                            exceeding.stream()
                                                    .map(o -> o.strategy().label() + " sent " + o.statementCount())
                                                    .toList()));
                    return ExitStatus.TOO_MANY_STATEMENTS;
                }
            }
            return ExitStatus.OK;
        }
    }

    private static List<LoaderStrategy> strategies(String list) {
        var chosen = new ArrayList<LoaderStrategy>();
        for (String name : list.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            chosen.add(LoaderStrategy.byName(name.strip())
                    .orElseThrow(() -> new CommandFailure(
                            ExitStatus.USAGE,
                            "unknown strategy '" + name.strip() + "' (choose from "
                                    + String.join(
                                            ", ",
                                            Arrays.stream(LoaderStrategy.values())
                                                    .map(LoaderStrategy::label)
                                                    .toList())
                                    + ")")));
        }
        if (chosen.isEmpty()) {
            throw new CommandFailure(ExitStatus.USAGE, "--strategies names no strategy");
        }
        return chosen;
    }

    private static long number(String option, String text, long least) {
        try {
            long value = Long.parseLong(text.strip());
            if (value < least) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new CommandFailure(
                    ExitStatus.USAGE, option + " needs a whole number of at least " + least + ", not '" + text + "'");
        }
    }

    /** The database's catalog, read through a connection of {@code target} that is closed again. */
    static Catalog catalog(DatabaseTarget target, CommandContext context) {
        try (Connection connection = target.connect(context)) {
            return CatalogLoader.load(connection);
        } catch (SQLException e) {
            throw new CommandFailure(ExitStatus.CONNECTION, "reading the catalog failed: " + e.getMessage(), e);
        }
    }

    /** The relationships the catalog's foreign keys imply, with the project's own over them. */
    static Relationships relationships(Catalog catalog, Optional<OpenedProject> project) {
        var relationships = Relationships.infer(catalog);
        for (Relationship own : project.map(p -> p.project().relationships()).orElse(List.of())) {
            relationships = relationships.with(own);
        }
        return relationships;
    }

    /** The table called {@code name}: {@code schema.table}, or a table name found in one schema only. */
    static QualifiedName table(Catalog catalog, String name) {
        int dot = name.indexOf('.');
        List<Relation> found = dot > 0
                ? catalog.relation(name.substring(0, dot), name.substring(dot + 1)).stream()
                        .toList()
                : catalog.relations().stream()
                        .filter(r -> r.qualifiedName().name().equals(name))
                        .toList();
        if (found.isEmpty()) {
            throw new CommandFailure(ExitStatus.USAGE, "the database has no table '" + name + "'");
        }
        if (found.size() > 1) {
            throw new CommandFailure(
                    ExitStatus.USAGE,
                    "several schemas have a table '" + name + "' ("
                            + String.join(
                                    ", ",
                                    found.stream()
                                            .map(r -> r.qualifiedName().toSql())
                                            .toList())
                            + "); name it as schema.table");
        }
        return found.getFirst().qualifiedName();
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("strategy", Column.Kind.TEXT),
            new Column("status", Column.Kind.TEXT),
            new Column("parents", Column.Kind.NUMBER),
            new Column("statements", Column.Kind.NUMBER),
            new Column("rows", Column.Kind.NUMBER),
            new Column("duplicated_parent_rows", Column.Kind.NUMBER),
            new Column("median_ms", Column.Kind.NUMBER));

    private static final Column NOTE = new Column("note", Column.Kind.TEXT);

    private static void write(LabResult result, boolean json, CommandContext context) {
        var output =
                new BufferedWriter(new OutputStreamWriter(new StandardOutput(context.out()), StandardCharsets.UTF_8));
        var recommended = result.recommendation().map(r -> r.strategy()).orElse(null);
        var title = "strategy lab: " + result.scenario().parents().describe() + ", loading "
                + String.join(
                        ", ",
                        result.scenario().paths().stream()
                                .map(LabScenario::dotted)
                                .toList());
        try {
            RowWriter writer = json ? new JsonRows(output, false) : new TableRows(output);
            var columns = new ArrayList<>(COLUMNS);
            if (json) {
                columns.add(NOTE);
            }
            writer.begin(title, columns);
            for (StrategyOutcome outcome : result.outcomes()) {
                var values = new ArrayList<String>(List.of(
                        outcome.strategy().label(),
                        status(outcome, recommended),
                        Integer.toString(outcome.parents()),
                        Integer.toString(outcome.statementCount()),
                        Long.toString(outcome.rowsReceived()),
                        Long.toString(outcome.duplicateParentRows()),
                        String.format(Locale.ROOT, "%.1f", outcome.time().toNanos() / 1_000_000.0)));
                if (!outcome.applicable()) {
                    values.subList(2, values.size()).replaceAll(v -> null);
                }
                if (json) {
                    values.add(note(outcome, result));
                }
                writer.row(values.toArray(String[]::new));
            }
            writer.end();
            writer.finish();
            if (!json) {
                output.write(result.recommendation()
                        .map(r -> "recommended: " + r.reason())
                        .orElse("no recommendation: no strategy loaded everything"));
                output.write('\n');
                for (StrategyOutcome outcome : result.outcomes()) {
                    if (!outcome.succeeded()) {
                        output.write(outcome.strategy().label() + ": " + note(outcome, result) + "\n");
                    }
                }
            }
            output.flush();
        } catch (StandardOutput.ClosedOutput readerGone) {
            // Nobody reads any more; the exit status still tells the outcome.
        } catch (IOException e) {
            throw new CommandFailure(ExitStatus.QUERY, "writing the results failed: " + e.getMessage(), e);
        }
    }

    private static String status(StrategyOutcome outcome, LoaderStrategy recommended) {
        if (!outcome.applicable()) {
            return "not applicable";
        }
        if (outcome.error().isPresent()) {
            return "fails";
        }
        return outcome.strategy() == recommended ? "recommended" : "ok";
    }

    private static String note(StrategyOutcome outcome, LabResult result) {
        if (!outcome.applicable()) {
            return "not applicable: " + outcome.notApplicable().get();
        }
        if (outcome.error().isPresent()) {
            return "fails: " + outcome.error().get();
        }
        var recommendation = result.recommendation();
        if (recommendation.isPresent() && recommendation.get().strategy() == outcome.strategy()) {
            return recommendation.get().reason();
        }
        return outcome.warnings().isEmpty()
                ? null
                : outcome.warnings().getFirst().message();
    }
}
