package io.jiesu.aws.ticket;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

/** The emulator's client, seen on the way: what the code under test asks DynamoDB, or a call that fails. */
final class DynamoCalls {
    private DynamoCalls() {
    }

    /** Records every call by method name, and every query request. */
    static DynamoDbClient recording(DynamoDbClient real, List<String> calls, List<QueryRequest> queries) {
        return proxy(real, (method, args) -> {
            calls.add(method);
            if (args != null && args.length == 1 && args[0] instanceof QueryRequest q) {
                queries.add(q);
            }
        });
    }

    /** Every call of this method fails, as when the function stops before making it. */
    static DynamoDbClient failing(DynamoDbClient real, String failingMethod) {
        return proxy(real, (method, args) -> {
            if (method.equals(failingMethod)) {
                throw new IllegalStateException("the function stopped before " + failingMethod);
            }
        });
    }

    private interface Before {
        void call(String method, Object[] args);
    }

    private static DynamoDbClient proxy(DynamoDbClient real, Before before) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoCalls.class.getClassLoader(), new Class<?>[]{DynamoDbClient.class},
                (proxy, method, args) -> {
                    before.call(method.getName(), args);
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
