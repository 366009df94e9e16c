package io.dddpersistence.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotedInputTests {

	@Test
	void shortInputIsQuotedAsItIs() {
		assertThat(QuotedInput.of("-created_at,name")).isEqualTo("-created_at,name");
		assertThat(QuotedInput.of(42)).isEqualTo("42");
		assertThat(QuotedInput.of(null)).isEqualTo("null");
	}

	@Test
	void longInputIsCutToABoundedPrefixWithAnEllipsis() {
		String quoted = QuotedInput.of("x".repeat(100_000));
		assertThat(quoted).hasSize(QuotedInput.MAX_LENGTH + 1).endsWith("…").startsWith("xxxx");
		assertThat(QuotedInput.of("y".repeat(QuotedInput.MAX_LENGTH))).doesNotContain("…");
	}

	@Test
	void controlCharactersAreShownAsQuestionMarks() {
		assertThat(QuotedInput.of("a\u0000b\r\nc\u001b[0m")).isEqualTo("a?b??c?[0m");
	}

	@Test
	void aCutNeverSplitsASurrogatePair() {
		String emoji = "\uD83D\uDE00";
		String quoted = QuotedInput.of("x".repeat(QuotedInput.MAX_LENGTH - 1) + emoji + "tail");
		assertThat(quoted).isEqualTo("x".repeat(QuotedInput.MAX_LENGTH - 1) + "…");
	}

}
