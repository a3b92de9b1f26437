package io.flipflop.media.ingest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a player's {@code play} names in the application {@code live}: the video room, as in the origin's
 * {@code /live/{videoRoomId}} paths, and the streaming token when it appended {@code ?streamingToken=...}
 * (reference §16: viewers append the token to the play URL themselves). So
 * {@code rtmp://host:1935/live/{videoRoomId}?streamingToken={token}} plays what
 * {@code /live/{videoRoomId}.flv?streamingToken={token}} does.
 *
 * @param streamingToken null when the name has none (anonymous viewer)
 */
record PlayName(String videoRoomId, String streamingToken) {

    private static final String TOKEN = "streamingToken=";

    /** Empty when the name is blank. */
    static Optional<PlayName> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        int query = name.indexOf('?');
        String room = query < 0 ? name : name.substring(0, query);
        if (room.isBlank()) {
            return Optional.empty();
        }
        String token = null;
        if (query >= 0) {
            for (String parameter : name.substring(query + 1).split("&")) {
                if (parameter.startsWith(TOKEN)) {
                    token = URLDecoder.decode(parameter.substring(TOKEN.length()), StandardCharsets.UTF_8);
                }
            }
        }
        return Optional.of(new PlayName(room, token));
    }

    /** The token is a credential: never in a log line. */
    @Override
    public String toString() {
        return "PlayName[videoRoomId=" + videoRoomId + ", token " + (streamingToken == null ? "absent" : "present")
                + "]";
    }
}
