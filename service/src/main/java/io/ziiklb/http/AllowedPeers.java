package io.ziiklb.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Which hosts the service may call ({@code ZIIKLB_ALLOWED_PEERS}): a defence against an
 * integration, an admin sign-in or an identity provider pointed at the service's own network.
 *
 * <p>With no patterns, any host may be called over https whose addresses are all public (not
 * loopback, private, link-local, unique-local, carrier-grade NAT, multicast or unspecified). With
 * patterns, only a host matching one may be called, over http or https, at whatever address it has:
 * the operator listed it. A pattern is a host name ({@code acme.learningbankapp.com}), an address
 * ({@code 127.0.0.1}) or {@code *.} and a domain ({@code *.ziik.io}: any host under it).
 *
 * <p>The addresses are checked as the connection is opened: this is the HTTP client's DNS resolver,
 * so the client connects to exactly the addresses that passed, and a name that resolves to a public
 * address for the check and to a private one for the connection (DNS rebinding) cannot slip through.
 */
public final class AllowedPeers implements DnsResolver {
    private final List<String> patterns;

    private AllowedPeers(List<String> patterns) {
        this.patterns = patterns;
    }

    /** @param commaSeparated {@code ZIIKLB_ALLOWED_PEERS}; null or blank: public hosts over https */
    public static AllowedPeers parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return new AllowedPeers(List.of());
        }
        return new AllowedPeers(Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(p -> !p.isEmpty())
                .map(AllowedPeers::bare).toList());
    }

    /** Public hosts over https only: what the service allows when nothing is configured. */
    public static AllowedPeers publicOnly() {
        return new AllowedPeers(List.of());
    }

    /** This machine only (127.0.0.1, localhost), over http or https: where the demo, benchmarks and tests run the simulators. */
    public static AllowedPeers loopback() {
        return parse("127.0.0.1,localhost");
    }

    /** Whether {@code uri} may be called at all, judged by its scheme and host before any lookup. */
    public boolean permits(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return false;
        }
        if (patterns.isEmpty()) {
            return scheme.equals("https");
        }
        return listed(host);
    }

    /** The host's addresses, when every one of them may be connected to; otherwise refused as unknown. */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        if (!patterns.isEmpty() && !listed(host)) {
            throw new UnknownHostException("not an allowed peer");
        }
        InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(bare(host));
        if (patterns.isEmpty() && Arrays.stream(addresses).anyMatch(AllowedPeers::internal)) {
            throw new UnknownHostException("not an allowed peer");
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }

    boolean listed(String host) {
        String h = bare(host);
        return patterns.stream().anyMatch(p -> p.startsWith("*.") ? h.endsWith(p.substring(1)) : h.equals(p));
    }

    /** An address that belongs to this machine or a private network, never to a public peer. */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                  // "this network"
                    || (first == 100 && (second & 0xc0) == 64) // 100.64.0.0/10, carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24, protocol assignments
                    || (first == 198 && (second & 0xfe) == 18) // 198.18.0.0/15, benchmarking
                    || first >= 240;                           // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // fc00::/7, unique local
                return true;
            }
            if (isV4Mapped(b)) { // ::ffff:a.b.c.d is that IPv4 address
                try {
                    return internal(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    /** Lower case, without the brackets of an IPv6 literal or a trailing dot. */
    private static String bare(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    @Override
    public String toString() {
        return patterns.isEmpty() ? "AllowedPeers[public hosts over https]" : "AllowedPeers" + patterns;
    }
}
