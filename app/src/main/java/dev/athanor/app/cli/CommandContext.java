package dev.athanor.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command works with besides its arguments: the output streams, the environment (for {@code PGPASSWORD},
 * {@code PGUSER}, ... and the profile store location), a way to ask for a password when a person is at a terminal,
 * and the directory of the built-in sample database.
 *
 * @param out standard output: the rows, nothing else
 * @param err standard error: notes and error messages
 * @param environment environment variables
 * @param prompt asks for a password; empty when standard input is not a terminal
 * @param sampleDataDir where the built-in sample database lives
 */
record CommandContext(
        PrintStream out,
        PrintStream err,
        Map<String, String> environment,
        Optional<PasswordPrompt> prompt,
        Path sampleDataDir) {
    CommandContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(sampleDataDir, "sampleDataDir");
    }

    /** Asks a person for a password. */
    @FunctionalInterface
    interface PasswordPrompt {
        /** The password typed, or {@code null} when the person gave none. */
        char[] ask(String question);
    }
}
