package io.flipflop.bench;

import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.bson.BsonValue;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the platform's MongoDB round trips by command and collection (e.g. {@code insert domain_events}),
 * through a listener added to the platform's client settings, which both its sync and reactive clients use.
 * Round trips per command do not move with the machine's load, so they explain a throughput ratio that does.
 */
final class RoundTrips implements BeanPostProcessor, CommandListener {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof MongoClientSettings settings
                ? MongoClientSettings.builder(settings).addCommandListener(this).build()
                : bean;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonValue target = event.getCommand().get(event.getCommandName());
        String collection = target != null && target.isString() ? " " + target.asString().getValue() : "";
        counts.computeIfAbsent(event.getCommandName() + collection, key -> new LongAdder()).increment();
    }

    Map<String, Long> snapshot() {
        return counts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
    }

    /** Round trips per command between two snapshots, the busiest first, e.g. {@code 1.00 insert domain_events}. */
    static String perCommand(Map<String, Long> before, Map<String, Long> after, int commands) {
        Map<String, Double> per = new TreeMap<>();
        after.forEach((name, count) -> {
            long made = count - before.getOrDefault(name, 0L);
            if (made > 0) {
                per.put(name, made / (double) commands);
            }
        });
        double total = per.values().stream().mapToDouble(Double::doubleValue).sum();
        return String.format("%.2f: ", total) + per.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%.2f %s", e.getValue(), e.getKey()))
                .collect(Collectors.joining(", "));
    }
}
