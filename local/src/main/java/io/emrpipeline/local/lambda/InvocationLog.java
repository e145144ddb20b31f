package io.emrpipeline.local.lambda;

import java.util.ArrayList;
import java.util.List;

/** Every invocation the gateway ran, in the order they finished; safe to read while functions run. */
public final class InvocationLog {

    private final List<Invocation> invocations = new ArrayList<>();

    synchronized void add(Invocation invocation) {
        invocations.add(invocation);
    }

    public synchronized List<Invocation> all() {
        return List.copyOf(invocations);
    }

    public synchronized List<Invocation> of(String functionName) {
        return invocations.stream().filter(i -> i.functionName().equals(functionName)).toList();
    }

    public int count(String functionName) {
        return of(functionName).size();
    }

    public synchronized void clear() {
        invocations.clear();
    }
}
