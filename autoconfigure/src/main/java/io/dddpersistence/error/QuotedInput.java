package io.dddpersistence.error;

import org.jspecify.annotations.Nullable;

/**
 * How the library quotes a client's input in an error message or a problem property: at most
 * {@value #MAX_LENGTH} characters followed by {@code …}, with control characters (NUL among them)
 * shown as {@code ?}. An answer then stays small whatever was sent (a 100,000-character sort is
 * quoted in 65 characters), and never echoes bytes that a log line or a terminal would misread.
 * Every message of the library that names a client's value goes through here.
 */
public final class QuotedInput {

	/** The longest prefix of an input that a message quotes. */
	public static final int MAX_LENGTH = 64;

	private QuotedInput() {
	}

	/** The input as a message may quote it: a bounded prefix, control characters replaced. */
	public static String of(@Nullable Object input) {
		String text = String.valueOf(input);
		boolean cut = text.length() > MAX_LENGTH;
		int end = cut ? MAX_LENGTH : text.length();
		if (cut && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		StringBuilder quoted = new StringBuilder(end + 1);
		for (int i = 0; i < end; i++) {
			char c = text.charAt(i);
			quoted.append(Character.isISOControl(c) ? '?' : c);
		}
		return cut ? quoted.append('…').toString() : quoted.toString();
	}

}
