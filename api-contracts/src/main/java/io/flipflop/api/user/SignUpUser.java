package io.flipflop.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A person signs up in the console. The password arrives already hashed (slow hash); never the plain text. */
public record SignUpUser(@TargetAggregateIdentifier long userId, String email, String passwordHash) {
}
