package io.ziiklb.console;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application's own routes, read from its handler mapping, so that a form or API route added
 * later is covered by the security tests without anyone listing it: each as its method and path
 * pattern ({@code /integrations/{id}/remove}), with {@link #path} filling in the variables.
 */
record ConsoleRoutes(RequestMethod method, String pattern, boolean page) {
    private static final Set<RequestMethod> CHANGES = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
            RequestMethod.DELETE);

    /** Every route of the console's pages (controllers in io.ziiklb.console) that takes a form post. */
    static List<ConsoleRoutes> pageForms(RequestMappingHandlerMapping mapping) {
        return all(mapping).filter(r -> r.page && r.method == RequestMethod.POST).toList();
    }

    /** Every page route (GET) of the console. */
    static List<ConsoleRoutes> pages(RequestMappingHandlerMapping mapping) {
        return all(mapping).filter(r -> r.page && r.method == RequestMethod.GET).toList();
    }

    /** Every route under /api/v1 for one integration ({@code /api/v1/integrations/{id}...}). */
    static List<ConsoleRoutes> integrationApi(RequestMappingHandlerMapping mapping) {
        return all(mapping).filter(r -> r.pattern.startsWith("/api/v1/integrations/{id}")).toList();
    }

    /** Every route under /api/v1 that changes something (POST, PUT, PATCH, DELETE). */
    static List<ConsoleRoutes> apiChanges(RequestMappingHandlerMapping mapping) {
        return all(mapping).filter(r -> r.pattern.startsWith("/api/v1/") && CHANGES.contains(r.method)).toList();
    }

    private static Stream<ConsoleRoutes> all(RequestMappingHandlerMapping mapping) {
        return mapping.getHandlerMethods().entrySet().stream()
                .flatMap(e -> routes(e.getKey(), page(e.getValue())));
    }

    /** A console page's route: its controller lives in this package. */
    private static boolean page(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().equals(ConsoleRoutes.class.getPackageName());
    }

    private static Stream<ConsoleRoutes> routes(RequestMappingInfo info, boolean page) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return info.getPatternValues().stream().flatMap(p -> methods.stream().map(m -> new ConsoleRoutes(m, p, page)));
    }

    /** The path with {@code {id}} as this integration and any other variable as {@code other}. */
    String path(String integrationId, String other) {
        return pattern.replace("{id}", integrationId).replaceAll("\\{[^}]+}", other);
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
