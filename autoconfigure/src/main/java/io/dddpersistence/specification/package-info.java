/**
 * The search language: a filter tree built in Java or parsed from JSON or a URL query string,
 * checked against a per-entity field whitelist and limits, and compiled to Spring Data JPA
 * {@code Specification}s, with sorting, offset paging and keyset cursors.
 */
@NullMarked
package io.dddpersistence.specification;

import org.jspecify.annotations.NullMarked;
