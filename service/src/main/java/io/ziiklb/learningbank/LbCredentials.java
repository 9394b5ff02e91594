package io.ziiklb.learningbank;

/**
 * Where a customer's Learningbank is and the API key to use.
 *
 * @param baseUrl the platform URL plus {@code /api/v1}
 */
public record LbCredentials(String baseUrl, String username, String password, String token) {

    @Override
    public String toString() {
        return "LbCredentials[" + baseUrl + " as " + username + "]"; // never print the password or token
    }
}
