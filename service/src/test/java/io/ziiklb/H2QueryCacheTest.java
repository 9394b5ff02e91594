package io.ziiklb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2QueryCacheTest {
    @Test
    void anH2UrlKeepsMoreParsedStatementsPerConnection() {
        assertThat(H2QueryCache.withQueryCache("jdbc:h2:file:./data/ziiklb;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:./data/ziiklb;MODE=PostgreSQL;QUERY_CACHE_SIZE=128");
    }

    @Test
    void anH2UrlThatSetsItsOwnCacheAndOtherDatabasesAreLeftAlone() {
        assertThat(H2QueryCache.withQueryCache("jdbc:h2:mem:x;query_cache_size=4")).isEqualTo("jdbc:h2:mem:x;query_cache_size=4");
        assertThat(H2QueryCache.withQueryCache("jdbc:postgresql://127.0.0.1:5432/test"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
    }
}
