package io.flipflop.query.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-FlipFlop-Signature} of a delivery attempt (our addition to FlipFlop's callbacks):
 * {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with the UTF-8 bytes of the signing secret, of
 * {@code timestamp + "." + body}, where timestamp is the {@code X-FlipFlop-Timestamp} header (Unix seconds). The
 * timestamp inside the signed text lets a receiver refuse replays of an old attempt.
 */
final class CallbackSignature {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private CallbackSignature() {
    }

    static String sign(String signingSecret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), HMAC_SHA256));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform must provide HmacSHA256", e);
        }
    }
}
