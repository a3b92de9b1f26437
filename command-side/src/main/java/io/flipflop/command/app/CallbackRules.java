package io.flipflop.command.app;

import io.flipflop.api.app.SealedSecret;
import io.flipflop.platform.error.DomainRejection;
import io.flipflop.platform.webhook.CallbackAddressPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/** What a webhook registration must satisfy (reference §17.1: URL, id and password are all required). */
final class CallbackRules {

    static final int MAX_URL_LENGTH = 2048;

    private CallbackRules() {
    }

    /**
     * The URL must be absolute http(s) with a host. Credentials in the URL are refused: they would end up in
     * places a password must not (the console, logs), and the callback id and password are the credentials.
     * The callback id becomes the user-id of Basic auth, where a colon cannot be told from the separator.
     */
    static void requireValid(String callbackUrl, String callbackId, SealedSecret callbackPassword) {
        if (!isValidUrl(callbackUrl)) {
            throw new DomainRejection("INVALID_CALLBACK_URL",
                    "The callback URL must be an absolute http or https URL with a host and no user info");
        }
        if (callbackId == null || callbackId.isBlank()) {
            throw new DomainRejection("EMPTY_CALLBACK_ID", "A callback needs a callback id");
        }
        if (callbackId.indexOf(':') >= 0) {
            throw new DomainRejection("INVALID_CALLBACK_ID", "A callback id cannot contain ':' (Basic auth)");
        }
        if (callbackPassword == null) {
            throw new DomainRejection("EMPTY_CALLBACK_PASSWORD", "A callback needs a callback password");
        }
    }

    /**
     * Refuses a URL whose host is, or resolves to, an address webhooks may not reach ({@link CallbackAddressPolicy}).
     * A name that does not resolve now is accepted: its app server may not be in DNS yet, and every delivery
     * attempt checks the addresses it connects to anyway.
     */
    static void requireAllowedAddress(String callbackUrl, CallbackAddressPolicy addresses) {
        try {
            addresses.resolve(URI.create(callbackUrl).getHost());
        } catch (CallbackAddressPolicy.AddressNotAllowed e) {
            throw new DomainRejection("CALLBACK_URL_NOT_ALLOWED", e.getMessage());
        } catch (UnknownHostException e) {
            // accepted, see above
        }
    }

    private static boolean isValidUrl(String callbackUrl) {
        if (callbackUrl == null || callbackUrl.length() > MAX_URL_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(callbackUrl);
            String scheme = uri.getScheme();
            return uri.isAbsolute() && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
