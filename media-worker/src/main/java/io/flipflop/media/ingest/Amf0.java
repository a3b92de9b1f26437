package io.flipflop.media.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AMF0, the encoding of RTMP command and data messages, mapped onto plain Java values: number ↔ {@link Double},
 * boolean ↔ {@link Boolean}, string and long string ↔ {@link String}, object and ECMA array ↔
 * {@code Map<String, Object>} (insertion order kept), strict array ↔ {@code List<Object>}, null and undefined ↔
 * {@code null}, date ↔ {@link Double} (milliseconds; its time zone is ignored, as every player does).
 * Malformed input throws {@link RtmpProtocolException}: it comes from the network and ends that connection only.
 */
final class Amf0 {

    private static final int NUMBER = 0x00;
    private static final int BOOLEAN = 0x01;
    private static final int STRING = 0x02;
    private static final int OBJECT = 0x03;
    private static final int NULL = 0x05;
    private static final int UNDEFINED = 0x06;
    private static final int ECMA_ARRAY = 0x08;
    private static final int OBJECT_END = 0x09;
    private static final int STRICT_ARRAY = 0x0A;
    private static final int DATE = 0x0B;
    private static final int LONG_STRING = 0x0C;

    /** Objects nested deeper than this are an attack, not metadata. */
    private static final int MAX_DEPTH = 32;

    private Amf0() {
    }

    /** Every value of a command or data message body, in order. */
    static List<Object> decodeAll(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        List<Object> values = new ArrayList<>();
        while (in.hasRemaining()) {
            values.add(decode(in, 0));
        }
        return values;
    }

    /** How many bytes the first value of {@code body} takes, to cut it off without re-encoding the rest. */
    static int firstValueLength(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        decode(in, 0);
        return in.position();
    }

    static byte[] encode(Object... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object value : values) {
            encode(out, value);
        }
        return out.toByteArray();
    }

    private static Object decode(ByteBuffer in, int depth) {
        if (depth > MAX_DEPTH) {
            throw new RtmpProtocolException("AMF0 nesting too deep");
        }
        int marker = u8(in);
        return switch (marker) {
            case NUMBER -> f64(in);
            case BOOLEAN -> u8(in) != 0;
            case STRING -> string(in, u16(in));
            case LONG_STRING -> string(in, length(in, u32(in)));
            case OBJECT -> properties(in, depth);
            case ECMA_ARRAY -> {
                u32(in); // an approximate count; the end marker is what ends it
                yield properties(in, depth);
            }
            case STRICT_ARRAY -> {
                long count = u32(in);
                if (count > in.remaining()) {
                    throw new RtmpProtocolException("AMF0 array longer than its message");
                }
                List<Object> items = new ArrayList<>((int) count);
                for (long i = 0; i < count; i++) {
                    items.add(decode(in, depth + 1));
                }
                yield items;
            }
            case DATE -> {
                double millis = f64(in);
                u16(in);
                yield millis;
            }
            case NULL, UNDEFINED -> null;
            default -> throw new RtmpProtocolException("Unsupported AMF0 marker " + marker);
        };
    }

    private static Map<String, Object> properties(ByteBuffer in, int depth) {
        Map<String, Object> properties = new LinkedHashMap<>();
        while (true) {
            String key = string(in, u16(in));
            if (key.isEmpty() && in.hasRemaining() && in.get(in.position()) == OBJECT_END) {
                in.get();
                return properties;
            }
            properties.put(key, decode(in, depth + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private static void encode(ByteArrayOutputStream out, Object value) {
        if (value == null) {
            out.write(NULL);
        } else if (value instanceof Number number) {
            out.write(NUMBER);
            writeLong(out, Double.doubleToLongBits(number.doubleValue()), 8);
        } else if (value instanceof Boolean bool) {
            out.write(BOOLEAN);
            out.write(bool ? 1 : 0);
        } else if (value instanceof String string) {
            byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
            if (utf8.length > 0xFFFF) {
                out.write(LONG_STRING);
                writeLong(out, utf8.length, 4);
            } else {
                out.write(STRING);
                writeLong(out, utf8.length, 2);
            }
            out.writeBytes(utf8);
        } else if (value instanceof Map<?, ?> map) {
            out.write(OBJECT);
            for (Map.Entry<String, Object> property : ((Map<String, Object>) map).entrySet()) {
                byte[] key = property.getKey().getBytes(StandardCharsets.UTF_8);
                writeLong(out, key.length, 2);
                out.writeBytes(key);
                encode(out, property.getValue());
            }
            writeLong(out, 0, 2);
            out.write(OBJECT_END);
        } else if (value instanceof List<?> list) {
            out.write(STRICT_ARRAY);
            writeLong(out, list.size(), 4);
            list.forEach(item -> encode(out, item));
        } else {
            throw new IllegalArgumentException("No AMF0 encoding for " + value.getClass());
        }
    }

    private static void writeLong(ByteArrayOutputStream out, long value, int bytes) {
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xFF);
        }
    }

    private static String string(ByteBuffer in, int length) {
        need(in, length);
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int length(ByteBuffer in, long length) {
        if (length > in.remaining()) {
            throw new RtmpProtocolException("AMF0 string longer than its message");
        }
        return (int) length;
    }

    private static int u8(ByteBuffer in) {
        need(in, 1);
        return in.get() & 0xFF;
    }

    private static int u16(ByteBuffer in) {
        need(in, 2);
        return in.getShort() & 0xFFFF;
    }

    private static long u32(ByteBuffer in) {
        need(in, 4);
        return in.getInt() & 0xFFFFFFFFL;
    }

    private static double f64(ByteBuffer in) {
        need(in, 8);
        return in.getDouble();
    }

    private static void need(ByteBuffer in, int bytes) {
        if (in.remaining() < bytes) {
            throw new RtmpProtocolException("AMF0 value cut short");
        }
    }
}
