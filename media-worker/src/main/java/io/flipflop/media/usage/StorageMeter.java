package io.flipflop.media.usage;

import io.flipflop.api.usage.StorageMeasured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures, on disk, the bytes this worker's media volume stores per app: everything under
 * {@code {liveRoot}/{streamKeyId}/} (the key's live recordings and whatever is later kept next to them) counts
 * for the key's app. A gauge: it reports an app when its bytes changed, and at least once per hour while they
 * are not zero, so every hour bucket holds the volume's value without carrying old ones forward.
 *
 * <p>The volume is the data directory, not the process: its id is kept in {@code volume-id} next to the live
 * root, so a restarted worker replaces its own earlier figures instead of adding a second volume. Blocking (disk
 * and read model): runs on the usage reporter's thread.
 */
final class StorageMeter {

    private static final Logger log = LoggerFactory.getLogger(StorageMeter.class);

    private final Path liveRoot;
    private final LongFunction<OptionalLong> appOfStreamKey;
    private final Clock clock;
    private final String workerId;
    private final String volumeId;
    private final Map<Long, Long> appOfKey = new HashMap<>();
    private final Map<Long, Reported> reported = new HashMap<>();

    /**
     * @param appOfStreamKey the app a stream key belongs to, empty while the read model does not know the key yet
     */
    StorageMeter(Path liveRoot, LongFunction<OptionalLong> appOfStreamKey, Clock clock, String workerId) {
        this.liveRoot = liveRoot;
        this.appOfStreamKey = appOfStreamKey;
        this.clock = clock;
        this.workerId = workerId;
        this.volumeId = volumeId(liveRoot.getParent().resolve("volume-id"));
    }

    /** What changed since the last call (or is due for a new hour). */
    List<StorageMeasured> measure() {
        Map<Long, Long> bytesPerApp = new HashMap<>();
        for (Path keyDirectory : keyDirectories()) {
            long streamKeyId = Long.parseLong(keyDirectory.getFileName().toString());
            OptionalLong appId = appOf(streamKeyId);
            if (appId.isPresent()) {
                bytesPerApp.merge(appId.getAsLong(), bytesUnder(keyDirectory), Long::sum);
            }
        }
        reported.keySet().forEach(appId -> bytesPerApp.putIfAbsent(appId, 0L));
        Instant now = clock.instant();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        List<StorageMeasured> changes = new ArrayList<>();
        bytesPerApp.forEach((appId, bytes) -> {
            Reported last = reported.get(appId);
            boolean nothingToTell = last == null && bytes == 0;
            if (!nothingToTell && (last == null || last.bytes != bytes || !last.hour.equals(hour))) {
                changes.add(new StorageMeasured(appId, workerId, volumeId, bytes, now));
            }
            if (bytes == 0) {
                reported.remove(appId);
            } else {
                reported.put(appId, new Reported(bytes, hour));
            }
        });
        return changes;
    }

    private OptionalLong appOf(long streamKeyId) {
        Long known = appOfKey.get(streamKeyId);
        if (known != null) {
            return OptionalLong.of(known);
        }
        OptionalLong found = appOfStreamKey.apply(streamKeyId);
        found.ifPresent(appId -> appOfKey.put(streamKeyId, appId));
        return found;
    }

    private List<Path> keyDirectories() {
        try (Stream<Path> children = Files.list(liveRoot)) {
            return children.filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().matches("\\d{1,18}")).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + liveRoot, e);
        }
    }

    /** A file deleted while walking (an archive moving it) is simply not counted this time. */
    static long bytesUnder(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            log.warn("Cannot measure {}", directory, e);
            return 0;
        }
    }

    private static String volumeId(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.getParent());
            String id = UUID.randomUUID().toString().replace("-", "");
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the media volume id in " + file, e);
        }
    }

    private record Reported(long bytes, Instant hour) {
    }
}
