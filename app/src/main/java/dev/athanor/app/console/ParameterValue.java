package dev.athanor.app.console;

import dev.athanor.query.project.ParameterType;
import java.util.Objects;

/**
 * What the user gave for one {@code :name} parameter: the type and the text as typed (kept so that the dialog can
 * show it again next time).
 */
public record ParameterValue(ParameterType type, String text) {
    public ParameterValue {
        Objects.requireNonNull(type, "type");
        text = text == null ? "" : text;
    }

    /** The value to bind. @throws IllegalArgumentException when the text does not fit the type */
    public Object value() {
        return type.parse(text);
    }

    public static ParameterValue nullValue() {
        return new ParameterValue(ParameterType.NULL, "");
    }
}
