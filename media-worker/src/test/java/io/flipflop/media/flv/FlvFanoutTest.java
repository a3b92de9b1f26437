package io.flipflop.media.flv;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.media.cmaf.FlvWriter;
import io.flipflop.media.stream.FlvTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The HTTP-FLV fan-out with hand-made tags: what a viewer receives when it joins and while it watches. */
class FlvFanoutTest {

    private static final FlvTag METADATA = new FlvTag(FlvTag.SCRIPT_DATA, 0, new byte[]{2, 0, 10});
    private static final FlvTag AVC_CONFIG = new FlvTag(FlvTag.VIDEO, 0, new byte[]{0x17, 0, 0, 0, 0, 1});
    private static final FlvTag AAC_CONFIG = new FlvTag(FlvTag.AUDIO, 0, new byte[]{(byte) 0xAF, 0, 0x12, 0x10});
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final FlvFanout fanout = new FlvFanout();

    @Test
    void aViewerJoiningMidStreamStartsAtTheLastKeyframeWithTheConfigurationsStampedThere() {
        List.of(METADATA, AVC_CONFIG, AAC_CONFIG, keyframe(0), inter(33), audio(40), keyframe(1000), inter(1033),
                audio(1040)).forEach(fanout::accept);

        StepVerifier.create(fanout.watchFlv())
                .assertNext(bytes -> assertThat(bytes).isEqualTo(FlvWriter.header()))
                .assertNext(is(new FlvTag(FlvTag.VIDEO, 1000, AVC_CONFIG.body())))
                .assertNext(is(new FlvTag(FlvTag.AUDIO, 1000, AAC_CONFIG.body())))
                .assertNext(is(keyframe(1000)))
                .assertNext(is(inter(1033)))
                .assertNext(is(audio(1040)))
                .then(() -> fanout.accept(inter(1066)))
                .assertNext(is(inter(1066)))
                .then(fanout::end)
                .verifyComplete();
    }

    @Test
    void aNewConfigurationStartsAFreshGopAndScriptDataIsNotPassedOn() {
        List.of(AVC_CONFIG, keyframe(0), inter(33), AVC_CONFIG, METADATA).forEach(fanout::accept);

        StepVerifier.create(fanout.watchFlv())
                .assertNext(bytes -> assertThat(bytes).isEqualTo(FlvWriter.header()))
                .assertNext(is(AVC_CONFIG))
                .then(() -> {
                    fanout.accept(METADATA);
                    fanout.accept(keyframe(66));
                })
                .assertNext(is(keyframe(66)))
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(fanout.viewerCount()).as("a viewer that left is forgotten").isZero();
    }

    @Test
    void aViewerThatFallsTooFarBehindIsDroppedAndTheOthersGoOn() {
        fanout.accept(keyframe(0));
        List<byte[]> slow = new ArrayList<>();
        StepVerifier.create(fanout.watchFlv(), 0)
                .then(() -> {
                    for (int i = 1; i <= FlvFanout.VIEWER_QUEUE + 10; i++) {
                        fanout.accept(inter(i * 33L));
                    }
                })
                .thenRequest(Long.MAX_VALUE)
                .recordWith(() -> slow)
                .thenConsumeWhile(bytes -> true)
                .verifyErrorMessage("The FLV viewer fell too far behind");
        assertThat(slow).as("the header, then at most a queue").hasSizeLessThanOrEqualTo(1 + FlvFanout.VIEWER_QUEUE);

        StepVerifier.create(fanout.watchFlv())
                .assertNext(bytes -> assertThat(bytes).isEqualTo(FlvWriter.header()))
                .expectNextCount(FlvFanout.MAX_GOP_TAGS)
                .then(() -> fanout.accept(keyframe(99_000)))
                .assertNext(is(keyframe(99_000)))
                .then(fanout::end)
                .verifyComplete();
    }

    @Test
    void noOneJoinsAnEndedPublish() {
        fanout.accept(keyframe(0));
        fanout.end();

        StepVerifier.create(fanout.watchFlv()).verifyComplete();
    }

    /** The tag as the viewer must receive it, serialised. */
    private static Consumer<byte[]> is(FlvTag tag) {
        return bytes -> assertThat(bytes).isEqualTo(FlvWriter.tag(tag));
    }

    private static FlvTag keyframe(long ms) {
        return new FlvTag(FlvTag.VIDEO, ms, new byte[]{0x17, 1, 0, 0, 0, 5});
    }

    private static FlvTag inter(long ms) {
        return new FlvTag(FlvTag.VIDEO, ms, new byte[]{0x27, 1, 0, 0, 0, 1});
    }

    private static FlvTag audio(long ms) {
        return new FlvTag(FlvTag.AUDIO, ms, new byte[]{(byte) 0xAF, 1, 0x21});
    }
}
