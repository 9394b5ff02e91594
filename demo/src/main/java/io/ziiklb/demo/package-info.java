/**
 * {@code ./ziiklb demo}: starts the two simulators as standalone processes with a generated
 * organisation, and shows, through the service's own clients, what each of them holds; then the
 * service, the first synchronisation, live changes, and automatic sign-in from a simulated
 * employee's Ziik home page.
 */
package io.ziiklb.demo;
