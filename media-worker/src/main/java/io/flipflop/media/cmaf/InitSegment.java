package io.flipflop.media.cmaf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A CMAF header (ftyp + moov) and what the manifests need to know about it, read from its boxes: the brands,
 * the RFC 6381 codec strings of the tracks (for CODECS and {@code @codecs}) and the picture size.
 *
 * @param period the publish (HLS EXT-X-MAP, DASH Period) this header starts
 * @param codecs e.g. {@code avc1.64001f}, {@code mp4a.40.2}; a track whose configuration we cannot read is
 *               named by its sample entry type alone
 * @param width  0 without video
 */
public record InitSegment(int period, byte[] bytes, List<String> brands, List<String> codecs, int width, int height) {

    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl");
    /** Bytes of a VisualSampleEntry (after the box header) before its child boxes; width and height at 24. */
    private static final int VISUAL_ENTRY_FIELDS = 78;
    /** Bytes of an AudioSampleEntry (after the box header) before its child boxes. */
    private static final int AUDIO_ENTRY_FIELDS = 28;

    public InitSegment {
        brands = List.copyOf(brands);
        codecs = List.copyOf(codecs);
    }

    static InitSegment parse(int period, byte[] bytes) {
        Reader reader = new Reader();
        reader.boxes(ByteBuffer.wrap(bytes));
        return new InitSegment(period, bytes, reader.brands, reader.codecs, reader.width, reader.height);
    }

    private static final class Reader {
        final List<String> brands = new ArrayList<>();
        final List<String> codecs = new ArrayList<>();
        int width;
        int height;

        /** Walks the boxes in {@code buf}, descending into containers and sample descriptions. */
        void boxes(ByteBuffer buf) {
            while (buf.remaining() >= 8) {
                int start = buf.position();
                long size = Integer.toUnsignedLong(buf.getInt());
                String type = fourcc(buf);
                if (size == 1 && buf.remaining() >= 8) {
                    size = buf.getLong();
                } else if (size == 0) {
                    size = buf.limit() - start;
                }
                if (size < 8 || start + size > buf.limit()) {
                    return;
                }
                ByteBuffer body = buf.slice().limit((int) (start + size - buf.position()));
                box(type, body);
                buf.position((int) (start + size));
            }
        }

        private void box(String type, ByteBuffer body) {
            if (type.equals("ftyp")) {
                brands.add(fourcc(body));
                body.getInt(); // minor version
                while (body.remaining() >= 4) {
                    String brand = fourcc(body);
                    if (!brands.contains(brand)) {
                        brands.add(brand);
                    }
                }
            } else if (CONTAINERS.contains(type)) {
                boxes(body);
            } else if (type.equals("stsd")) {
                body.position(8); // version, flags, entry count
                boxes(body);
            } else if (type.startsWith("avc") || type.startsWith("hev") || type.startsWith("hvc") || type.equals("av01")) {
                width = Short.toUnsignedInt(body.getShort(24));
                height = Short.toUnsignedInt(body.getShort(26));
                sampleEntry(type, body, VISUAL_ENTRY_FIELDS);
            } else if (type.equals("mp4a") || type.equals("Opus") || type.equals("ac-3") || type.equals("ec-3")) {
                sampleEntry(type, body, AUDIO_ENTRY_FIELDS);
            }
        }

        private void sampleEntry(String type, ByteBuffer body, int fields) {
            if (body.remaining() < fields) {
                return;
            }
            body.position(fields);
            String codec = null;
            while (body.remaining() >= 8 && codec == null) {
                int start = body.position();
                int size = body.getInt();
                String child = fourcc(body);
                if (size < 8 || start + size > body.limit()) {
                    break;
                }
                ByteBuffer config = body.slice().limit(size - 8);
                codec = switch (child) {
                    case "avcC" -> avc(type, config);
                    case "esds" -> mp4a(config);
                    case "av1C" -> av1(config);
                    default -> null;
                };
                body.position(start + size);
            }
            codecs.add(codec == null ? type : codec);
        }

        private static String avc(String type, ByteBuffer avcC) {
            return avcC.remaining() < 4 ? null
                    : String.format("%s.%02x%02x%02x", type, avcC.get(1), avcC.get(2), avcC.get(3));
        }

        /** ISO/IEC 14496-1 descriptors: ES_Descriptor → DecoderConfigDescriptor → AudioSpecificConfig. */
        private static String mp4a(ByteBuffer esds) {
            esds.position(4); // version and flags
            if (descriptor(esds) != 0x03) {
                return null;
            }
            esds.getShort(); // ES_ID
            int flags = esds.get() & 0xFF;
            if ((flags & 0x80) != 0) {
                esds.getShort();
            }
            if ((flags & 0x40) != 0) {
                esds.position(esds.position() + (esds.get() & 0xFF));
            }
            if ((flags & 0x20) != 0) {
                esds.getShort();
            }
            if (descriptor(esds) != 0x04) {
                return null;
            }
            int objectType = esds.get() & 0xFF;
            esds.position(esds.position() + 12); // stream type, buffer size, bit rates
            if (objectType != 0x40 || descriptor(esds) != 0x05) {
                return String.format("mp4a.%02x", objectType);
            }
            int audioObjectType = (esds.get(esds.position()) & 0xFF) >>> 3;
            if (audioObjectType == 31) {
                audioObjectType = 32 + (((esds.getShort(esds.position()) & 0x07E0) >>> 5));
            }
            return "mp4a.40." + audioObjectType;
        }

        /** Reads a descriptor's tag and its variable-length size, leaving the buffer at its payload. */
        private static int descriptor(ByteBuffer buf) {
            if (buf.remaining() < 2) {
                return -1;
            }
            int tag = buf.get() & 0xFF;
            for (int i = 0; i < 4 && buf.hasRemaining(); i++) {
                if ((buf.get() & 0x80) == 0) {
                    break;
                }
            }
            return tag;
        }

        /** AV1 codec string of the AV1-ISOBMFF binding: av01.profile.levelTier.bitDepth. */
        private static String av1(ByteBuffer av1C) {
            if (av1C.remaining() < 3) {
                return null;
            }
            int b1 = av1C.get(1) & 0xFF;
            int b2 = av1C.get(2) & 0xFF;
            int depth = (b2 & 0x40) == 0 ? 8 : (b2 & 0x20) == 0 ? 10 : 12;
            return String.format("av01.%d.%02d%s.%02d", b1 >>> 5, b1 & 0x1F, (b2 & 0x80) == 0 ? "M" : "H", depth);
        }

        private static String fourcc(ByteBuffer buf) {
            byte[] b = new byte[4];
            buf.get(b);
            return new String(b, StandardCharsets.ISO_8859_1);
        }
    }
}
