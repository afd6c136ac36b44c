package org.creditgate.ledger;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * Counts statement executions (execute, executeUpdate, executeQuery, executeBatch) made through a DataSource. With
 * batching, one execution is one trip to the database however many rows it carries.
 */
final class StatementCounter {

    private final AtomicInteger executions = new AtomicInteger();

    DataSource wrap(DataSource ds) {
        return (DataSource) proxy(DataSource.class, ds);
    }

    int executions() {
        return executions.get();
    }

    void reset() {
        executions.set(0);
    }

    private Object proxy(Class<?> type, Object target) {
        InvocationHandler h = (p, m, args) -> {
            if (Statement.class.isAssignableFrom(m.getDeclaringClass()) && m.getName().startsWith("execute")) {
                executions.incrementAndGet();
            }
            Object result;
            try {
                result = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection) {
                return proxy(Connection.class, result);
            }
            if (result instanceof Statement) {
                return proxy(statementType(result), result);
            }
            return result;
        };
        return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Class<?> statementType(Object s) {
        if (s instanceof CallableStatement) {
            return CallableStatement.class;
        }
        return s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
    }
}
