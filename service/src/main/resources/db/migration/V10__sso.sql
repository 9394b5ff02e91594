-- Automatic sign-in (docs/api.md, "Automatic sign-in"). Its signing secret is sealed with the
-- integration's other secrets; what is here is not secret.
CREATE TABLE integration_sso (
    integration_id  VARCHAR(36)   NOT NULL PRIMARY KEY REFERENCES integration (id) ON DELETE CASCADE,
    quicklink_id    BIGINT,                     -- the "Learningbank" quicklink made in Ziik
    oidc_issuer     VARCHAR(500),               -- the customer's OpenID Connect provider, when configured
    oidc_client_id  VARCHAR(500),
    oidc_claim      VARCHAR(10),                -- email or upn, matched to the Ziik user's email
    turned_on_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Each launch token's jti, used once across every instance, kept until the token expires.
CREATE TABLE sso_used_token (
    jti             VARCHAR(200)  NOT NULL PRIMARY KEY,
    integration_id  VARCHAR(36)   NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sso_used_token_expiry ON sso_used_token (expires_at);

-- A browser's remembered sign-in for one integration: the cookie holds a random token, this its hash.
CREATE TABLE sso_remembered (
    token_hash      VARCHAR(64)   NOT NULL PRIMARY KEY,
    integration_id  VARCHAR(36)   NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    ziik_user_id    BIGINT        NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
