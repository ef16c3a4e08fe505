package cnnlab.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Everything that went wrong in a load run, counted by kind (the message with its numbers blanked). */
public final class Errors {
    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
    private final Map<String, String> example = new ConcurrentHashMap<>();

    public void add(String message) {
        String kind = message.replaceAll("[0-9]+", "#");
        byKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
        example.putIfAbsent(kind, message);
    }

    public long total() {
        return byKind.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Count per kind, with one real message of each kind. */
    public Map<String, Long> counts() {
        Map<String, Long> m = new TreeMap<>();
        byKind.forEach((k, v) -> m.put(example.get(k), v.sum()));
        return m;
    }
}
