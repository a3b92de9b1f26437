package io.flipflop.platform.security;

import org.springframework.context.annotation.Profile;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Something behind each chain that echoes the principal it was given. Only under the
 * {@value #PROFILE} profile, because the platform's component scan also finds it wherever this test jar is
 * on the class path (the sides' tests).
 */
@Profile(SecurityProbeController.PROFILE)
@RestController
public class SecurityProbeController {

    public static final String PROFILE = "security-probe";
    public static final String APP_PROBE = "/v2/apps/me/security-probe";
    public static final String MEMBER_PROBE = "/v2/members/me/security-probe";
    public static final String CONSOLE_PROBE = "/console/v1/security-probe";

    @GetMapping(APP_PROBE)
    public AuthenticatedApp app(@AuthenticationPrincipal AuthenticatedApp app) {
        return app;
    }

    @GetMapping(MEMBER_PROBE)
    public AuthenticatedMember member(@AuthenticationPrincipal AuthenticatedMember member) {
        return member;
    }

    @GetMapping(CONSOLE_PROBE)
    public ConsoleUser consoleRead(@AuthenticationPrincipal ConsoleUser user) {
        return user;
    }

    @PostMapping(CONSOLE_PROBE)
    public ConsoleUser consoleWrite(@AuthenticationPrincipal ConsoleUser user) {
        return user;
    }
}
