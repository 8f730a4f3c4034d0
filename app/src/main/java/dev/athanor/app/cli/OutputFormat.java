package dev.athanor.app.cli;

import java.io.Writer;
import java.util.Locale;

/** The output formats of {@code athanor run --format}. */
enum OutputFormat {
    TABLE,
    CSV,
    JSON,
    JSONL;

    /** The format called {@code name} on the command line. */
    static OutputFormat parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(
                    ExitStatus.USAGE, "unknown format '" + name + "' (choose table, csv, json or jsonl)");
        }
    }

    /** A writer of this format; {@code several} says whether more than one query will be written. */
    RowWriter writer(Writer out, boolean several) {
        return switch (this) {
            case TABLE -> new TableRows(out);
            case CSV -> new CsvRows(out);
            case JSON -> new JsonRows(out, several);
            case JSONL -> new JsonLinesRows(out, several);
        };
    }
}
