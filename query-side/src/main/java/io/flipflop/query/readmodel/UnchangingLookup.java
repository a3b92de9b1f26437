package io.flipflop.query.readmodel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongFunction;
import reactor.core.publisher.Mono;

/**
 * A projection's lookup of a value that never changes once its read model stores it for an id, such as a member's
 * read-model key or its stream key, remembered in memory. Every profile change of a member used to ask MongoDB for
 * both again, two of the four round trips per event, and the read models' one processor thread fell behind the
 * commands (measured in the platform benchmark, sixth session).
 * <p>
 * Only found values are remembered, so a value stored later (or by another node) is found then. Since the value
 * never changes, a remembered one is never stale, on any node; a reset forgets them all with the read model.
 */
public final class UnchangingLookup<V> {

    /** About 100 bytes an entry: a few megabytes at most, and enough for the members active at once. */
    private static final long MAXIMUM_SIZE = 100_000;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final LongFunction<Mono<V>> find;
    // Maintenance on the caller's thread: the default hands it to the common pool, a thread switch per write.
    private final Cache<Long, V> remembered = Caffeine.newBuilder().maximumSize(MAXIMUM_SIZE)
            .executor(Runnable::run).build();

    /** @param find reads the value of an id from its read model; empty when it is not stored (yet) */
    public UnchangingLookup(LongFunction<Mono<V>> find) {
        this.find = find;
    }

    /** The value of an id, remembered or read (blocking, on the processor thread as every read-model write). */
    public Optional<V> get(long id) {
        V known = remembered.getIfPresent(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<V> found = find.apply(id).blockOptional(READ_TIMEOUT);
        found.ifPresent(value -> remembered.put(id, value));
        return found;
    }

    /** Remembers a value the projection has just stored. */
    public void remember(long id, V value) {
        remembered.put(id, value);
    }

    /** Forgets every value, as a reset drops the read model they came from. */
    public void forgetAll() {
        remembered.invalidateAll();
    }
}
