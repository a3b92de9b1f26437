package io.flipflop.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaNamesTest {

    @Test
    void theOriginReadsBackExactlyTheNamesThePlaylistsUse() {
        assertThat(MediaNames.parse(MediaNames.init(2))).contains(new MediaNames.Numbered(MediaNames.Kind.INIT, 2));
        assertThat(MediaNames.parse(MediaNames.segment(17))).contains(new MediaNames.Numbered(MediaNames.Kind.SEGMENT, 17));
        assertThat(MediaNames.parse(MediaNames.part(345))).contains(new MediaNames.Numbered(MediaNames.Kind.PART, 345));
        assertThat(MediaNames.parse("../seg-1.m4s")).isEmpty();
        assertThat(MediaNames.parse("seg-1.mp4")).isEmpty();
        assertThat(MediaNames.parse("init-1.m4s")).isEmpty();
        assertThat(MediaNames.parse("part-99999999999999999999.m4s")).isEmpty();
    }
}
