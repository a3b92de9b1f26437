package io.flipflop.media.usage;

import io.flipflop.api.usage.StorageMeasured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures, on disk, the bytes this worker's media volume stores per app. Each {@link Root} holds one directory
 * per owner, named by the owner's id: {@code live/{streamKeyId}} (the key's recordings),
 * {@code vod/{videoRoomId}} (the room's archive) and {@code posts/{videoPostId}} (a post's upload parts, source,
 * job output and outputs; gone, and no longer counted, once the post is deleted) count for the owner's app. A file
 * linked into both (the archive hard-links the recording's segments) is counted once: these are bytes on disk. A gauge: it reports an app when
 * its bytes changed, and at least once per hour while they are not zero, so every hour bucket holds the volume's
 * value without carrying old ones forward.
 *
 * <p>The volume is the data directory, not the process: its id is kept in a file there, so a restarted worker
 * replaces its own earlier figures instead of adding a second volume. Blocking (disk and read models): runs on
 * the usage reporter's thread.
 */
final class StorageMeter {

    private static final Logger log = LoggerFactory.getLogger(StorageMeter.class);

    private final List<Root> roots;
    private final Clock clock;
    private final String workerId;
    private final String volumeId;
    private final Map<Root, Map<Long, Long>> appOfOwner = new HashMap<>();
    private final Map<Long, Reported> reported = new HashMap<>();

    StorageMeter(List<Root> roots, Path volumeIdFile, Clock clock, String workerId) {
        this.roots = List.copyOf(roots);
        this.clock = clock;
        this.workerId = workerId;
        this.volumeId = volumeId(volumeIdFile);
    }

    /**
     * A directory of owner directories.
     *
     * @param appOf the app an owner id belongs to, empty while the read model does not know it yet
     */
    record Root(Path directory, LongFunction<OptionalLong> appOf) {
    }

    /** What changed since the last call (or is due for a new hour). */
    List<StorageMeasured> measure() {
        Map<Long, Long> bytesPerApp = new HashMap<>();
        Map<Long, Set<Object>> filesPerApp = new HashMap<>();
        for (Root root : roots) {
            for (Path owner : ownerDirectories(root.directory())) {
                OptionalLong appId = appOf(root, Long.parseLong(owner.getFileName().toString()));
                if (appId.isPresent()) {
                    Set<Object> counted = filesPerApp.computeIfAbsent(appId.getAsLong(), app -> new HashSet<>());
                    bytesPerApp.merge(appId.getAsLong(), bytesUnder(owner, counted), Long::sum);
                }
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

    /** Owners never change apps, so what the read model once said is kept. */
    private OptionalLong appOf(Root root, long ownerId) {
        Map<Long, Long> known = appOfOwner.computeIfAbsent(root, r -> new HashMap<>());
        Long appId = known.get(ownerId);
        if (appId != null) {
            return OptionalLong.of(appId);
        }
        OptionalLong found = root.appOf().apply(ownerId);
        found.ifPresent(app -> known.put(ownerId, app));
        return found;
    }

    private static List<Path> ownerDirectories(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().matches("\\d{1,18}")).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
    }

    /**
     * The bytes of the files under {@code directory} not {@code counted} yet (by file key: device and inode). A
     * file deleted while walking (an archive moving it) is simply not counted this time.
     */
    private static long bytesUnder(Path directory, Set<Object> counted) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.mapToLong(file -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    boolean first = attributes.fileKey() == null || counted.add(attributes.fileKey());
                    return attributes.isRegularFile() && first ? attributes.size() : 0;
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
