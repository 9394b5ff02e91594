/**
 * What tests, the demo and the bench share to drive the service: a settable clock, the client
 * of the service's admin API, and hand-made launch tokens for automatic sign-in ({@code LaunchTokens}).
 *
 * <p>It lives in the {@code simulators} module because that module is already exactly the set of
 * code that the service's tests, the demo and the bench depend on and that production code never
 * does (the service takes it in {@code test} scope only). A module of its own would add a build
 * step and a dependency edge for a few classes; putting it in the service would make the demo and
 * the bench see test code through a production artifact.
 */
package io.ziiklb.testkit;
