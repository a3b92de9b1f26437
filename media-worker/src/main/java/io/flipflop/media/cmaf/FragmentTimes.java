package io.flipflop.media.cmaf;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Moves fMP4 fragments along the media timeline without touching a sample: the track timescales of an init
 * segment ({@code moov/trak/tkhd} track_ID, {@code mdia/mdhd} timescale), and a segment's copy with every
 * {@code moof/traf/tfdt} baseMediaDecodeTime shifted by the same number of milliseconds. The VOD uses it to lay
 * the publishes of a broadcast end to end on one timeline, where each publish's own timestamps restart near zero.
 */
final class FragmentTimes {

    private static final Set<String> INIT_CONTAINERS = Set.of("moov", "trak", "mdia");
    private static final Set<String> FRAGMENT_CONTAINERS = Set.of("moof", "traf");

    private FragmentTimes() {
    }

    /** Timescale by track_ID. */
    static Map<Long, Long> timescales(byte[] init) {
        Map<Long, Long> timescales = new HashMap<>();
        long[] track = {-1};
        walk(ByteBuffer.wrap(init), INIT_CONTAINERS, (type, body) -> {
            if (type.equals("trak")) {
                track[0] = -1;
            } else if (type.equals("tkhd")) {
                track[0] = Integer.toUnsignedLong(body.getInt(body.get(0) == 1 ? 20 : 12));
            } else if (type.equals("mdhd") && track[0] >= 0) {
                timescales.put(track[0], Integer.toUnsignedLong(body.getInt(body.get(0) == 1 ? 20 : 12)));
            }
        });
        return timescales;
    }

    /**
     * A copy of {@code segment} whose fragments start {@code millis} later (earlier if negative).
     *
     * @throws IllegalArgumentException a track without a timescale, or a decode time that would fall below zero
     */
    static byte[] shifted(byte[] segment, Map<Long, Long> timescales, long millis) {
        byte[] copy = segment.clone();
        ByteBuffer buf = ByteBuffer.wrap(copy);
        long[] track = {-1};
        walk(buf, FRAGMENT_CONTAINERS, (type, body) -> {
            if (type.equals("tfhd")) {
                track[0] = Integer.toUnsignedLong(body.getInt(4));
            } else if (type.equals("tfdt")) {
                Long timescale = timescales.get(track[0]);
                if (timescale == null) {
                    throw new IllegalArgumentException("No timescale for track " + track[0]);
                }
                long ticks = Math.round(millis * timescale / 1000.0);
                boolean wide = body.get(0) == 1;
                long time = (wide ? body.getLong(4) : Integer.toUnsignedLong(body.getInt(4))) + ticks;
                if (time < 0 || (!wide && time > 0xFFFF_FFFFL)) {
                    throw new IllegalArgumentException("Decode time out of range: " + time);
                }
                if (wide) {
                    body.putLong(4, time);
                } else {
                    body.putInt(4, (int) time);
                }
            }
        });
        return copy;
    }

    private interface BoxVisitor {
        /** {@code body} is the box's content after its header, positioned at 0; absolute gets and puts only. */
        void box(String type, ByteBuffer body);
    }

    /** Every box in {@code buf}, descending into {@code containers}; a box whose size does not fit ends the walk. */
    private static void walk(ByteBuffer buf, Set<String> containers, BoxVisitor visitor) {
        while (buf.remaining() >= 8) {
            int start = buf.position();
            long size = Integer.toUnsignedLong(buf.getInt());
            byte[] name = new byte[4];
            buf.get(name);
            String type = new String(name, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (size == 1 && buf.remaining() >= 8) {
                size = buf.getLong();
            } else if (size == 0) {
                size = buf.limit() - start;
            }
            if (size < buf.position() - start || start + size > buf.limit()) {
                return;
            }
            ByteBuffer body = buf.slice().limit((int) (start + size - buf.position()));
            visitor.box(type, body);
            if (containers.contains(type)) {
                walk(body, containers, visitor);
            }
            buf.position((int) (start + size));
        }
    }
}
