package io.ziiklb.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route of the running application, read from its handler mappings (controllers and
 * actuator endpoints alike), so that a test over "every route" covers a route added tomorrow
 * without being edited.
 */
public final class Routes {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}]+)}|\\*\\*");

    private Routes() {
    }

    /** One method and path pattern, with the handler that answers it. */
    public record Route(String method, String pattern, HandlerMethod handler) {
        /** The path with each variable ({@code {id}}, {@code {*path}}, {@code **}) replaced by {@code value(name)}. */
        public String path(Function<String, String> value) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(path, Matcher.quoteReplacement(value.apply(m.group(1) == null ? "path" : m.group(1))));
            }
            return m.appendTail(path).toString();
        }

        /** Whether it is one of the admin console's pages (its controllers live in {@code io.ziiklb.console}). */
        public boolean page() {
            return handler.getBeanType().getPackageName().equals("io.ziiklb.console");
        }

        public boolean hasVariables() {
            return VARIABLE.matcher(pattern).find();
        }

        /** The type of the {@code @RequestBody} it requires, or null when it takes none (or one it may do without). */
        public Class<?> bodyType() {
            for (MethodParameter p : handler.getMethodParameters()) {
                RequestBody body = p.getParameterAnnotation(RequestBody.class);
                if (body != null && body.required()) {
                    return p.getParameterType();
                }
            }
            return null;
        }

        /** The names of its {@code @RequestParam}s. */
        public List<String> queryParameters() {
            List<String> names = new ArrayList<>();
            for (MethodParameter p : handler.getMethodParameters()) {
                RequestParam param = p.getParameterAnnotation(RequestParam.class);
                if (param != null) {
                    String name = !param.name().isEmpty() ? param.name() : param.value();
                    names.add(name.isEmpty() ? p.getParameterName() : name);
                }
            }
            return names;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** The routes outside the pages: the API, actuator, webhooks, {@code /error} (JSON, the error shape). */
    public static List<Route> api(ApplicationContext context) {
        return of(context).stream().filter(r -> !r.page()).toList();
    }

    /** The admin console's pages (HTML, behind a signed-in session). */
    public static List<Route> pages(ApplicationContext context) {
        return of(context).stream().filter(Route::page).toList();
    }

    /** Every route; a mapping without methods is listed once for each of GET and POST. */
    public static List<Route> of(ApplicationContext context) {
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
                Set<String> names = new TreeSet<>();
                if (methods.isEmpty()) {
                    names.addAll(List.of("GET", "POST"));
                } else {
                    methods.forEach(m -> names.add(m.name()));
                }
                for (String pattern : e.getKey().getPatternValues()) {
                    for (String method : names) {
                        routes.add(new Route(method, pattern, e.getValue()));
                    }
                }
            }
        }
        routes.sort(Comparator.comparing(Route::pattern).thenComparing(Route::method));
        return routes;
    }

    /** Every distinct pattern, with the methods it takes. */
    public static Map<String, Set<String>> methodsByPattern(List<Route> routes) {
        Map<String, Set<String>> byPattern = new java.util.TreeMap<>();
        for (Route r : routes) {
            byPattern.computeIfAbsent(r.pattern(), p -> new TreeSet<>()).add(r.method());
        }
        return byPattern;
    }
}
