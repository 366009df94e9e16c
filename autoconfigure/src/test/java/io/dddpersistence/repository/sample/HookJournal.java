package io.dddpersistence.repository.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dddpersistence.repository.UnitOfWorkHook;

/** Records what the unit-of-work hooks saw, in order; can make a pre-commit hook fail. */
public class HookJournal {

	private final List<String> entries = new CopyOnWriteArrayList<>();

	private volatile boolean failPreCommit;

	public List<String> entries() {
		return List.copyOf(this.entries);
	}

	public void clear() {
		this.entries.clear();
		this.failPreCommit = false;
	}

	public void failNextPreCommit() {
		this.failPreCommit = true;
	}

	UnitOfWorkHook hook(String name) {
		return new UnitOfWorkHook() {

			@Override
			public void preCommit() {
				record(name + ".preCommit");
				if (HookJournal.this.failPreCommit) {
					HookJournal.this.failPreCommit = false;
					throw new IllegalStateException("pre-commit check failed");
				}
			}

			@Override
			public void postCommit() {
				record(name + ".postCommit");
			}

			@Override
			public void preRollback() {
				record(name + ".preRollback");
			}

			@Override
			public void postRollback() {
				record(name + ".postRollback");
			}

		};
	}

	private void record(String event) {
		this.entries.add(event);
	}

}
