package io.ziiklb.integration;

/**
 * What is stored sealed: the peers' passwords and tokens, Ziik's shared secret, and the secrets
 * this service makes (the webhook path secret and the SSO signing secret).
 */
public record IntegrationSecrets(String ziikPassword, String ziikSharedSecret, String learningbankPassword,
                                 String learningbankToken, String webhookSecret, String ssoSecret) {

    @Override
    public String toString() {
        return "IntegrationSecrets[hidden]";
    }
}
