package io.flipflop.platform.webhook;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which addresses webhooks may be sent to. Anyone with a console account registers a callback URL, and the query
 * nodes POST to it from inside the operator's network: a URL naming loopback, link-local (the cloud metadata
 * service at 169.254.169.254), private, unspecified or multicast addresses would let a user reach services that
 * are not meant to be reachable from outside (server-side request forgery). Such addresses are refused unless
 * {@code flipflop.webhooks.allow-private-addresses} is set, for deployments whose app servers really are on a
 * private network, and for tests with a receiver on loopback.
 *
 * <p>The check applies to every address a name resolves to, so a name cannot hide a private address behind a
 * public one; it is made at registration and again at every delivery attempt, on the addresses then connected
 * to, because a name's answer can change after registration (DNS rebinding).
 */
@Component
public class CallbackAddressPolicy {

    private final boolean allowPrivateAddresses;

    public CallbackAddressPolicy(
            @Value("${flipflop.webhooks.allow-private-addresses:false}") boolean allowPrivateAddresses) {
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /**
     * The addresses of a host name or literal, once all of them are allowed. Blocks on the system resolver (a
     * literal resolves without it): call it off any event loop.
     *
     * @throws AddressNotAllowed    when one of them is not a public address and private ones are not allowed
     * @throws UnknownHostException when the name does not resolve
     */
    public List<InetAddress> resolve(String host) throws UnknownHostException, AddressNotAllowed {
        List<InetAddress> addresses = Arrays.asList(InetAddress.getAllByName(host));
        if (!allowPrivateAddresses) {
            for (InetAddress address : addresses) {
                Optional<String> kind = nonPublicKind(address);
                if (kind.isPresent()) {
                    throw new AddressNotAllowed(host, address, kind.get());
                }
            }
        }
        return addresses;
    }

    /** What kind of non-public address this is (e.g. "loopback"), or empty for a public one. */
    static Optional<String> nonPublicKind(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            Optional<InetAddress> embedded = embeddedIpv4(bytes);
            if (embedded.isPresent() && !v6.isLoopbackAddress() && !v6.isAnyLocalAddress()) {
                return nonPublicKind(embedded.get());
            }
            if ((bytes[0] & 0xfe) == 0xfc) {
                return Optional.of("private (unique local)");
            }
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address instanceof Inet4Address) {
            return ipv4Kind(address.getAddress());
        }
        return Optional.empty();
    }

    /**
     * IPv4 ranges the JDK does not classify: 0.0.0.0/8 reaches the local host on Linux, 100.64.0.0/10 is the
     * carrier-grade NAT space inside providers' networks, and the limited broadcast address.
     */
    private static Optional<String> ipv4Kind(byte[] bytes) {
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (first == 0) {
            return Optional.of("unspecified");
        }
        if (first == 100 && second >= 64 && second < 128) {
            return Optional.of("private (shared address space)");
        }
        if (Arrays.equals(bytes, new byte[] {(byte) 255, (byte) 255, (byte) 255, (byte) 255})) {
            return Optional.of("broadcast");
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address inside an IPv4-compatible (::a.b.c.d), IPv4-mapped (::ffff:a.b.c.d) or NAT64
     * (64:ff9b::a.b.c.d) IPv6 address: connecting to one of those reaches the IPv4 address, so it is judged.
     */
    private static Optional<InetAddress> embeddedIpv4(byte[] bytes) {
        boolean zeroPrefix = isZero(bytes, 0, 10);
        boolean compatible = zeroPrefix && bytes[10] == 0 && bytes[11] == 0;
        boolean mapped = zeroPrefix && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
        boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b
                && isZero(bytes, 4, 12);
        if (!compatible && !mapped && !nat64) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Four bytes are always an IPv4 address", e);
        }
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A callback host that is, or resolves to, an address webhooks may not be sent to. */
    public static final class AddressNotAllowed extends IOException {

        AddressNotAllowed(String host, InetAddress address, String kind) {
            super(describe(host, address, kind));
        }

        private static String describe(String host, InetAddress address, String kind) {
            String literal = address.getHostAddress();
            String named = host.equals(literal) || host.equals("[" + literal + "]") ? literal
                    : host + " resolves to " + literal + ", which";
            return named + " is not a public address (" + kind + "); webhooks are only sent to public addresses"
                    + " unless flipflop.webhooks.allow-private-addresses is set";
        }
    }
}
