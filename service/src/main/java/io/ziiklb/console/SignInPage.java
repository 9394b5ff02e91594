package io.ziiklb.console;

import io.ziiklb.admin.Viewer;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /}: the sign-in page, saying why the last attempt was refused; signed in, the integrations. */
@Controller
class SignInPage {
    /** The refusals the page can explain ({@link ZiikAdminSignIn.Refused}); anything else reads as a wrong password. */
    private static final Set<String> REASONS = Set.of("password", "not_admin", "locked", "unreachable", "address", "operator");

    @GetMapping("/")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String signedOut, Model model) {
        if (Viewer.current().isPresent()) {
            return "redirect:/integrations";
        }
        model.addAttribute("error", error == null ? null : REASONS.contains(error) ? error : "password");
        model.addAttribute("signedOut", signedOut != null);
        return "signin";
    }
}
