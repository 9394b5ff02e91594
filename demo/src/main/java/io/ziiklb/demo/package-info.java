/**
 * {@code ./ziiklb demo}: starts the two simulators as standalone processes with a generated
 * organisation, and shows, through the service's own clients, what each of them holds.
 */
package io.ziiklb.demo;
