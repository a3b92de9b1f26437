package io.flipflop.media.ingest;

import io.flipflop.api.streamkey.OutputMode;
import java.util.Locale;
import java.util.Optional;

/**
 * What a publisher's {@code publish} names: the stream key, and the output mode when it appended
 * {@code ?mode=CMAF|RTMP|RTMP_CMAF} (reference §16; OBS puts the whole {@code key?mode=...} in its Stream Key
 * field). No mode means: let the stream key decide.
 *
 * @param mode empty when the publish name has none
 */
record PublishName(String streamKey, Optional<OutputMode> mode) {

    /** Empty when the name is blank or its mode is not one of ours. */
    static Optional<PublishName> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        int query = name.indexOf('?');
        String key = query < 0 ? name : name.substring(0, query);
        if (key.isBlank()) {
            return Optional.empty();
        }
        if (query < 0) {
            return Optional.of(new PublishName(key, Optional.empty()));
        }
        Optional<OutputMode> mode = Optional.empty();
        for (String parameter : name.substring(query + 1).split("&")) {
            if (parameter.startsWith("mode=")) {
                try {
                    mode = Optional.of(OutputMode.valueOf(parameter.substring(5).toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException unknownMode) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new PublishName(key, mode));
    }

    /** For log lines: the key is a secret, so only a short digest of it, enough to correlate lines. */
    String keyDigest() {
        return KeyDigest.of(streamKey);
    }

    @Override
    public String toString() {
        return "PublishName[key#" + keyDigest() + ", mode=" + mode + "]";
    }
}
