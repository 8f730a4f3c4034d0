package dev.athanor.query.model;

import java.util.regex.Pattern;

/** Checks on the names the model holds. Any non-blank text is a valid identifier (it is quoted when needed). */
final class Identifiers {
    /**
     * A PostgreSQL type name as written in a cast: words, optional schema, optional modifiers and array brackets,
     * e.g. {@code integer}, {@code character varying(32)}, {@code numeric(10, 2)}, {@code public.workload_enum[]}.
     * It is rendered as written, so nothing else may pass.
     */
    private static final Pattern TYPE_NAME =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?( [A-Za-z_][A-Za-z0-9_$]*)*"
                    + "(\\(\\s*\\d+\\s*(,\\s*\\d+\\s*)?\\))?( with(out)? time zone)?(\\[\\d*\\])*");

    private Identifiers() {}

    static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A " + what + " cannot be empty");
        }
    }

    static void requireTypeName(String type) {
        if (type == null || !TYPE_NAME.matcher(type.strip()).matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL type name: " + type);
        }
    }
}
