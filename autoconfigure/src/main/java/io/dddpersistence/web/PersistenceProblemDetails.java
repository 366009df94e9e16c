package io.dddpersistence.web;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

import io.dddpersistence.error.AmbiguousTenantException;
import io.dddpersistence.error.ArchivedEntityException;
import io.dddpersistence.error.MissingReferenceException;
import io.dddpersistence.error.CrossTenantAccessException;
import io.dddpersistence.error.InvalidGeometryException;
import io.dddpersistence.error.MalformedTenantException;
import io.dddpersistence.error.MissingTenantException;
import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.error.UniqueConstraintViolationException;
import io.dddpersistence.error.ForeignOwnerException;
import io.dddpersistence.error.MissingOwnerException;
import io.dddpersistence.patch.InvalidPatchException;
import io.dddpersistence.patch.MissingVersionException;
import io.dddpersistence.patch.PatchTargetNotFoundException;
import io.dddpersistence.patch.PatchValidationException;
import io.dddpersistence.specification.InvalidSearchException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/**
 * RFC 9457 problem details for the library's exceptions: 400 for every rejected search, 409 for a
 * stale write, a duplicate value or a change to an archived entity, 422 for a missing reference, 400
 * for a missing or ambiguous tenant. The facts of each exception become problem properties. Ordered late, so an
 * application's own handlers for these exceptions win.
 */
@RestControllerAdvice
@Order(PersistenceProblemDetails.ORDER)
public class PersistenceProblemDetails {

	/** Late, so that an application's own advice (default order or earlier) handles these first. */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	private static final String TYPE_PREFIX = "urn:ddd-persistence:problem:";

	private static final ExceptionHandlerMethodResolver HANDLERS = new ExceptionHandlerMethodResolver(
			PersistenceProblemDetails.class);

	/**
	 * Every rejected search, including a page too large ({@code PageSizeExceededException}, whether the
	 * web request or repository query options asked for it).
	 */
	@ExceptionHandler(InvalidSearchException.class)
	public ProblemDetail invalidSearch(InvalidSearchException ex) {
		return withFacts(problem(HttpStatus.BAD_REQUEST, ex.getCode(), "Invalid search", ex.getMessage()), ex.getFacts());
	}

	@ExceptionHandler(OptimisticConcurrencyException.class)
	public ProblemDetail staleWrite(OptimisticConcurrencyException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
				ex.getMessage());
		property(problem, "entity", ex.getEntityType());
		property(problem, "id", (ex.getId() != null) ? String.valueOf(ex.getId()) : null);
		property(problem, "expectedVersion", ex.getExpectedVersion());
		property(problem, "actualVersion", ex.getActualVersion());
		if (ex.getReason() != null) {
			problem.setProperty("reason", ex.getReason().name().toLowerCase(Locale.ROOT));
		}
		if (ex.getReason() == OptimisticConcurrencyException.Reason.DELETED) {
			// known to be absent, unlike a fact the database did not report: say so
			problem.setProperty("actualVersion", null);
		}
		return problem;
	}

	@ExceptionHandler(UniqueConstraintViolationException.class)
	public ProblemDetail duplicate(UniqueConstraintViolationException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "duplicate-value", "Duplicate value", ex.getMessage());
		property(problem, "constraint", ex.getConstraint());
		property(problem, "table", ex.getTable());
		property(problem, "columns", ex.getColumns());
		return problem;
	}

	@ExceptionHandler(MissingReferenceException.class)
	public ProblemDetail missingReference(MissingReferenceException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "missing-reference", "Missing reference",
				ex.getMessage());
		property(problem, "constraint", ex.getConstraint());
		property(problem, "table", ex.getTable());
		property(problem, "referencedTable", ex.getReferencedTable());
		return problem;
	}

	@ExceptionHandler(ArchivedEntityException.class)
	public ProblemDetail archived(ArchivedEntityException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "archived-entity", "Archived entity", ex.getMessage());
		property(problem, "entity", ex.getEntityType());
		property(problem, "id", (ex.getId() != null) ? String.valueOf(ex.getId()) : null);
		return problem;
	}

	@ExceptionHandler(MissingTenantException.class)
	public ProblemDetail missingTenant(MissingTenantException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "missing-tenant", "Missing tenant", ex.getMessage());
		property(problem, "entity", ex.getEntityType());
		property(problem, "level", ex.getLevel());
		return problem;
	}

	@ExceptionHandler(MalformedTenantException.class)
	public ProblemDetail malformedTenant(MalformedTenantException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-tenant", "Malformed tenant", ex.getMessage());
		property(problem, "level", ex.getLevel());
		property(problem, "expectedType", ex.getExpectedType());
		return problem;
	}

	/** Answered as not found: telling the caller that the row exists in another tenant would leak it. */
	@ExceptionHandler(CrossTenantAccessException.class)
	public ProblemDetail crossTenant(CrossTenantAccessException ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
				ex.getEntityType() + " with id " + ex.getId() + " was not found.");
		property(problem, "entity", ex.getEntityType());
		property(problem, "id", ex.getId());
		return problem;
	}

	@ExceptionHandler(AmbiguousTenantException.class)
	public ProblemDetail ambiguousTenant(AmbiguousTenantException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "ambiguous-tenant", "Ambiguous tenant", ex.getMessage());
		property(problem, "header", ex.getHeader());
		property(problem, "level", ex.getLevel());
		return problem;
	}

	@ExceptionHandler(InvalidGeometryException.class)
	public ProblemDetail invalidGeometry(InvalidGeometryException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-geometry", "Invalid geometry", ex.getMessage());
		property(problem, "entity", ex.getEntityType());
		property(problem, "field", ex.getField());
		return problem;
	}

	@ExceptionHandler(ForeignOwnerException.class)
	public ProblemDetail foreignOwner(ForeignOwnerException ex) {
		ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "foreign-owner", "Another owner's row", ex.getMessage());
		property(problem, "entity", ex.getEntityType());
		property(problem, "id", ex.getId());
		return problem;
	}

	@ExceptionHandler(MissingOwnerException.class)
	public ProblemDetail missingOwner(MissingOwnerException ex) {
		return problem(HttpStatus.UNAUTHORIZED, "missing-owner", "Missing owner", ex.getMessage());
	}

	/** A merge patch refused before anything was written: malformed, an unknown or not-writable field, a bad value. */
	@ExceptionHandler(InvalidPatchException.class)
	public ProblemDetail invalidPatch(InvalidPatchException ex) {
		return withFacts(problem(HttpStatus.BAD_REQUEST, ex.getCode(), "Invalid patch", ex.getMessage()), ex.getFacts());
	}

	@ExceptionHandler(PatchValidationException.class)
	public ProblemDetail invalidPatchedEntity(PatchValidationException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed", "Validation failed",
				ex.getMessage());
		problem.setProperty("entity", ex.getEntity());
		problem.setProperty("violations", ex.getViolations()
			.stream()
			.map((violation) -> Map.of("field", violation.field(), "message", violation.message()))
			.toList());
		return problem;
	}

	@ExceptionHandler(PatchTargetNotFoundException.class)
	public ProblemDetail patchTargetNotFound(PatchTargetNotFoundException ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
		problem.setProperty("entity", ex.getEntity());
		problem.setProperty("id", ex.getId());
		return problem;
	}

	@ExceptionHandler(MissingVersionException.class)
	public ProblemDetail missingVersion(MissingVersionException ex) {
		ProblemDetail problem = problem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required",
				"Precondition required", ex.getMessage());
		problem.setProperty("entity", ex.getEntity());
		problem.setProperty("header", "If-Match");
		return problem;
	}

	/**
	 * The problem detail of one of the library's exceptions, as this advice answers it, or
	 * {@code null} for any other exception. For errors that reach the container's error page without
	 * passing through Spring MVC, such as one a servlet filter raised.
	 */
	public @Nullable ProblemDetail problemFor(Throwable ex) {
		Method handler = HANDLERS.resolveMethodByExceptionType(ex.getClass());
		return (handler != null) ? (ProblemDetail) ReflectionUtils.invokeMethod(handler, this, ex) : null;
	}

	private static ProblemDetail problem(HttpStatus status, String code, String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, (detail != null) ? detail : title);
		problem.setType(URI.create(TYPE_PREFIX + code));
		problem.setTitle(title);
		problem.setProperty("code", code);
		return problem;
	}

	private static ProblemDetail withFacts(ProblemDetail problem, Map<String, Object> facts) {
		facts.forEach(problem::setProperty);
		return problem;
	}

	private static void property(ProblemDetail problem, String name, @Nullable Object value) {
		if (value != null) {
			problem.setProperty(name, value);
		}
	}

}
