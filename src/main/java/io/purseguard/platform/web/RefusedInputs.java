package io.purseguard.platform.web;

import io.purseguard.platform.InvalidInput;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A value a page's form sent and a domain rule refused, where the page has no form of its own to show
 * it again (an htmx button's request, say): 400, which htmx reports as a toast and a plain request as
 * the error page. The API answers the same exception as a problem naming the field ({@code
 * ApiProblems}, which comes first for REST controllers).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class RefusedInputs {

    @ExceptionHandler(InvalidInput.class)
    void refused(InvalidInput e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}
