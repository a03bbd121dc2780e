package io.purseguard.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last word on a failure no other handler answers (a database error, a bug): the client gets a
 * 500 with a correlation id and nothing else, an API client as an RFC 9457 problem, a person the
 * error page; the exception, SQL and stack go only to the log, under that id. Refusals of Spring
 * Security and Spring MVC's own errors (which carry their status and say nothing internal) are left
 * to their handlers.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnexpectedFailures {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedFailures.class);

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request, HandlerMethod handler) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException || e instanceof ErrorResponse) {
            throw e; // rethrown as is: the next resolver, or the security filters, answer it
        }
        var correlationId = UUID.randomUUID().toString();
        log.error("Unexpected failure {} on {} {}", correlationId, request.getMethod(), request.getRequestURI(), e);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), RestController.class)) {
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    "The request failed unexpectedly. Quote correlation id " + correlationId + " to the operators.");
            problem.setTitle("Unexpected failure");
            problem.setInstance(URI.create(request.getRequestURI()));
            problem.setProperty("correlationId", correlationId);
            return ResponseEntity.internalServerError().body(problem);
        }
        var page = new ModelAndView("error", HttpStatus.INTERNAL_SERVER_ERROR);
        page.addObject("status", 500);
        page.addObject("correlationId", correlationId);
        return page;
    }
}
