package io.dddpersistence.patch;

import jakarta.persistence.MappedSuperclass;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PatchFieldsTests {

	@Test
	void aWhitelistOnAMappedSuperclassIsTheSubclasses() {
		assertThat(PatchFields.declared(Child.class)).containsExactlyInAnyOrder("title", "inherited");
		assertThat(PatchFields.field(Child.class, "inherited")).isNotNull();
		assertThat(PatchFields.field(Child.class, "CONSTANT")).as("static fields are not properties").isNull();
		assertThat(PatchFields.declared(Unlisted.class)).isEmpty();
	}

	@MappedSuperclass
	@Writable({ "title", "inherited" })
	abstract static class Base {

		static final String CONSTANT = "x";

		String inherited;

	}

	static class Child extends Base {

		String title;

	}

	static class Unlisted {

	}

}
