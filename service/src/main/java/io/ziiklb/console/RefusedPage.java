package io.ziiklb.console;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The page for a form post the pages' chain refused (403: no CSRF token, or a wrong or expired
 * one), reached by the chain's forward ({@link ConsoleSecurity}): it says in words that nothing was
 * done, where the error shape of the API would have shown a person JSON. Any method, since the
 * forward keeps the refused post's.
 */
@Controller
class RefusedPage {
    static final String PATH = "/integrations/refused";

    @RequestMapping(PATH)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused() {
        return "refused";
    }
}
