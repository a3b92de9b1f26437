package io.flipflop.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallbackSignatureTest {

    private static final String BODY =
            "{\"type\":\"VIDEO_ROOM_LIVE\",\"data\":{\"videoRoomId\":42,\"videoRoomVideoRoomState\":\"LIVE\"}}";

    /** The expected value was computed with Python's hmac module, as a receiver in another language would. */
    @Test
    void theSignatureIsHexHmacSha256OfTimestampDotBody() {
        assertThat(CallbackSignature.sign("whsec-test-secret", 1_700_000_000L, BODY))
                .isEqualTo("sha256=b74585cd4f46612fa050bf87d79f1250878146cdc8ff51196b6207ac26b10783");
    }

    @Test
    void anotherTimestampGivesAnotherSignature() {
        assertThat(CallbackSignature.sign("whsec-test-secret", 1_700_000_001L, BODY))
                .isNotEqualTo(CallbackSignature.sign("whsec-test-secret", 1_700_000_000L, BODY));
    }
}
