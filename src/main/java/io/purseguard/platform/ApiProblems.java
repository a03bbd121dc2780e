package io.purseguard.platform;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the REST API as RFC 9457 problem details that name the offending field, in an
 * {@code errors: [{field, message}]} list a client can show next to its inputs.
 */
// before Boot's generic problem handler, which would answer the same exceptions without the field list
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A {@code @Valid} request body that breaks its constraints ({@code MethodArgumentNotValidException}
     * is a {@code BindException}), or rules a controller checked itself and rejected into an
     * {@code Errors}. Messages are resolved by their codes first, as the pages resolve them.
     */
    @ExceptionHandler(BindException.class)
    ProblemDetail invalid(BindException e, Locale locale) {
        var errors = Stream.concat(
                        e.getFieldErrors().stream()
                                .map(err -> fieldError(err.getField(), messages.getMessage(err, locale))),
                        e.getGlobalErrors().stream()
                                .map(err -> fieldError(err.getObjectName(), messages.getMessage(err, locale))))
                .toList();
        return badRequest(errors);
    }

    /** A body that is not JSON, or a value of the wrong type (an unknown role, say) at a known field. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            var field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            return badRequest(List.of(fieldError(field, expected(mapping))));
        }
        return badRequest(List.of(fieldError("body", "not readable as JSON")));
    }

    /** A value a domain rule refused, naming its field. */
    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        return badRequest(List.of(fieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalid(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> fieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return badRequest(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalid(HandlerMethodValidationException e) {
        var errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> fieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return badRequest(errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        var expected =
                e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        return badRequest(List.of(fieldError(e.getName(), "not a valid " + expected + ": " + e.getValue())));
    }

    private static String expected(JsonMappingException e) {
        if (e instanceof InvalidFormatException format && Text.CONTROL_CHARACTERS.equals(format.getOriginalMessage())) {
            return Text.CONTROL_CHARACTERS;
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            var type = mismatch.getTargetType();
            return type.isEnum()
                    ? "not one of " + Arrays.toString(type.getEnumConstants())
                    : "not a valid " + type.getSimpleName();
        }
        return "not a valid value";
    }

    static ProblemDetail badRequest(List<Map<String, String>> errors) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "Invalid "
                        + String.join(
                                ", ",
                                errors.stream()
                                        .map(m -> m.get("field"))
                                        .distinct()
                                        .toList()));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
