/**
 * The one HTTP seam the peer clients share: a request goes out on the JDK {@code HttpClient} and
 * comes back as status, headers and raw body bytes, or as a {@link io.ziiklb.http.PeerIoException}
 * when nothing usable came back. What the bytes mean is each peer client's business.
 */
package io.ziiklb.http;
