package io.flipflop.command.user;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.flipflop.api.user.SignUpUser;
import io.flipflop.api.user.UserSignedUp;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A console user (named so it does not clash with the {@code ConsoleUser} principal). Its email is unique
 * thanks to the {@link UserDirectory} claim made before {@link SignUpUser} is sent.
 */
@Aggregate
public class UserAccount {

    /** Boxed: null until the first event, so Axon stamps a creating handler's events with the id it sets. */
    @AggregateIdentifier
    private Long userId;

    protected UserAccount() {
    }

    @CommandHandler
    public UserAccount(SignUpUser command) {
        ConsoleCredentialRules.checkEmail(command.email());
        apply(new UserSignedUp(command.userId(), command.email(), command.passwordHash()));
    }

    @EventSourcingHandler
    void on(UserSignedUp event) {
        userId = event.userId();
    }
}
