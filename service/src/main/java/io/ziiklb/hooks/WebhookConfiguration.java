package io.ziiklb.hooks;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the webhook receiver in front of every other filter. */
@Configuration
class WebhookConfiguration {

    @Bean
    FilterRegistrationBean<WebhookReceiver> webhookReceiver(HookIntake intake) {
        FilterRegistrationBean<WebhookReceiver> registration = new FilterRegistrationBean<>(new WebhookReceiver(intake));
        registration.addUrlPatterns(WebhookReceiver.PATH + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
