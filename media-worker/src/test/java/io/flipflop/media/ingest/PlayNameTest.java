package io.flipflop.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlayNameTest {

    @Test
    void theRoomAndTheTokenFromItsQuery() {
        assertThat(PlayName.parse("42?streamingToken=a.b-c_d")).contains(new PlayName("42", "a.b-c_d"));
        assertThat(PlayName.parse("42?foo=1&streamingToken=a%2Bb")).as("percent-encoded, among other parameters")
                .contains(new PlayName("42", "a+b"));
    }

    @Test
    void noTokenIsAnAnonymousViewer() {
        assertThat(PlayName.parse("42")).contains(new PlayName("42", null));
        assertThat(PlayName.parse("42?other=1")).contains(new PlayName("42", null));
    }

    @Test
    void noRoomIsNoName() {
        assertThat(PlayName.parse(null)).isEmpty();
        assertThat(PlayName.parse("")).isEmpty();
        assertThat(PlayName.parse("?streamingToken=t")).isEmpty();
    }

    @Test
    void theTokenNeverShowsInItsText() {
        assertThat(PlayName.parse("42?streamingToken=sEcReT").orElseThrow().toString())
                .doesNotContain("sEcReT").contains("42");
    }
}
