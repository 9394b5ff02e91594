/**
 * HTTP on both sides of the service. Outbound: the one seam the peer clients share: a request goes
 * out on the JDK {@code HttpClient} and comes back as status, headers and raw body bytes, or as a
 * {@link io.ziiklb.http.PeerIoException} when nothing usable came back; what the bytes mean is each
 * peer client's business. Inbound: {@link io.ziiklb.http.ApiProblem}, a refusal to show a caller of
 * this service's own API. It lives here, below every package that throws or renders it, so that
 * the integration layer can refuse without depending on the admin layer.
 */
package io.ziiklb.http;
