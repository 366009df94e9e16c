/**
 * Spring Boot auto-configuration of ddd-persistence: one class per capability, wiring only.
 */
@NullMarked
package io.dddpersistence.autoconfigure;

import org.jspecify.annotations.NullMarked;
