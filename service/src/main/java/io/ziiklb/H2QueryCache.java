package io.ziiklb;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

/**
 * On H2, keeps each connection's parsed statements: H2 caches only 8 per session by default, and
 * one change runs more distinct statements than that (queue, links, problems, activity), so every
 * statement was parsed again each time, an eighth of the service's CPU under load. An H2 URL that
 * sets {@code QUERY_CACHE_SIZE} itself is left alone; other databases (PostgreSQL keeps its
 * prepared statements in the driver) too.
 */
public final class H2QueryCache implements BeanPostProcessor {
    static final int STATEMENTS = 128;

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties properties && properties.getUrl() != null) {
            properties.setUrl(withQueryCache(properties.getUrl()));
        }
        return bean;
    }

    /** The URL as the service opens it: an H2 URL with {@code QUERY_CACHE_SIZE}, unless it sets it. */
    public static String withQueryCache(String url) {
        if (!url.startsWith("jdbc:h2:") || url.toUpperCase(java.util.Locale.ROOT).contains(";QUERY_CACHE_SIZE=")) {
            return url;
        }
        return url + ";QUERY_CACHE_SIZE=" + STATEMENTS;
    }
}
