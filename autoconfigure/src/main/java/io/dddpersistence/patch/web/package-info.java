/** Spring MVC support for merge patches: {@code MergePatchRequest} controller parameters. */
@NullMarked
package io.dddpersistence.patch.web;

import org.jspecify.annotations.NullMarked;
