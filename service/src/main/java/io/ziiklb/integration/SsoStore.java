package io.ziiklb.integration;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Which integrations have automatic sign-in on, in the database ({@code integration_sso}). */
public final class SsoStore {
    private final JdbcClient jdbc;
    private final Supplier<String> publicUrl;

    /** @param publicUrl where Ziik reaches this service (read when needed: the port is known late) */
    public SsoStore(JdbcClient jdbc, Supplier<String> publicUrl) {
        this.jdbc = jdbc;
        this.publicUrl = publicUrl;
    }

    /** The integration's launch address, on or off. */
    public String launchUrl(String integrationId) {
        return SsoSettings.launchUrl(publicUrl.get(), integrationId);
    }

    /** Where the integration's identity provider sends the person back: {@code <public url>/sso/<id>/oidc/callback}. */
    public String oidcCallbackUrl(String integrationId) {
        String launch = launchUrl(integrationId);
        return launch.substring(0, launch.length() - "/launch".length()) + "/oidc/callback";
    }

    /** What the status shows of it. */
    public IntegrationStatus.Sso status(String integrationId) {
        return find(integrationId).map(s -> new IntegrationStatus.Sso(true, launchUrl(integrationId), s.oidc()))
                .orElse(new IntegrationStatus.Sso(false, null, null));
    }

    /** The integration's automatic sign-in; empty when it is off. */
    public Optional<SsoSettings> find(String integrationId) {
        return jdbc.sql("SELECT quicklink_id, oidc_issuer, oidc_client_id, oidc_claim FROM integration_sso WHERE integration_id = ?")
                .param(integrationId)
                .query((rs, n) -> new SsoSettings((Long) rs.getObject(1, Long.class), rs.getString(2) == null ? null
                        : new SsoSettings.Oidc(rs.getString(2), rs.getString(3), rs.getString(4))))
                .optional();
    }

    /** Turns it on, or changes it. */
    public void save(String integrationId, SsoSettings sso, Instant at) {
        SsoSettings.Oidc oidc = sso.oidc();
        int updated = jdbc.sql("UPDATE integration_sso SET quicklink_id = ?, oidc_issuer = ?, oidc_client_id = ?, oidc_claim = ?"
                        + " WHERE integration_id = ?")
                .params(sso.quicklinkId(), oidc == null ? null : oidc.issuer(), oidc == null ? null : oidc.clientId(),
                        oidc == null ? null : oidc.claim(), integrationId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO integration_sso (integration_id, quicklink_id, oidc_issuer, oidc_client_id, oidc_claim,"
                            + " turned_on_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(integrationId, sso.quicklinkId(), oidc == null ? null : oidc.issuer(),
                            oidc == null ? null : oidc.clientId(), oidc == null ? null : oidc.claim(), at.atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    /** Turns it off; the integration's remembered sign-ins go with it. */
    public void delete(String integrationId) {
        jdbc.sql("DELETE FROM integration_sso WHERE integration_id = ?").param(integrationId).update();
        jdbc.sql("DELETE FROM sso_remembered WHERE integration_id = ?").param(integrationId).update();
    }
}
