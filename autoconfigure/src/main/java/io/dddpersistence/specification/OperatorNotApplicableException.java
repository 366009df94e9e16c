package io.dddpersistence.specification;

/** An operator cannot be used on a field of this type, such as {@code ilike} on a number. */
public class OperatorNotApplicableException extends InvalidSearchException {

	public OperatorNotApplicableException(String field, String operator, String fieldType) {
		super("operator-not-applicable",
				"Operator '" + operator + "' cannot be used on field '" + field + "' of type " + fieldType + ".",
				facts("field", field, "operator", operator, "fieldType", fieldType));
	}

}
