package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.learningbank.LbPermissionType;
import io.ziiklb.learningbank.LearningbankApi;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rule O2 across a crash for permission types: a type create whose answer was lost with the
 * process leaves the type unlinked, and the intent recorded before it. Settling it, then full
 * synchronisations over both peers in memory: the type is ziiklb's, deleted with its role, never
 * adopted as a customer's. The department version is in {@code RuleScenariosIT} ("O2 ...").
 */
class InterruptedTypeCreatesTest {
    private static final LbPermissionType CHEF = new LbPermissionType("pt-chef", "Chef", false, false);
    private static final LbPermissionType MANAGER = new LbPermissionType("pt-manager", "Manager", false, true);

    private static Links intents(Map<Long, Links.RoleLink> roles, Map<Long, String> typeIntents) {
        return new Links(Map.of(), roles, Map.of(), Map.of(), typeIntents);
    }

    @Test
    void theUnlinkedTypeOfTheIntentsName_caseAside_isLinkedAsZiiklbsOwn() {
        InterruptedTypeCreates settled = InterruptedTypeCreates.find(intents(Map.of(), Map.of(5L, "chef")), List.of(CHEF, MANAGER));

        assertThat(settled.reclaimed()).isEqualTo(Map.of(5L, "pt-chef"));
        assertThat(settled.dropped()).isEmpty();
        assertThat(settled.applyTo(intents(Map.of(), Map.of(5L, "chef"))).roles())
                .as("not adopted: deleted with its role").isEqualTo(Map.of(5L, new Links.RoleLink("pt-chef", false)));
    }

    @Test
    void anIntentThatFindsNothing_aSystemType_aLinkedType_orALinkedRole_isDropped() {
        Links links = intents(Map.of(7L, new Links.RoleLink("pt-chef", false), 8L, new Links.RoleLink("pt-other", false)),
                Map.of(5L, "Waiter", 6L, "Manager", 9L, "Chef", 8L, "Chef"));

        InterruptedTypeCreates settled = InterruptedTypeCreates.find(links, List.of(CHEF, MANAGER));

        assertThat(settled.reclaimed()).isEmpty();
        assertThat(settled.dropped()).isEqualTo(Set.of(5L, 6L, 8L, 9L));
        assertThat(settled.applyTo(links).roles()).isEqualTo(links.roles());
    }

    @Test
    void twoIntentsOfOneName_onlyOneTakesTheType() {
        InterruptedTypeCreates settled = InterruptedTypeCreates.find(intents(Map.of(), Map.of(5L, "Chef", 6L, "CHEF")), List.of(CHEF));

        assertThat(settled.reclaimed()).hasSize(1).containsValue("pt-chef");
        assertThat(settled.dropped()).hasSize(1);
    }

    @Test
    void settlingWritesTheLinksAndClearsEveryIntent() {
        InMemoryLinkStore store = new InMemoryLinkStore(intents(Map.of(), Map.of(5L, "Chef", 6L, "Waiter")));

        InterruptedTypeCreates.find(store.snapshot(), List.of(CHEF)).settle(store);

        assertThat(store.permissionType(5)).contains(new Links.RoleLink("pt-chef", false));
        assertThat(store.permissionType(6)).isEmpty();
        assertThat(store.snapshot().typeIntents()).isEmpty();
    }

    // ---- the soak's case, through full synchronisations over both peers in memory

    private final InMemoryPeers p = new InMemoryPeers();

    private void fullSync() throws InterruptedException {
        new FullSync(p.context(), p.context().reader(1, Pace.FULL_SPEED)).run(p.settings, (phase, done, total) -> { },
                p.listener());
    }

    /** The state a SIGKILL leaves between the create's answer and its link: the intent, the type, no link. */
    private String createCutOffByACrash(long roleId, String name) {
        p.links.intendPermissionType(roleId, name);
        return p.lb.createPermissionType(name).id();
    }

    @Test
    void O2_aTypeCutOffByACrash_whoseRoleIsDeleted_isDeletedByTheNextFullSync() throws InterruptedException {
        p.ziik.role(5, "Chef");
        String chef = createCutOffByACrash(5, "Chef");
        p.ziik.removeRole(5);

        fullSync();

        assertThat(p.lb.permissionType(chef)).as("ziiklb's type, not a customer's to keep").isEmpty();
        assertThat(p.links.snapshot().roles()).doesNotContainKey(5L);
        assertThat(p.links.snapshot().typeIntents()).isEmpty();
    }

    @Test
    void O2_aTypeCutOffByACrash_whoseRoleStays_isLinkedNotAdopted_andNotMadeTwice() throws InterruptedException {
        p.ziik.role(5, "Chef");
        String chef = createCutOffByACrash(5, "Chef");

        fullSync();

        assertThat(p.links.permissionType(5)).contains(new Links.RoleLink(chef, false));
        assertThat(p.lb.permissionTypes()).filteredOn(t -> t.name().equalsIgnoreCase("Chef")).singleElement()
                .extracting(LbPermissionType::id).isEqualTo(chef);
        assertThat(p.links.snapshot().typeIntents()).isEmpty();

        p.ziik.removeRole(5);
        fullSync();
        assertThat(p.lb.permissionType(chef)).as("deleted with its role later too").isEmpty();
    }

    @Test
    void O2_anIntentWhoseCreateNeverApplied_isDropped_andNeverTakesACustomersTypeMadeLater() throws InterruptedException {
        p.ziik.role(5, "Chef");
        p.links.intendPermissionType(5, "Old chef"); // the create never reached Learningbank

        fullSync();
        assertThat(p.links.snapshot().typeIntents()).isEmpty();
        String chef = p.links.permissionType(5).orElseThrow().permissionTypeId();
        assertThat(p.lb.permissionType(chef).orElseThrow().name()).isEqualTo("Chef");

        String customers = p.lb.seedPermissionType("Old chef");
        fullSync();
        assertThat(p.lb.permissionType(customers)).as("someone else's: left alone").isPresent();
        assertThat(p.links.snapshot().roles().values()).extracting(Links.RoleLink::permissionTypeId).doesNotContain(customers);
    }

    @Test
    void O2_aCustomersOwnTypeWithoutAnIntent_isStillAdoptedAndKept() throws InterruptedException {
        p.ziik.role(5, "Chef");
        String chef = p.lb.seedPermissionType("Chef");

        fullSync();
        assertThat(p.links.permissionType(5)).contains(new Links.RoleLink(chef, true));
        p.ziik.removeRole(5);
        fullSync();
        assertThat(p.lb.permissionType(chef)).as("rule R2 unchanged").isPresent();
    }

    @Test
    void aTypeCreateRecordsItsIntentBeforeSending_andARefusalDropsIt() throws InterruptedException {
        p.ziik.role(5, "Chef");
        Map<Long, String> intentsWhenSent = new java.util.HashMap<>();
        // Learningbank as the engine sees it, but a customer makes "Chef" just before the create
        // arrives, so Learningbank refuses it (409 duplicate_name): nothing of ziiklb's was made
        LearningbankApi racing = (LearningbankApi) Proxy.newProxyInstance(LearningbankApi.class.getClassLoader(),
                new Class<?>[] {LearningbankApi.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createPermissionType")) {
                        intentsWhenSent.putAll(p.links.snapshot().typeIntents());
                        p.lb.seedPermissionType((String) args[0]);
                    }
                    try {
                        return method.invoke(p.lb, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        SyncContext context = p.context();
        context = new SyncContext(context.ziik(), racing, context.links(), context.policy(), context.timing(), context.gate());

        new RolesReconciler(context).reconcile(p.settings, p.listener());

        assertThat(intentsWhenSent).as("recorded before the create was sent").isEqualTo(Map.of(5L, "Chef"));
        assertThat(p.links.snapshot().typeIntents()).as("refused: dropped").isEmpty();
        assertThat(p.links.permissionType(5).orElseThrow().adopted()).as("the customer's type: adopted (rule R2)").isTrue();
    }
}
