package dev.athanor.query.validate;

import dev.athanor.query.validate.ValidationProblem.Kind;
import java.util.ArrayList;
import java.util.List;

/** The problems the checks of one validation find, in the order they find them. */
final class Findings {
    private final List<ValidationProblem> problems = new ArrayList<>();

    void add(Kind kind, String path, String message) {
        problems.add(new ValidationProblem(kind, path, message));
    }

    List<ValidationProblem> list() {
        return List.copyOf(problems);
    }
}
