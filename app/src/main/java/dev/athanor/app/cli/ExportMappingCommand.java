package dev.athanor.app.cli;

import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.query.export.SqlAlchemyMappingExporter;
import dev.athanor.query.project.ConnectionReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code athanor export-mapping}: the SQLAlchemy 2.0 declarative mapping and Pydantic DTOs of chosen tables. */
final class ExportMappingCommand {
    static final String USAGE = """
            usage: athanor export-mapping --tables T,T... [--project PROJECT] [--output FILE] [--url URL] [--debug]

            Writes a Python module mapping the tables in SQLAlchemy 2.0's declarative style (Mapped[...],
            mapped_column, ForeignKey, enums, relationship() with back_populates, secondary and lazy=) and their
            Pydantic DTOs (NameAddDTO, NameDTO, NameRelDTO).

              --tables LIST       comma-separated tables (schema.table, or a name found in one schema only); the
                                  association table of a many-to-many between them is mapped too
              --project PROJECT   also map the project's own relationships (resumes_parttime) and use its connection
              --output FILE       write the module here instead of standard output
              --url URL           connect here instead of the project's connection or the sample database
              --debug             print the full error report with stack trace on failure
            """ + CommandLine.EXIT_STATUSES;

    private ExportMappingCommand() {}

    static ExitStatus run(List<String> args, CommandContext context) {
        var arguments = Arguments.parse(
                args, Set.of("--tables", "--project", "--output", "--url"), Set.of("--help", "-h", "--debug"));
        if (arguments.flag("--help") || arguments.flag("-h")) {
            context.out().print(USAGE);
            return ExitStatus.OK;
        }
        var names = arguments.value("--tables").stream()
                .flatMap(list -> List.of(list.split(",")).stream())
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .toList();
        if (names.isEmpty()) {
            throw new CommandFailure(ExitStatus.USAGE, "export-mapping needs --tables T,T...");
        }
        var project = arguments.value("--project").map(file -> RunCommand.open(Path.of(file), context));
        var reference = project.map(p -> p.project().connection()).orElse(ConnectionReference.none());
        String module;
        try (var target = DatabaseTarget.choose(arguments.value("--url").orElse(null), reference, context)) {
            var catalog = LabCommand.catalog(target, context);
            var tables = new ArrayList<QualifiedName>();
            for (String name : names) {
                tables.add(LabCommand.table(catalog, name));
            }
            var relationships = LabCommand.relationships(catalog, project);
            module = SqlAlchemyMappingExporter.export(catalog, relationships, tables);
        }
        var output = arguments.value("--output");
        if (output.isPresent()) {
            try {
                Files.writeString(Path.of(output.get()), module, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CommandFailure(ExitStatus.USAGE, "cannot write " + output.get() + ": " + e.getMessage(), e);
            }
        } else {
            context.out().print(module);
            context.out().flush();
        }
        return ExitStatus.OK;
    }
}
