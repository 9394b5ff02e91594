/**
 * The Ziik simulator: a simulated Ziik tenant for tests, the demo and the benchmarks, following
 * {@code specs/ziik-api.md} with answers shaped like Ziik's documented payloads
 * ({@code fixtures/ziik-docs}).
 *
 * <p>Public API: {@link io.ziiklb.simulator.ziik.ZiikSimulator} (start, base URL, faults, delivery
 * switches and log, seeded people, quicklinks), {@link io.ziiklb.simulator.ziik.ZiikOrganisation}
 * (the in-process control API: units, roles, users, memberships, passwords and admin flags),
 * {@link io.ziiklb.simulator.ziik.SeededPeople}, {@link io.ziiklb.simulator.ziik.Quicklink},
 * {@link io.ziiklb.simulator.ziik.DeliverySwitches},
 * {@link io.ziiklb.simulator.ziik.Delivery} and
 * {@link io.ziiklb.simulator.ziik.OrganisationGenerator}. Everything else is package-private.
 *
 * <p>Inside: the model ({@code OrgState} and its rows, guarded by {@code ZiikOrganisation}), the
 * renderers of Ziik's shapes ({@code UnitJson}, {@code UserJson}, {@code LaravelPage},
 * {@code LaravelErrors}), the API routes (auth, users, units, usertypes, webhooks, quicklinks), webhook
 * deliveries ({@code WebhookFanout} → {@code DeliveryDispatcher}), the {@code /_sim} control routes
 * and the generator ({@code UnitTreeGenerator}, {@code PeopleGenerator}, {@code GeneratorCatalogue}).
 *
 * <p>Decisions where Ziik is silent:
 * <ul>
 *   <li>A unit can only be deleted when it has no sub-units, departments or members (409 on the
 *       control route), as a Ziik admin must first move people out; so the product sees the users'
 *       {@code user.update}s (or nothing, for membership changes) before the {@code unit.delete}.</li>
 *   <li>Membership changes fire {@code user.update} only with
 *       {@link io.ziiklb.simulator.ziik.DeliverySwitches#membershipChangesFireUserUpdate()} (default
 *       off). Role changes fire nothing.</li>
 *   <li>The flattened tree ({@code /units/tree?flatten=true}) is paged like every list and starts
 *       with the top unit; the nested tree is one answer without paging.</li>
 *   <li>{@code /usertypes} without {@code all=1} lists only the signed-in user's own roles.</li>
 *   <li>Deleting a user anonymises it: gone from both lists, 410 on read.</li>
 *   <li>A token belongs to the user who signed in and stops working (401) once that user is
 *       deactivated or deleted. Reads are open to every signed-in user; webhooks and quicklinks
 *       only to administrators (403).</li>
 *   <li>A quicklink's visibility {@code owner} is the top unit.</li>
 * </ul>
 */
package io.ziiklb.simulator.ziik;
