package io.ziiklb.integration;

/**
 * What is stored sealed: the peers' passwords and tokens, Ziik's shared secret, the secrets this
 * service makes (the webhook path secret and the SSO signing secret), and the client secret of the
 * customer's OpenID Connect provider when automatic sign-in uses one.
 */
public record IntegrationSecrets(String ziikPassword, String ziikSharedSecret, String learningbankPassword,
                                 String learningbankToken, String webhookSecret, String ssoSecret, String oidcClientSecret) {

    public IntegrationSecrets(String ziikPassword, String ziikSharedSecret, String learningbankPassword,
                              String learningbankToken, String webhookSecret, String ssoSecret) {
        this(ziikPassword, ziikSharedSecret, learningbankPassword, learningbankToken, webhookSecret, ssoSecret, null);
    }

    /** The same, with a new SSO signing secret (rotation: launch tokens signed with the old one stop working). */
    public IntegrationSecrets withSso(String newSsoSecret, String newOidcClientSecret) {
        return new IntegrationSecrets(ziikPassword, ziikSharedSecret, learningbankPassword, learningbankToken, webhookSecret,
                newSsoSecret, newOidcClientSecret);
    }

    @Override
    public String toString() {
        return "IntegrationSecrets[hidden]";
    }
}
