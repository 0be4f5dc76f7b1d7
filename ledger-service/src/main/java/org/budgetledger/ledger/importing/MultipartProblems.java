package org.budgetledger.ledger.importing;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import java.util.List;

/**
 * What an upload that is no readable multipart body answers, for every endpoint that takes files (voucher imports,
 * reference tables): before {@link ProblemResponses}, whose catch-all would answer it as our fault.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartProblems {

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException missing) {
        return ProblemResponses.problem(ProblemCode.VALIDATION_FAILED, "part " + missing.getRequestPartName()
                + " is required", List.of(new FieldError(missing.getRequestPartName(), "required")));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException tooLarge) {
        return ProblemResponses.problem(ProblemCode.PAYLOAD_TOO_LARGE,
                "the body is larger than spring.servlet.multipart.max-request-size", List.of());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadable(MultipartException unreadable) {
        return ProblemResponses.problem(ProblemCode.VALIDATION_FAILED, "the body is not readable multipart/form-data",
                List.of(new FieldError("file", "unreadable")));
    }
}
