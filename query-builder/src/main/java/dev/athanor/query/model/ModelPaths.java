package dev.athanor.query.model;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a model element by its path, the form validation problems use to say where they are:
 * {@code items[1].expression}, {@code where.operands[0].left}, {@code with[0].query.from[2].on}. A path is the
 * record components from the query down, each optionally indexed into a list.
 */
public final class ModelPaths {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z]+)(\\[(\\d+)])?");

    private ModelPaths() {}

    /** The element at {@code path} (the query itself for an empty path), or empty when the path leads nowhere. */
    public static Optional<Object> find(Query query, String path) {
        Object current = query;
        if (path.isEmpty()) {
            return Optional.of(current);
        }
        for (String segment : path.split("\\.")) {
            var matcher = SEGMENT.matcher(segment);
            if (current == null || !matcher.matches() || !current.getClass().isRecord()) {
                return Optional.empty();
            }
            current = component(current, matcher.group(1));
            if (matcher.group(3) != null) {
                int index = Integer.parseInt(matcher.group(3));
                if (!(current instanceof List<?> list) || index >= list.size()) {
                    return Optional.empty();
                }
                current = list.get(index);
            }
        }
        return Optional.ofNullable(current);
    }

    private static Object component(Object record, String name) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + name + " of " + record.getClass(), e);
                }
            }
        }
        return null;
    }
}
