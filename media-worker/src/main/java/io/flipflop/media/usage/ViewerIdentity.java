package io.flipflop.media.usage;

import io.flipflop.platform.access.Viewer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who a playback request is from, for telling viewer sessions apart. A member (or guest) is its member id, from
 * the verified streaming token. A request without a member, anonymous or with the app server's app-wide token
 * (which an app may hand to many viewers), is a keyed hash of its client address (the first
 * {@code X-Forwarded-For} hop behind a proxy), its {@code User-Agent} and its token, under a random key made
 * at start and never stored: the address is never kept in clear, the hash cannot be reversed without the key,
 * and no viewer id leaves this worker's memory (the usage events carry counts only).
 */
final class ViewerIdentity {

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    ViewerIdentity() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    String of(Viewer viewer, String streamingToken, ServerHttpRequest request) {
        return of(viewer, streamingToken, clientAddress(request), request.getHeaders().getFirst(HttpHeaders.USER_AGENT));
    }

    /** The same from an address and agent known otherwise (an RTMP player's, whose agent is its flashVer). */
    String of(Viewer viewer, String streamingToken, String clientAddress, String userAgent) {
        if (viewer instanceof Viewer.Member member) {
            return "member:" + member.memberId();
        }
        String client = clientAddress + '\n' + userAgent + '\n' + (streamingToken == null ? "" : streamingToken);
        return "client:" + hash(client);
    }

    private String hash(String client) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] digest = mac.doFinal(client.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static String clientAddress(ServerHttpRequest request) {
        String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",", 2)[0].trim();
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "" : remote.getAddress().getHostAddress();
    }
}
