package io.dddpersistence.specification;

/**
 * A search parameter that takes one value ({@code filter}, {@code sort}, {@code page}, {@code size},
 * {@code after}) was given more than once. Neither value is picked: the first could be what a client
 * slipped in ahead of what a proxy or a gateway added.
 */
public class RepeatedParameterException extends InvalidSearchException {

	public RepeatedParameterException(String parameter) {
		super("repeated-parameter", "The parameter '" + parameter + "' must be given once.",
				facts("parameter", parameter));
	}

}
