/**
 * RFC 9457 problem details for a Spring MVC application: {@link PersistenceProblemDetails} answers
 * every library exception (the data errors of {@code io.dddpersistence.error}, search errors, page
 * size limits), and the container's error page ({@code /error}) and Tomcat's own error report answer
 * in the same shape. Declared by {@link ProblemDetailsConfiguration} and switched by
 * {@code ddd.persistence.web.problem-details.enabled} ({@link WebProperties}).
 */
@NullMarked
package io.dddpersistence.web;

import org.jspecify.annotations.NullMarked;
