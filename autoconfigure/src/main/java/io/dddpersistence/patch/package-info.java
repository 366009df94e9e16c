/**
 * Write models that cannot mass-assign: JSON Merge Patches (RFC 7396) and creates from JSON,
 * applied onto entities through a writable-field whitelist, validated, version-checked.
 */
@NullMarked
package io.dddpersistence.patch;

import org.jspecify.annotations.NullMarked;
