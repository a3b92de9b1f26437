package io.flipflop.media.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.platform.access.Viewer;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ViewerIdentityTest {

    private final ViewerIdentity identity = new ViewerIdentity();

    @Test
    void aMemberIsItsMemberIdWhateverItsClient() {
        Viewer member = Viewer.member(1, 42, false);

        assertThat(identity.of(member, "token-a", request("10.0.0.1", "Safari"))).isEqualTo("member:42")
                .isEqualTo(identity.of(member, "token-b", request("10.0.0.2", "Chrome")));
    }

    @Test
    void anAnonymousViewerIsItsClientHashedWithoutTheAddressInClear() {
        String viewer = identity.of(Viewer.anonymous(), null, request("203.0.113.7", "Safari"));

        assertThat(viewer).isEqualTo(identity.of(Viewer.anonymous(), null, request("203.0.113.7", "Safari")))
                .isNotEqualTo(identity.of(Viewer.anonymous(), null, request("203.0.113.7", "Chrome")))
                .isNotEqualTo(identity.of(Viewer.anonymous(), null, request("203.0.113.8", "Safari")))
                .doesNotContain("203.0.113.7");
        assertThat(new ViewerIdentity().of(Viewer.anonymous(), null, request("203.0.113.7", "Safari")))
                .as("another process hashes with another key").isNotEqualTo(viewer);
    }

    @Test
    void behindAProxyTheFirstForwardedAddressTellsClientsApart() {
        ServerHttpRequest first = MockServerHttpRequest.get("/live/1/seg-1.m4s")
                .remoteAddress(new InetSocketAddress("127.0.0.1", 5000))
                .header("X-Forwarded-For", "198.51.100.1, 10.0.0.1").header("User-Agent", "Safari").build();
        ServerHttpRequest second = MockServerHttpRequest.get("/live/1/seg-1.m4s")
                .remoteAddress(new InetSocketAddress("127.0.0.1", 5000))
                .header("X-Forwarded-For", "198.51.100.2, 10.0.0.1").header("User-Agent", "Safari").build();

        assertThat(identity.of(Viewer.anonymous(), null, first))
                .isNotEqualTo(identity.of(Viewer.anonymous(), null, second));
    }

    @Test
    void holdersOfDifferentAppWideTokensAreDifferentViewers() {
        Viewer app = Viewer.appWide(1);

        assertThat(identity.of(app, "token-a", request("10.0.0.1", "Safari")))
                .isNotEqualTo(identity.of(app, "token-b", request("10.0.0.1", "Safari")));
    }

    private static ServerHttpRequest request(String address, String userAgent) {
        return MockServerHttpRequest.get("/live/1/seg-1.m4s").remoteAddress(new InetSocketAddress(address, 5000))
                .header("User-Agent", userAgent).build();
    }
}
