package io.ziiklb.sso;

/**
 * The pages a launch can end on, each with its status: the reason names the texts
 * ({@code sso.<reason>.title} and {@code .text} in the message bundles).
 */
enum SsoPage {
    UNKNOWN(404), PAUSED(409), BAD_TARGET(400), BAD_TOKEN(401), NOT_SYNCHRONISED(404), DEACTIVATED(403), UNREACHABLE(503),
    SIGNED_OUT(200), NO_SUCH_USER(403);

    final int status;

    SsoPage(int status) {
        this.status = status;
    }

    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
