package io.flipflop.platform.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * A verified caller whose principal is one of FlipFlop's records ({@link AuthenticatedApp},
 * {@link AuthenticatedMember}, {@link ConsoleUser}), which is what {@code @AuthenticationPrincipal} hands to
 * controllers. It keeps no credentials: the secret or token that proved the identity is not needed after.
 */
public final class PrincipalAuthentication extends AbstractAuthenticationToken {

    private final Object principal;

    public PrincipalAuthentication(Object principal, String role) {
        super(AuthorityUtils.createAuthorityList("ROLE_" + role));
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return principal.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PrincipalAuthentication that && super.equals(that) && principal.equals(that.principal);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + principal.hashCode();
    }
}
