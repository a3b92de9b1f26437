package io.flipflop.command.token;

import io.flipflop.api.member.MemberDeleted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A deleted member cannot refresh: its refresh-token families are revoked once its deletion is stored, within
 * moments and with retries ({@link MemberTokenRevocationProcessing}). Replaying old deletions revokes nothing new.
 * Its access and streaming tokens are self-contained JWTs and live out their lifetime.
 */
@Component
@ProcessingGroup(MemberTokenRevocationProcessing.PROCESSING_GROUP)
public class MemberTokenRevocation {

    private final RefreshTokens refreshTokens;

    public MemberTokenRevocation(RefreshTokens refreshTokens) {
        this.refreshTokens = refreshTokens;
    }

    @EventHandler
    void on(MemberDeleted event) {
        refreshTokens.revokeMember(event.appId(), event.memberId());
    }
}
