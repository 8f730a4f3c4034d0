package dev.athanor.query.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A parameter of a saved query: the {@code :name} its model refers to, its declared type and an optional default.
 *
 * @param name the parameter name without the colon
 * @param type the declared type; values are converted to it before they are bound
 * @param defaultValue the default as text in the type's usual spelling, or {@code null} when a value must be given
 */
@JsonPropertyOrder({"name", "type", "default"})
public record QueryParameter(
        String name,
        ParameterType type,
        @JsonProperty("default") String defaultValue) {
    public QueryParameter {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A parameter needs a name");
        }
        Objects.requireNonNull(type, "type");
        if (type == ParameterType.NULL) {
            throw new IllegalArgumentException("Parameter " + name + " needs a type; NULL is a value");
        }
        if (defaultValue != null) {
            type.parse(defaultValue); // a default that can never bind is refused where it is written
        }
    }

    /** A parameter without a default. */
    public static QueryParameter required(String name, ParameterType type) {
        return new QueryParameter(name, type, null);
    }

    /** The value to bind for {@code text} (converted to {@link #type()}). */
    public Object valueOf(String text) {
        return type.parse(text);
    }

    public QueryParameter withName(String newName) {
        return new QueryParameter(newName, type, defaultValue);
    }

    public QueryParameter withType(ParameterType newType) {
        return new QueryParameter(name, newType, defaultValue);
    }

    public QueryParameter withDefaultValue(String newDefaultValue) {
        return new QueryParameter(name, type, newDefaultValue);
    }
}
