package io.flipflop.command.streamkey;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.api.streamkey.StreamKeyState;
import org.junit.jupiter.api.Test;

class StreamKeyTest {

    @Test
    void aNewStreamKeyIsInactive() {
        StreamKey key = new StreamKey();
        key.on(new StreamKeyCreated(101, 7, 100, "AbCdEfGhIjKlMnOpQrStUvWxYz012345"));
        assertThat(key.state()).isEqualTo(StreamKeyState.INACTIVE);
    }

    @Test
    void streamKeyStringsAreLongRandomAndUrlSafe() {
        StreamKeyStrings strings = new StreamKeyStrings();
        String key = strings.newStreamKey();
        assertThat(key).matches("[A-Za-z0-9]{32}");
        assertThat(strings.newStreamKey()).isNotEqualTo(key);
    }
}
