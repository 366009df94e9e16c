/** Documents: archived instead of deleted, with a slug unique among active documents. */
@NullMarked
package io.dddpersistence.sample.documents;

import org.jspecify.annotations.NullMarked;
