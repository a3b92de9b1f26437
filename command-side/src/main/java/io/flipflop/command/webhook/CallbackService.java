package io.flipflop.command.webhook;

import io.flipflop.api.app.RegisterAppCallback;
import io.flipflop.api.app.RequestAppCallbackTest;
import io.flipflop.api.app.RotateAppCallbackSigningSecret;
import io.flipflop.api.app.SealedSecret;
import io.flipflop.api.app.UnregisterAppCallback;
import io.flipflop.api.webhook.CallbackRegistration;
import io.flipflop.api.webhook.CallbackRegistrationRequest;
import io.flipflop.api.webhook.SigningSecret;
import io.flipflop.api.webhook.TestDeliveryAccepted;
import io.flipflop.command.app.AppCommands;
import io.flipflop.command.app.CallbackRegistrationState;
import io.flipflop.platform.security.ConsoleUser;
import io.flipflop.platform.security.SecretBox;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The console's webhook writes. Secrets are sealed ({@link SecretBox}) before they enter a command, so only
 * their ciphertext is ever stored; a new signing secret is in the one answer that issues it and nowhere else.
 */
@Service
public class CallbackService {

    private static final int SIGNING_SECRET_BYTES = 32;

    private final AppCommands commands;
    private final SecretBox secrets;
    private final SecureRandom random = new SecureRandom();

    public CallbackService(AppCommands commands, SecretBox secrets) {
        this.commands = commands;
        this.secrets = secrets;
    }

    /** The new signing secret is sealed every time, but only an app that has none yet takes it. */
    public Mono<CallbackRegistration> register(ConsoleUser user, long appId, CallbackRegistrationRequest request) {
        String password = request == null ? null : request.callbackPassword();
        String signingSecret = newSigningSecret();
        var command = new RegisterAppCallback(appId, user.userId(),
                request == null ? null : strip(request.callbackUrl()),
                request == null ? null : strip(request.callbackId()),
                password == null || password.isBlank() ? null : secrets.seal(password),
                secrets.seal(signingSecret));
        return commands.<CallbackRegistrationState>send(appId, command)
                .map(state -> new CallbackRegistration(true, state.callbackUrl(), state.callbackId(),
                        state.signingSecretIssued() ? signingSecret : null));
    }

    public Mono<SigningSecret> rotateSigningSecret(ConsoleUser user, long appId) {
        String signingSecret = newSigningSecret();
        SealedSecret sealed = secrets.seal(signingSecret);
        return commands.send(appId, new RotateAppCallbackSigningSecret(appId, user.userId(), sealed))
                .then(Mono.fromSupplier(() -> new SigningSecret(signingSecret)));
    }

    public Mono<Void> unregister(ConsoleUser user, long appId) {
        return commands.send(appId, new UnregisterAppCallback(appId, user.userId())).then();
    }

    public Mono<TestDeliveryAccepted> sendTest(ConsoleUser user, long appId) {
        String deliveryId = UUID.randomUUID().toString();
        return commands.send(appId, new RequestAppCallbackTest(appId, user.userId(), deliveryId))
                .then(Mono.fromSupplier(() -> new TestDeliveryAccepted(deliveryId)));
    }

    /** 256 random bits, base64url: the HMAC-SHA256 key of the app's deliveries. */
    private String newSigningSecret() {
        byte[] bytes = new byte[SIGNING_SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
