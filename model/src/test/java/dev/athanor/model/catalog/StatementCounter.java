package dev.athanor.model.catalog;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a real connection and counts the statements executed through it (execute, executeQuery, ...). */
final class StatementCounter {

    private final AtomicInteger executions = new AtomicInteger();
    private final Connection connection;

    StatementCounter(Connection target) {
        this.connection = proxy(Connection.class, target, (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof PreparedStatement prepared) {
                return proxy(PreparedStatement.class, prepared, this::countExecutions);
            }
            if (result instanceof Statement plain) {
                return proxy(Statement.class, plain, this::countExecutions);
            }
            return result;
        });
    }

    Connection connection() {
        return connection;
    }

    int executions() {
        return executions.get();
    }

    private Object countExecutions(Object target, Method method, Object[] args) throws Throwable {
        if (method.getName().startsWith("execute")) {
            executions.incrementAndGet();
        }
        return invoke(target, method, args);
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
        return type.cast(
                Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, invocation));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
