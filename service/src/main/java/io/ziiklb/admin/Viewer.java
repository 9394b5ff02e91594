package io.ziiklb.admin;

import io.ziiklb.integration.Integration;
import io.ziiklb.integration.PeerAddress;
import java.io.Serializable;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking, on the pages and on {@code /api/v1}: the operator, who sees every integration, or
 * a Ziik administrator, who sees only the integrations of their own Ziik tenant.
 *
 * @param tenant the Ziik API base URL the administrator signed in to; null for the operator
 * @param email  the administrator's email; null for the operator
 * @param name   how the pages greet them
 */
public record Viewer(String tenant, String email, String name) implements Serializable {
    public static final String OPERATOR_ROLE = "ROLE_OPERATOR";
    public static final String ADMIN_ROLE = "ROLE_ZIIK_ADMIN";

    public static Viewer operator() {
        return new Viewer(null, null, "Operator");
    }

    public static Viewer ziikAdmin(String tenantApiBase, String email, String name) {
        return new Viewer(PeerAddress.canonical(tenantApiBase), email, name);
    }

    public boolean isOperator() {
        return tenant == null;
    }

    /** The tenant's host ({@code acme.ziik.io}), for people to read; null for the operator. */
    public String tenantHost() {
        return tenant == null ? null : java.net.URI.create(tenant).getAuthority();
    }

    /** Whether this viewer may see (and so change) the integration. */
    public boolean sees(Integration integration) {
        return isOperator() || PeerAddress.same(integration.ziikBaseUrl(), tenant);
    }

    public List<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority(isOperator() ? OPERATOR_ROLE : ADMIN_ROLE));
    }

    /** The viewer of the request being served; empty when nobody is signed in. */
    public static java.util.Optional<Viewer> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Viewer v ? java.util.Optional.of(v) : java.util.Optional.empty();
    }
}
