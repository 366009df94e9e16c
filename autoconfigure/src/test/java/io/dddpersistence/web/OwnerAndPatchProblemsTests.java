package io.dddpersistence.web;

import io.dddpersistence.error.ForeignOwnerException;
import io.dddpersistence.error.MissingOwnerException;
import io.dddpersistence.patch.MalformedPatches;
import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/** The owner and patch refusals as the problem details a client gets. */
class OwnerAndPatchProblemsTests {

	private final PersistenceProblemDetails problems = new PersistenceProblemDetails();

	@Test
	void anotherOwnersRowIs403AndNoOwnerIs401() {
		ProblemDetail foreign = this.problems.problemFor(new ForeignOwnerException("Note", "n-1"));
		assertThat(foreign.getStatus()).isEqualTo(403);
		assertThat(foreign.getProperties()).containsEntry("code", "foreign-owner")
			.containsEntry("entity", "Note")
			.containsEntry("id", "n-1");
		ProblemDetail missing = this.problems.problemFor(new MissingOwnerException());
		assertThat(missing.getStatus()).isEqualTo(401);
		assertThat(missing.getProperties()).containsEntry("code", "missing-owner");
	}

	@Test
	void aBodyThatIsNoPatchIs400() {
		ProblemDetail malformed = this.problems.problemFor(MalformedPatches.notJson(String.class));
		assertThat(malformed.getStatus()).isEqualTo(400);
		assertThat(malformed.getProperties()).containsEntry("code", "malformed-patch").containsEntry("entity", "String");
	}

}
