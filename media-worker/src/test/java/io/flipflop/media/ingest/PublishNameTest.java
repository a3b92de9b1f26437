package io.flipflop.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.api.streamkey.OutputMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublishNameTest {

    @Test
    void aPlainNameIsTheKey() {
        assertThat(PublishName.parse("abc123")).contains(new PublishName("abc123", Optional.empty()));
    }

    @Test
    void readsTheModeInAnyCase() {
        assertThat(PublishName.parse("abc?mode=rtmp_cmaf"))
                .contains(new PublishName("abc", Optional.of(OutputMode.RTMP_CMAF)));
        assertThat(PublishName.parse("abc?x=1&mode=RTMP")).contains(new PublishName("abc", Optional.of(OutputMode.RTMP)));
    }

    @Test
    void refusesAnUnknownModeOrNoKey() {
        assertThat(PublishName.parse("abc?mode=WEBRTC")).isEmpty();
        assertThat(PublishName.parse("?mode=CMAF")).isEmpty();
        assertThat(PublishName.parse(null)).isEmpty();
    }

    @Test
    void neverShowsTheKey() {
        assertThat(PublishName.parse("secretKey").orElseThrow().toString()).doesNotContain("secretKey");
    }
}
