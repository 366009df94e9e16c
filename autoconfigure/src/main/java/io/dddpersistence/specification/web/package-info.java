/**
 * Spring MVC support for the search language: a {@code SearchRequest} controller argument and
 * RFC 9457 problem details for search and data errors.
 */
@NullMarked
package io.dddpersistence.specification.web;

import org.jspecify.annotations.NullMarked;
