package io.purseguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.purseguard.PurseguardTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The spine's edges as an attacker and a careless client find them: control characters, addresses
 * Tomcat refuses itself, a direct {@code /error}, anonymous and CSRF-less writes, and unknown values
 * in forms. Each answers with a 4xx that says what is wrong, and never with SQL, a stack or HTML
 * where a problem detail belongs.
 */
@PurseguardTest
class HardeningTest {

    @LocalServerPort
    int port;

    @Test
    void a_nul_in_any_json_string_is_a_400_naming_its_path() throws IOException {
        var reply = raw(
                "POST",
                "/api/v1/residents/00000000-0000-0000-0000-000000000001/reveal",
                "{\"reason\":\"核实\\u0000身份\"}",
                "application/json",
                "Authorization: Bearer test-bootstrap-token");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("\"field\":\"reason\"").contains("control characters");
        assertThat(reply.body()).doesNotContain("SQL").doesNotContain("Exception");
    }

    @Test
    void a_nul_in_a_query_parameter_is_a_400_naming_the_parameter() throws IOException {
        var reply = raw(
                "GET", "/api/v1/residents?q=%E7%8E%8B%00", null, null, "Authorization: Bearer test-bootstrap-token");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("\"field\":\"q\"");
    }

    @Test
    void a_nul_typed_into_a_page_form_is_refused_with_the_form_not_a_500() {
        var station = WebSession.signedIn(port, "station", "demo123");
        var page = station.get("/residents?q=" + "%E7%8E%8B%00");
        assertThat(page.status()).isBetween(400, 499);
        assertThat(page.body()).doesNotContain("SQL").doesNotContain("Exception");
    }

    @Test
    void addresses_tomcat_refuses_itself_answer_a_problem_without_html_or_the_server_version() throws IOException {
        for (var path : new String[] {"/api/v1/warnings/%00", "/api/v1/warnings/..%2F..%2Fetc", "/api/v1/%2e%2e/x"}) {
            var reply = raw("GET", path, null, null, "Authorization: Bearer test-bootstrap-token");
            assertThat(reply.status()).as(path).isBetween(400, 404);
            assertThat(reply.header("content-type")).as(path).startsWith("application/problem+json");
            assertThat(reply.body()).as(path).doesNotContain("<html").doesNotContain("Tomcat");
        }
    }

    @Test
    void error_asked_for_directly_is_a_404() throws IOException {
        var reply = raw("GET", "/error", null, null, "Accept: application/json");
        assertThat(reply.status()).isEqualTo(404);
    }

    @Test
    void an_anonymous_write_is_401_with_a_challenge_not_a_403_about_roles() throws IOException {
        var reply = raw("POST", "/api/v1/warnings", "{\"items\":[]}", "application/json");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("www-authenticate")).startsWith("Bearer");
        assertThat(reply.body()).doesNotContain("role");
    }

    @Test
    void a_session_write_without_its_csrf_token_is_told_so() {
        var center = WebSession.signedIn(port, "center", "demo123");
        var reply = center.post("/api/v1/notifications/read-all", Map.of(), "Accept", "application/json");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).contains("CSRF").doesNotContain("role may not");
    }

    @Test
    void an_unknown_role_in_the_admin_form_is_a_400_with_the_form() {
        var admin = WebSession.signedIn(port, "admin", "demo123");
        var csrf = WebSession.csrfOf(admin.get("/admin/users"));
        var reply = admin.post(
                "/admin/users",
                Map.of(
                        "_csrf", csrf,
                        "username", "nobody-" + System.nanoTime(),
                        "displayName", "无名",
                        "password", "long-enough-1",
                        "role", "OVERLORD",
                        "scopeCode", ""));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("请从列表中选择角色");
    }

    @Test
    void a_number_is_not_taken_for_an_enum() throws IOException {
        var reply = raw(
                "POST",
                "/api/v1/warnings/00000000-0000-0000-0000-000000000001/contacts",
                "{\"channel\":1,\"result\":\"ANSWERED\"}",
                "application/json",
                "Authorization: Bearer test-bootstrap-token");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("\"field\":\"channel\"");
    }

    record Raw(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    /**
     * A request written by hand on a socket: the path goes to the server exactly as given (an HTTP
     * client would normalise or refuse {@code %00} and {@code ..%2F} before sending).
     */
    private Raw raw(String method, String path, String body, String contentType, String... headers) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            var bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            var request = new StringBuilder()
                    .append(method)
                    .append(' ')
                    .append(path)
                    .append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:")
                    .append(port)
                    .append("\r\n")
                    .append("Connection: close\r\n");
            for (var header : headers) {
                request.append(header).append("\r\n");
            }
            if (contentType != null) {
                request.append("Content-Type: ").append(contentType).append("\r\n");
            }
            request.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Raw parse(InputStream in) throws IOException {
        var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        var head = text.substring(0, split).split("\r\n");
        var status = Integer.parseInt(head[0].split(" ")[1]);
        var headers = new java.util.HashMap<String, String>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(
                    head[i].substring(0, colon).toLowerCase(),
                    head[i].substring(colon + 1).strip());
        }
        var body = text.substring(split + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Raw(status, headers, body);
    }

    private static String unchunk(String body) {
        var out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            var line = body.substring(i, eol).strip();
            if (line.isEmpty()) {
                i = eol + 2;
                continue;
            }
            int size = Integer.parseInt(line, 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
