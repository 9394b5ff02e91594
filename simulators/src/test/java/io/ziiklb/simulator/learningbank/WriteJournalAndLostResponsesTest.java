package io.ziiklb.simulator.learningbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The write journal (order and bodies of writes) and the precise lost-response switch. */
class WriteJournalAndLostResponsesTest extends SimulatorFixture {

    @Test
    void theJournalKeepsEveryWriteInOrderWithItsBodyAndStatusButNoRead() {
        api.post("/permission-types", "{\"name\":\"Auditor\"}");
        api.get("/permission-types");
        api.post("/permission-types", "{\"name\":\"Auditor\"}"); // taken: 409
        String id = typeId(state, "Auditor");
        api.patch("/permission-types/" + id, "{\"name\":\"Host\"}");

        assertThat(sim.journal().calls()).containsExactly(
                new WriteJournal.Call("POST", "/api/v1/permission-types", "/api/v1/permission-types", "{\"name\":\"Auditor\"}", 201),
                new WriteJournal.Call("POST", "/api/v1/permission-types", "/api/v1/permission-types", "{\"name\":\"Auditor\"}", 409),
                new WriteJournal.Call("PATCH", "/api/v1/permission-types/{id}", "/api/v1/permission-types/" + id, "{\"name\":\"Host\"}", 200));
        assertThat(sim.journal().calls("POST", "/api/v1/permission-types")).hasSize(2);
        sim.journal().reset();
        assertThat(sim.journal().calls()).isEmpty();
    }

    @Test
    void theJournalKeepsTheLatestWritesOnlyAndCountsWhatItLetGo() {
        WriteJournal journal = new WriteJournal();
        for (int i = 0; i < WriteJournal.CAPACITY + 3; i++) {
            journal.record(new WriteJournal.Call("POST", "/api/v1/users", "/api/v1/users", "{\"n\":" + i + "}", 201));
        }

        assertThat(journal.calls()).hasSize(WriteJournal.CAPACITY);
        assertThat(journal.calls().getFirst().body()).isEqualTo("{\"n\":3}");
        assertThat(journal.calls().getLast().body()).isEqualTo("{\"n\":" + (WriteJournal.CAPACITY + 2) + "}");
        assertThat(journal.dropped()).isEqualTo(3);
        journal.reset();
        assertThat(journal.dropped()).isZero();
    }

    @Test
    void aLostResponseLosesExactlyTheNamedCallAfterApplyingIt() {
        sim.lostResponses().loseNext("POST", "/api/v1/departments", body -> body.contains("\"Bar\""));

        var kitchen = api.post("/departments", "{\"name\":\"Kitchen\",\"parent_id\":\"" + top() + "\"}");
        var bar = api.post("/departments", "{\"name\":\"Bar\",\"parent_id\":\"" + top() + "\"}");
        var again = api.post("/departments", "{\"name\":\"Bar 2\",\"parent_id\":\"" + top() + "\"}");

        assertThat(List.of(kitchen.status(), bar.status(), again.status())).containsExactly(201, 500, 201);
        assertThat(bar.errorCode()).isEqualTo("server_error");
        assertThat(state.findDepartmentByName("Bar")).as("applied all the same").isPresent();
        assertThat(sim.lostResponses().pending()).isZero();
        assertThat(sim.journal().calls()).extracting(WriteJournal.Call::status).containsExactly(201, 500, 201);
        assertThat(sim.requestLog().byStatus()).containsEntry(500, 1L).containsEntry(201, 2L);
    }

    @Test
    void anArmedLossWaitsForItsRouteAndMethod() {
        sim.lostResponses().loseNext("POST", "/api/v1/users");

        assertThat(api.post("/permission-types", "{\"name\":\"Auditor\"}").status()).isEqualTo(201);
        assertThat(api.get("/users").status()).isEqualTo(200);

        assertThat(sim.lostResponses().pending()).isEqualTo(1);
    }
}
