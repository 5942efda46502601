package org.qinglian.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.qinglian.platform.Scope;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;

/**
 * Errors as the user should see them: a record outside the jurisdiction is "not found"
 * (so that guessing ids reveals nothing), a missing permission is "forbidden"; the API
 * answers {@link ProblemDetail}, pages the error page. Never a stack trace.
 */
@ControllerAdvice
class ErrorHandling {

	@ExceptionHandler(Scope.NotInScopeException.class)
	ResponseEntity<ProblemDetail> notFound(HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		return answer(request, response, HttpStatus.NOT_FOUND, "No such record in your jurisdiction");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> forbidden(HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		return answer(request, response, HttpStatus.FORBIDDEN, "Your role may not see this");
	}

	@ExceptionHandler(ResponseStatusException.class)
	ResponseEntity<ProblemDetail> status(ResponseStatusException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		return answer(request, response, HttpStatus.valueOf(ex.getStatusCode().value()), ex.getReason());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		return answer(request, response, HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	private static ResponseEntity<ProblemDetail> answer(HttpServletRequest request, HttpServletResponse response,
			HttpStatus status, String detail) throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
		}
		response.sendError(status.value());
		return null;
	}

}
