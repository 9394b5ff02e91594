package io.ziiklb.console;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/**
 * The sign-in form's fields beside email and password: the Ziik address the person signs in to, or
 * the operator token (the operator's way in, instead of a Ziik account).
 */
record SignInDetails(String address, String operatorToken) implements Serializable {

    static SignInDetails of(HttpServletRequest request) {
        return new SignInDetails(request.getParameter("address"), request.getParameter("operatorToken"));
    }

    boolean operator() {
        return operatorToken != null && !operatorToken.isBlank();
    }
}
