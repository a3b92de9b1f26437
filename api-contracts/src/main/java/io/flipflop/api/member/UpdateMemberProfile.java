package io.flipflop.api.member;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the listed fields of the profile to the values in {@code values} (a null value clears the field). */
public record UpdateMemberProfile(@TargetAggregateIdentifier long memberId, MemberProfile values,
                                  Set<ProfileField> fields) {
}
