package io.ziiklb.integration;

/**
 * An integration's automatic sign-in when it is on: the Ziik quicklink it made, and the customer's
 * OpenID Connect provider when one is configured. Its signing secret is in {@link IntegrationSecrets}.
 *
 * @param quicklinkId the "Learningbank" quicklink in Ziik; null when Ziik refused to make it
 * @param oidc        null when no identity provider is configured
 */
public record SsoSettings(Long quicklinkId, Oidc oidc) {

    /** The customer's OpenID Connect provider; the client secret is sealed with the other secrets. */
    public record Oidc(String issuer, String clientId, String claim) {
        public static final String EMAIL = "email";
        public static final String UPN = "upn";
    }

    /** The address Ziik sends people to: {@code <public url>/sso/<integration id>/launch}. */
    public static String launchUrl(String publicUrl, String integrationId) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/sso/" + integrationId + "/launch";
    }
}
