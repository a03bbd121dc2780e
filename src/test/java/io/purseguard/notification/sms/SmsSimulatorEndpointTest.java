package io.purseguard.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.purseguard.PurseguardTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The simulator's receiving end answers as the documented gateway does, and only to the secret. */
@PurseguardTest
class SmsSimulatorEndpointTest {

    @LocalServerPort
    int port;

    @Autowired
    SmsSimulator simulator;

    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private HttpResponse<String> post(String authorization, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/simulators/sms"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_message_is_accepted_once_per_ref_and_listed() throws Exception {
        assertThat(simulator.active()).as("no gateway URL in the tests").isTrue();
        var ref = UUID.randomUUID().toString();
        var body = "{\"to\":\"13800000001\",\"text\":\"【钱袋子守护】测试\",\"ref\":\"" + ref + "\"}";

        var first = post("Bearer " + simulator.secret(), body);
        assertThat(first.statusCode()).isEqualTo(200);
        var answer = json.readTree(first.body());
        assertThat(answer.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(answer.get("id").asText()).startsWith("sim-");

        var again = post("Bearer " + simulator.secret(), body);
        assertThat(json.readTree(again.body()).get("id").asText())
                .isEqualTo(answer.get("id").asText());
        assertThat(simulator.recent()).filteredOn(r -> r.ref().equals(ref)).hasSize(1);
        assertThat(simulator.byRef(ref))
                .get()
                .extracting(SmsSimulator.Received::to)
                .isEqualTo("13800000001");
    }

    @Test
    void without_the_secret_the_answer_is_401_not_a_sign_in_page() throws Exception {
        var body = "{\"to\":\"13800000001\",\"text\":\"x\",\"ref\":\"r\"}";
        for (var authorization : new String[] {null, "Bearer wrong", "Basic abc"}) {
            var reply = post(authorization, body);
            assertThat(reply.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(reply.headers().firstValue("WWW-Authenticate"))
                    .get()
                    .asString()
                    .startsWith("Bearer");
            assertThat(reply.headers().firstValue("Content-Type"))
                    .get()
                    .asString()
                    .contains("problem+json");
        }
    }

    @Test
    void a_malformed_message_is_refused_field_by_field() throws Exception {
        var reply = post("Bearer " + simulator.secret(), "{\"to\":\"call me\",\"text\":\"\"}");
        assertThat(reply.statusCode()).isEqualTo(400);
        var problem = json.readTree(reply.body());
        var fields = new java.util.ArrayList<String>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactly("to", "text", "ref");
    }
}
