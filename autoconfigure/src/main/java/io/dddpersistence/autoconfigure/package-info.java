/**
 * Spring Boot auto-configuration of ddd-persistence: one class per capability that only wires
 * beans, and the {@code ddd.persistence.*} configuration properties.
 */
@NullMarked
package io.dddpersistence.autoconfigure;

import org.jspecify.annotations.NullMarked;
