package io.dddpersistence.lifecycle;

import org.jspecify.annotations.Nullable;

/** What happened to an entity, and the {@code after} method of a hook that it calls. */
enum Phase {

	CREATE, UPDATE, ARCHIVE, RESTORE, DELETE;

	void after(EntityLifecycleHook<Object> hook, Object entity, @Nullable PropertyChanges changes) {
		switch (this) {
			case CREATE -> hook.afterCreate(entity);
			case UPDATE -> hook.afterUpdate(entity, java.util.Objects.requireNonNull(changes));
			case ARCHIVE -> hook.afterArchive(entity);
			case RESTORE -> hook.afterRestore(entity);
			case DELETE -> hook.afterDelete(entity);
		}
	}

}
