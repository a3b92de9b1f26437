package io.flipflop.media.cmaf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an ended stream's {@link Recording} into a VOD without touching the media: the same fMP4 init segments and
 * segments (hard-linked, copied where the file system cannot link), an ended HLS media playlist declared
 * {@code PLAYLIST-TYPE:VOD} with its multivariant playlist, and a static DASH MPD, all under the names of
 * {@link MediaNames} so one origin scheme serves live and VOD.
 * <p>
 * The VOD starts with the segment playing when the broadcast went live: segments complete before then held only
 * the owner's preview, which was never public, and stay out. Each publish stays a period of its own (EXT-X-DISCONTINUITY and a new
 * EXT-X-MAP in HLS, a new Period in DASH), laid end to end: the time the publisher was away is not in the VOD.
 * The VOD is written beside its target and moved in place at once, so a VOD directory is always whole.
 */
public final class VodPackager {

    private static final Logger log = LoggerFactory.getLogger(VodPackager.class);

    private VodPackager() {
    }

    /**
     * @param recording  the recording's directory ({@link LiveStream#recordingDirectory()})
     * @param target     the VOD's directory; replaced if it exists (an archive repeated)
     * @param liveSince  when the broadcast went live (the segments complete by then stay out); null keeps all
     * @throws VodFailure with a reason fit for the app (no server paths)
     */
    public static void build(Path recording, Path target, Instant liveSince, Clock clock) throws VodFailure {
        List<Recording.IndexLine> kept = index(recording).stream()
                .filter(line -> liveSince == null || line.completedAt().isAfter(liveSince))
                .toList();
        if (kept.isEmpty()) {
            throw new VodFailure("The recording has no segment from the time the broadcast went live");
        }
        Map<Integer, InitSegment> inits = new LinkedHashMap<>();
        for (Recording.IndexLine line : kept) {
            if (!inits.containsKey(line.period())) {
                String name = MediaNames.init(line.period());
                inits.put(line.period(), InitSegment.parse(line.period(), read(recording, name)));
            }
        }
        Snapshot vod = snapshot(kept, List.copyOf(inits.values()), clock.instant());
        Path staging = target.resolveSibling(target.getFileName() + ".staging");
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
            for (int period : inits.keySet()) {
                share(recording, staging, MediaNames.init(period));
            }
            for (Recording.IndexLine line : kept) {
                share(recording, staging, MediaNames.segment(line.msn()));
            }
            write(staging, MediaNames.MULTIVARIANT, HlsMultivariantPlaylist.render(vod));
            write(staging, MediaNames.MEDIA_PLAYLIST, HlsMediaPlaylist.renderVod(vod));
            write(staging, MediaNames.MPD, DashManifest.render(vod, null));
            deleteTree(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            discard(staging);
            throw new VodFailure("A segment of the recording is missing");
        } catch (IOException | UncheckedIOException e) {
            log.warn("Cannot write the VOD {} from {}", target, recording, e);
            discard(staging);
            throw new VodFailure("The VOD could not be written");
        }
    }

    private static void discard(Path staging) {
        try {
            deleteTree(staging);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Cannot delete the unfinished VOD {}", staging, e);
        }
    }

    /**
     * The VOD's snapshot: every kept segment, on one timeline that starts at zero and runs through the periods
     * back to back; an ended snapshot, so the writers render it whole and static.
     */
    private static Snapshot snapshot(List<Recording.IndexLine> kept, List<InitSegment> inits, Instant now) {
        List<Segment> segments = new ArrayList<>(kept.size());
        List<Snapshot.Period> periods = new ArrayList<>();
        long presentation = 0;
        long peak = 0;
        long bytes = 0;
        long longest = 0;
        for (Recording.IndexLine line : kept) {
            boolean newPeriod = periods.isEmpty() || periods.get(periods.size() - 1).id() != line.period();
            if (newPeriod) {
                periods.add(new Snapshot.Period(line.period(), presentation, line.start()));
            }
            boolean discontinuity = !segments.isEmpty() && (newPeriod || line.discontinuity());
            segments.add(new Segment(line.msn(), line.period(), discontinuity, line.start(), line.duration(),
                    presentation, line.programDateTime(), List.of(), true, line.size()));
            presentation += line.duration();
            bytes += line.size();
            longest = Math.max(longest, line.duration());
            peak = Math.max(peak, line.duration() == 0 ? 0 : line.size() * 8_000 / line.duration());
        }
        Snapshot.Timing timing = new Snapshot.Timing(longest, longest, (int) Math.ceil(longest / 1000.0));
        long average = presentation == 0 ? 0 : bytes * 8_000 / presentation;
        long last = kept.get(kept.size() - 1).msn();
        return new Snapshot(timing, segments, null, last + 1, 0, 0, inits, periods, null, now, true, peak, average);
    }

    private static List<Recording.IndexLine> index(Path recording) throws VodFailure {
        String text = new String(read(recording, MediaNames.RECORDING_INDEX), StandardCharsets.UTF_8);
        List<Recording.IndexLine> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                lines.add(Recording.IndexLine.parse(line));
            } catch (IllegalArgumentException e) {
                log.warn("Recording {}: {}", recording, e.getMessage());
                throw new VodFailure("The recording's index is damaged");
            }
        }
        return lines;
    }

    private static byte[] read(Path recording, String name) throws VodFailure {
        try {
            return Files.readAllBytes(recording.resolve(name));
        } catch (NoSuchFileException e) {
            throw new VodFailure(name.equals(MediaNames.RECORDING_INDEX) ? "The recording is missing"
                    : "A segment of the recording is missing");
        } catch (IOException e) {
            log.warn("Cannot read {} of recording {}", name, recording, e);
            throw new VodFailure("The recording could not be read");
        }
    }

    /** A hard link where the file system allows one (no second copy of the media), else a copy. */
    private static void share(Path from, Path to, String name) throws IOException {
        Path source = from.resolve(name);
        Path copy = to.resolve(name);
        try {
            Files.createLink(copy, source);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(source, copy); // another file system, or one without hard links
        }
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The recording cannot become a VOD; {@link #reason} says why, in words fit for the app. */
    public static final class VodFailure extends Exception {

        public VodFailure(String reason) {
            super(reason);
        }

        public String reason() {
            return getMessage();
        }
    }
}
