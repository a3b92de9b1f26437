package io.flipflop.api.app;

import io.flipflop.api.streamkey.OutputMode;

public record AppDefaultRtmpOutputModeChanged(long appId, OutputMode mode) implements AppEvent {
}
