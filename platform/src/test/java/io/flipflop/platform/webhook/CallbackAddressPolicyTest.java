package io.flipflop.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flipflop.platform.webhook.CallbackAddressPolicy.AddressNotAllowed;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which callback addresses are refused by default, literals only (no name server is needed). */
class CallbackAddressPolicyTest {

    private final CallbackAddressPolicy byDefault = new CallbackAddressPolicy(false);

    @ParameterizedTest
    @CsvSource({"127.0.0.1, loopback", "127.8.9.10, loopback", "[::1], loopback", "169.254.169.254, link-local",
            "[fe80::1], link-local", "10.1.2.3, private", "172.16.0.1, private", "172.31.255.255, private",
            "192.168.1.1, private", "[fd00::1], private (unique local)", "[fc00::1], private (unique local)",
            "0.0.0.0, unspecified", "0.1.2.3, unspecified", "[::], unspecified", "224.0.0.1, multicast",
            "[ff02::1], multicast", "100.64.0.1, private (shared address space)", "255.255.255.255, broadcast",
            "[::ffff:127.0.0.1], loopback", "[::ffff:169.254.169.254], link-local", "[::10.0.0.1], private",
            "[64:ff9b::a9fe:a9fe], link-local", "2130706433, loopback"})
    void aNonPublicAddressIsRefusedByDefault(String host, String kind) {
        assertThatThrownBy(() -> byDefault.resolve(host))
                .isInstanceOf(AddressNotAllowed.class)
                .hasMessageContaining("is not a public address (" + kind + ")")
                .hasMessageContaining("flipflop.webhooks.allow-private-addresses");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "[2606:4700::1111]",
            "[::ffff:8.8.8.8]"})
    void aPublicAddressIsAllowed(String host) throws Exception {
        assertThat(byDefault.resolve(host)).hasSize(1);
    }

    @Test
    void aNameIsJudgedByTheAddressItResolvesTo() {
        assertThatThrownBy(() -> byDefault.resolve("localhost"))
                .isInstanceOf(AddressNotAllowed.class)
                .hasMessageStartingWith("localhost resolves to ")
                .hasMessageContaining("is not a public address (loopback)");
    }

    @Test
    void privateAddressesAreAllowedWhenTheSettingSaysSo() throws Exception {
        CallbackAddressPolicy allowing = new CallbackAddressPolicy(true);

        assertThat(allowing.resolve("127.0.0.1")).containsExactly(InetAddress.getLoopbackAddress());
        assertThat(allowing.resolve("169.254.169.254")).hasSize(1);
    }
}
