/**
 * Spring MVC support for the search language: a {@code SearchRequest} controller argument. Its
 * errors are answered as problem details by {@code io.dddpersistence.web}.
 */
@NullMarked
package io.dddpersistence.specification.web;

import org.jspecify.annotations.NullMarked;
