package ca.gardien.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A one-line text shown to people as it is stored ({@link PlainText}): no line end, control character or invisible
 * mark. For the fields of a body checked by Bean Validation (the organization's profile, printed on every letter and
 * named in every email's subject).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainLine.Check.class)
public @interface PlainLine {

    String message() default "{shared.field.control-characters}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Whether a value holds such a character; an absent value is left to the other constraints. */
    class Check implements ConstraintValidator<PlainLine, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return !PlainText.hidesSomething(value, false);
        }
    }
}
