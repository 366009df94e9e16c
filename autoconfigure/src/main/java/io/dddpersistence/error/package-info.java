/**
 * The exceptions users catch, all in Spring's {@code DataAccessException} hierarchy so existing
 * handlers keep working, and the translation from JDBC and Hibernate failures into them.
 */
@NullMarked
package io.dddpersistence.error;

import org.jspecify.annotations.NullMarked;
