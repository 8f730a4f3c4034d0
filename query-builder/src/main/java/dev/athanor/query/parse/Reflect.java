package dev.athanor.query.parse;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jooq.Field;

/**
 * Reads operands of jOOQ query-object-model nodes whose accessors ({@code $arg1()}...) are declared on
 * package-private interfaces, so they can only be reached reflectively from outside {@code org.jooq.impl}.
 */
final class Reflect {
    private Reflect() {}

    /** The {@code $argN()} operand of a node if it is of the given type, else {@code null}. */
    static <T> T arg(Object node, int index, Class<T> type) {
        Object value = invoke(node, "$arg" + index);
        return type.isInstance(value) ? type.cast(value) : null;
    }

    /**
     * A private field of a node that has no accessors at all (jOOQ's {@code TruncDate}, read from
     * {@code date_trunc}), if it holds the given type, else {@code null}.
     */
    static <T> T member(Object node, String name, Class<T> type) {
        try {
            var field = node.getClass().getDeclaredField(name);
            field.setAccessible(true);
            Object value = field.get(node);
            return type.isInstance(value) ? type.cast(value) : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** A boolean accessor such as {@code $symmetric()}; {@code false} when absent. */
    static boolean flag(Object node, String accessor) {
        return invoke(node, accessor) instanceof Boolean value && value;
    }

    /**
     * The operands of a function node when all of them are fields (or lists of fields), in order; {@code null} when
     * an operand is something else, so the caller keeps the node raw.
     */
    static List<Field<?>> fieldArguments(Object node) {
        var arguments = new ArrayList<Field<?>>();
        for (int index = 1; index <= 8; index++) {
            Method accessor = accessor(node, "$arg" + index);
            if (accessor == null) {
                break;
            }
            Object value = invoke(node, accessor);
            switch (value) {
                case null -> {}
                case Field<?> field -> arguments.add(field);
                case Collection<?> list -> {
                    for (Object element : list) {
                        if (!(element instanceof Field<?> field)) {
                            return null;
                        }
                        arguments.add(field);
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        return arguments;
    }

    private static Object invoke(Object node, String accessor) {
        Method method = accessor(node, accessor);
        return method == null ? null : invoke(node, method);
    }

    private static Object invoke(Object node, Method method) {
        try {
            return method.invoke(node);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Method accessor(Object node, String name) {
        try {
            Method method = node.getClass().getMethod(name);
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
