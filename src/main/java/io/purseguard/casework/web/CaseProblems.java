package io.purseguard.casework.web;

import io.purseguard.casework.CaseNotFound;
import io.purseguard.casework.CaseRefused;
import io.purseguard.protection.MeasureRefused;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The casework API's refusals as RFC 9457 problems: 404 for a case not there or not yours, 400 naming the field, 409 for the state. */
@RestControllerAdvice(assignableTypes = {CaseApi.class, CaseImportApi.class})
class CaseProblems {

    @ExceptionHandler(CaseNotFound.class)
    ProblemDetail notFound(CaseNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(CaseRefused.class)
    ProblemDetail refused(CaseRefused e) {
        return problem(e.field(), e.getMessage());
    }

    @ExceptionHandler(MeasureRefused.class)
    ProblemDetail refused(MeasureRefused e) {
        return problem(e.field(), e.getMessage());
    }

    static ProblemDetail problem(String field, String message) {
        if (field == null) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message);
            problem.setTitle("Not allowed in the case's current state");
            return problem;
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
