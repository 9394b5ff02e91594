package io.ziiklb.web;

import java.util.Map;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** Puts the HTTP front in place: the error answers of the container and the firewall, the body limit, strict JSON. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /**
     * Spring Security's firewall refusals (a {@code ;}, an encoded {@code .} or {@code /}, a
     * {@code //}, a method it does not know, a header with a control character) in the error shape.
     * Spring Security takes the bean as its handler.
     */
    @Bean
    RequestRejectedHandler firewallRefusals() {
        return (request, response, rejected) -> ErrorStatus.write(response, 400, "bad_request",
                "the request's address, method or headers are not accepted", Map.of());
    }

    /**
     * After the webhook receiver (which takes its own deliveries, with its own limit) and the
     * request observation, before anything that reads a body (Spring's form filter included).
     */
    @Bean
    FilterRegistrationBean<BodyLimit> bodyLimit() {
        FilterRegistrationBean<BodyLimit> registration = new FilterRegistrationBean<>(new BodyLimit());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Tomcat's error report in the error shape: Spring Boot's HTML report valve is swapped for ours. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReports() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    Host host = (Host) context.getParent();
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    if (host instanceof StandardHost standard) { // so that Tomcat adds none of its own at start
                        standard.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                    }
                    host.getPipeline().addValve(new JsonErrorReportValve());
                });
            }
        };
    }

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return StrictJson::configure;
    }
}
