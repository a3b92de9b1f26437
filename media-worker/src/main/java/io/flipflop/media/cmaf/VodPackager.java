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
import java.util.Arrays;
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
 * the owner's preview, which was never public, and stay out. The publishes are laid end to end (the time the
 * publisher was away is not in the VOD), each after an EXT-X-DISCONTINUITY with its EXT-X-MAP in HLS. Publishes
 * with the same init segment (the same encoder settings, the usual case of a dropped and resumed publisher) share
 * one DASH Period: their fragments' decode times are moved ({@link FragmentTimes}) to continue the timeline, those
 * segments copied rather than linked. A publish with another init segment starts a new Period (not every DASH
 * client follows several; FFmpeg's reads only one).
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
        List<Placed> placed = place(kept, inits);
        Snapshot vod = snapshot(placed, inits, clock.instant());
        Path staging = target.resolveSibling(target.getFileName() + ".staging");
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
            for (InitSegment init : vod.inits()) {
                share(recording, staging, MediaNames.init(init.period()));
            }
            for (Placed segment : placed) {
                String name = MediaNames.segment(segment.line().msn());
                if (segment.shift() == 0) {
                    share(recording, staging, name);
                } else {
                    Files.write(staging.resolve(name), FragmentTimes.shifted(read(recording, name),
                            FragmentTimes.timescales(inits.get(segment.run()).bytes()), segment.shift()));
                }
            }
            write(staging, MediaNames.MULTIVARIANT, HlsMultivariantPlaylist.render(vod));
            write(staging, MediaNames.MEDIA_PLAYLIST, HlsMediaPlaylist.renderVod(vod));
            write(staging, MediaNames.MPD, DashManifest.render(vod, null));
            deleteTree(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            discard(staging);
            throw new VodFailure("A segment of the recording is missing");
        } catch (VodFailure | IllegalArgumentException e) {
            log.warn("Cannot make the VOD {} from {}: {}", target, recording, e.getMessage());
            discard(staging);
            throw e instanceof VodFailure failure ? failure : new VodFailure("A segment of the recording is damaged");
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
     * Where each kept segment goes: the run of publishes it belongs to (named by the run's first publish, whose
     * init segment serves the run), how far its decode times move, and where it starts in the VOD.
     */
    private record Placed(Recording.IndexLine line, int run, long shift, boolean discontinuity,
                          long presentationStart) {
    }

    private static List<Placed> place(List<Recording.IndexLine> kept, Map<Integer, InitSegment> inits) {
        List<Placed> placed = new ArrayList<>(kept.size());
        byte[] runInit = null;
        int run = -1;
        long runPresentation = 0;
        long runMediaStart = 0;
        long presentation = 0;
        long shift = 0;
        for (Recording.IndexLine line : kept) {
            boolean newPeriod = placed.isEmpty() || placed.get(placed.size() - 1).line().period() != line.period();
            byte[] init = inits.get(line.period()).bytes();
            if (newPeriod && !Arrays.equals(init, runInit)) {
                runInit = init;
                run = line.period();
                runPresentation = presentation;
                runMediaStart = line.start();
                shift = 0;
            } else if (newPeriod || line.discontinuity()) {
                // continue the run's timeline where it stands, whatever this publish's clock says
                shift = runMediaStart + (presentation - runPresentation) - line.start();
            }
            placed.add(new Placed(line, run, shift, !placed.isEmpty() && (newPeriod || line.discontinuity()),
                    presentation));
            presentation += line.duration();
        }
        return placed;
    }

    /**
     * The VOD's snapshot: every kept segment on one timeline that starts at zero, a DASH period per run; an ended
     * snapshot, so the writers render it whole and static.
     */
    private static Snapshot snapshot(List<Placed> placed, Map<Integer, InitSegment> inits, Instant now) {
        List<Segment> segments = new ArrayList<>(placed.size());
        List<Snapshot.Period> periods = new ArrayList<>();
        List<InitSegment> runInits = new ArrayList<>();
        long peak = 0;
        long bytes = 0;
        long longest = 0;
        for (Placed p : placed) {
            Recording.IndexLine line = p.line();
            long start = line.start() + p.shift();
            if (periods.isEmpty() || periods.get(periods.size() - 1).id() != p.run()) {
                periods.add(new Snapshot.Period(p.run(), p.presentationStart(), start));
                runInits.add(inits.get(p.run()));
            }
            segments.add(new Segment(line.msn(), p.run(), p.discontinuity(), start, line.duration(),
                    p.presentationStart(), line.programDateTime(), List.of(), true, line.size()));
            bytes += line.size();
            longest = Math.max(longest, line.duration());
            peak = Math.max(peak, line.duration() == 0 ? 0 : line.size() * 8_000 / line.duration());
        }
        Placed last = placed.get(placed.size() - 1);
        long duration = last.presentationStart() + last.line().duration();
        Snapshot.Timing timing = new Snapshot.Timing(longest, longest, (int) Math.ceil(longest / 1000.0));
        long average = duration == 0 ? 0 : bytes * 8_000 / duration;
        return new Snapshot(timing, segments, null, last.line().msn() + 1, 0, 0, runInits, periods, null, now, true,
                peak, average);
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
