package dev.athanor.app.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** {@code athanor sql}: prints the SQL of a saved query, with placeholders and bind values or with values inlined. */
final class SqlCommand {
    static final String USAGE = """
            usage: athanor sql PROJECT --query NAME [--literal] [--param NAME=VALUE]... [--debug]

            Prints the SQL of one saved query of PROJECT without running it.

              --query NAME        the query to print
              --literal           write the values into the SQL as literals (ready to paste into psql);
                                  without it, the SQL has ? placeholders followed by the bind values in order
              --param NAME=VALUE  value of a query parameter (repeatable); defaults come from the project
              --debug             print the full error report with stack trace on failure
            """ + CommandLine.EXIT_STATUSES;

    private SqlCommand() {}

    static ExitStatus run(List<String> args, CommandContext context) {
        var arguments =
                Arguments.parse(args, Set.of("--query", "--param"), Set.of("--help", "-h", "--debug", "--literal"));
        if (arguments.flag("--help") || arguments.flag("-h")) {
            context.out().print(USAGE);
            return ExitStatus.OK;
        }
        var file = CommandLine.projectArgument(arguments, "sql");
        var name = arguments
                .value("--query")
                .orElseThrow(() -> new CommandFailure(ExitStatus.USAGE, "sql needs --query NAME"));
        var opened = RunCommand.open(file, context);
        var query = RunCommand.select(opened, List.of(name)).getFirst();
        var parameters = ParameterValues.parse(arguments.values("--param"));
        parameters.requireDeclared(List.of(query));
        var prepared = PreparedQuery.of(query, parameters);
        var out = context.out();
        if (arguments.flag("--literal")) {
            out.println(prepared.inlined() + ";");
        } else {
            out.println(prepared.sql().sql() + ";");
            var binds = prepared.sql().bindValues();
            if (!binds.isEmpty()) {
                out.println("-- bind values, in placeholder order:");
                for (var i = 0; i < binds.size(); i++) {
                    out.println("-- " + (i + 1) + ": " + describe(binds.get(i)));
                }
            }
        }
        out.flush();
        return ExitStatus.OK;
    }

    /** A bind value as a person reads it: text quoted as in SQL, with its Java-side type. */
    private static String describe(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            var text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
            return text + " (" + typeName(value) + ")";
        }
        return "'" + value.toString().replace("'", "''") + "' (" + typeName(value) + ")";
    }

    private static String typeName(Object value) {
        return switch (value) {
            case Integer ignored -> "integer";
            case Long ignored -> "bigint";
            case BigDecimal ignored -> "numeric";
            case Double ignored -> "double precision";
            case Boolean ignored -> "boolean";
            case String ignored -> "text";
            case java.time.LocalDate ignored -> "date";
            case java.time.LocalTime ignored -> "time";
            case java.time.LocalDateTime ignored -> "timestamp";
            case java.time.OffsetDateTime ignored -> "timestamptz";
            case java.util.UUID ignored -> "uuid";
            default -> value.getClass().getSimpleName();
        };
    }
}
