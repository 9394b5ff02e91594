package io.ziiklb.simulator.learningbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed JSON and wrong JSON types answer 400 {@code bad_request} and change nothing. */
class BadRequestTest extends SimulatorFixture {
    private String sales;
    private String ann;

    @BeforeEach
    void seed() {
        sales = state.seedDepartment("Sales", null);
        ann = state.seedUser(NewUser.of("z-1", "ann@example.com", "Ann", "Berg", List.of(sales)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            POST  | /departments                  | {"name":"X","parent_id":
            POST  | /departments                  | not json
            POST  | /departments                  | ``
            POST  | /departments                  | ["X"]
            POST  | /departments                  | "X"
            POST  | /departments                  | {"name":5,"parent_id":"TOP"}
            POST  | /departments                  | {"name":"X","parent_id":["TOP"]}
            PATCH | /departments/SALES            | {"name":{"x":1}}
            PATCH | /departments/SALES            | {"parent_id":7}
            PATCH | /departments/SALES            | {"name":"X"
            POST  | /permission-types             | {"name":true}
            PATCH | /permission-types/pt-1        | {"name":1}
            POST  | /users                        | {"email":42,"first_name":"A","last_name":"B","department_ids":["TOP"]}
            POST  | /users                        | {"email":"a@b.dk","first_name":"A","last_name":"B","department_ids":"TOP"}
            POST  | /users                        | {"email":"a@b.dk","first_name":"A","last_name":"B","department_ids":[1]}
            POST  | /users                        | {"email":"a@b.dk","first_name":"A","last_name":"B","department_ids":[null]}
            POST  | /users                        | {"email":"a@b.dk","first_name":"A","last_name":"B","department_ids":["TOP"],"is_active":"true"}
            POST  | /users                        | {"email":"a@b.dk","first_name":"A","last_name":"B","department_ids":["TOP"],"permission_type_ids":"pt-1"}
            POST  | /users                        | {"email":"a@b.dk","first_name":"A","last_name":"B","department_ids":["TOP"],"external_id":7}
            PATCH | /users/ANN                    | {"is_active":1}
            PATCH | /users/ANN                    | {"language":["en"]}
            PATCH | /users/ANN                    | {"job_profile_id":false}
            PATCH | /users/ANN                    | {,}
            POST  | /users/ANN/login-links        | {"redirect_path":5}
            POST  | /users/ANN/login-links        | {"redirect_path":
            POST  | /users/ANN/login-links        | []
            """)
    void refusesMalformedOrMistypedBodies(String method, String path, String json) {
        var before = state.snapshot();

        var response = api.send(method, resolve(path), json == null ? "" : resolve(json));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("bad_request");
        assertThat(response.json().get("error").get("message").stringValue()).isNotBlank();
        assertThat(state.snapshot()).isEqualTo(before);
    }

    private String resolve(String text) {
        return text.replace("TOP", top()).replace("SALES", sales).replace("ANN", ann);
    }
}
