package io.ziiklb.console;

import io.ziiklb.admin.Viewer;
import io.ziiklb.http.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page has: who is signed in (for the header and its "Sign out"), forms bound to plain
 * fields, and a refusal of the service (an integration of another tenant, a disabled one asked to
 * synchronise) answered as a page with its status, not as the API's JSON.
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleModel {

    @ModelAttribute("viewer")
    Viewer viewer() {
        return Viewer.current().orElse(null);
    }

    @InitBinder
    void bindFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @ExceptionHandler(ApiProblem.class)
    String refused(ApiProblem problem, HttpServletResponse response, Model model) {
        response.setStatus(problem.status());
        model.addAttribute("viewer", viewer());
        model.addAttribute("problem", problem);
        return "problem";
    }
}
