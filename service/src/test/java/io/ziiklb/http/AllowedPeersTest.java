package io.ziiklb.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedPeersTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "0.0.0.0", "100.64.0.1", "100.127.255.255", "198.18.0.1", "224.0.0.1", "255.255.255.255",
            "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "ff02::1"})
    void internalAddressesAreNeverPublicPeers(String address) throws UnknownHostException {
        assertThat(AllowedPeers.internal(InetAddress.getByName(address))).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2001:4860:4860::8888",
            "::ffff:8.8.8.8"})
    void publicAddressesArePublic(String address) throws UnknownHostException {
        assertThat(AllowedPeers.internal(InetAddress.getByName(address))).as(address).isFalse();
    }

    @Test
    void withoutPatternsOnlyHttpsToPublicAddresses() throws UnknownHostException {
        AllowedPeers peers = AllowedPeers.parse("");
        assertThat(peers.permits(URI.create("https://acme.ziik.io/api"))).isTrue();
        assertThat(peers.permits(URI.create("http://acme.ziik.io/api"))).as("plain http").isFalse();
        assertThat(peers.permits(URI.create("ftp://acme.ziik.io/"))).isFalse();
        assertThatThrownBy(() -> peers.resolve("127.0.0.1")).isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> peers.resolve("localhost")).isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> peers.resolve("[::1]")).isInstanceOf(UnknownHostException.class);
        assertThat(peers.resolve("8.8.8.8")).extracting(InetAddress::getHostAddress).containsExactly("8.8.8.8");
    }

    @Test
    void withPatternsOnlyListedHostsOverHttpOrHttps() throws UnknownHostException {
        AllowedPeers peers = AllowedPeers.parse(" *.ziik.io, acme.learningbankapp.com ,127.0.0.1");
        assertThat(peers.permits(URI.create("http://acme.ziik.io/api"))).isTrue();
        assertThat(peers.permits(URI.create("https://a.b.ZIIK.io./api"))).isTrue();
        assertThat(peers.permits(URI.create("https://ziik.io/api"))).as("the domain itself is not under it").isFalse();
        assertThat(peers.permits(URI.create("https://evilziik.io/api"))).isFalse();
        assertThat(peers.permits(URI.create("https://acme.learningbankapp.com/api"))).isTrue();
        assertThat(peers.permits(URI.create("https://other.learningbankapp.com/api"))).isFalse();
        assertThat(peers.permits(URI.create("http://127.0.0.1:8080/api"))).isTrue();
        assertThat(peers.permits(URI.create("http://127.0.0.2:8080/api"))).isFalse();
        assertThat(peers.resolve("127.0.0.1")).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
        assertThatThrownBy(() -> peers.resolve("localhost")).as("not listed").isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> peers.resolve("8.8.8.8")).as("not listed").isInstanceOf(UnknownHostException.class);
    }
}
