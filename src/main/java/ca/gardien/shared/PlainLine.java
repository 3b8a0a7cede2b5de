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

    /**
     * Whether a value holds such a character, or only blanks that {@code @NotBlank} does not see (no-break spaces, the
     * Braille blank: a legal name that heads every letter invisibly); an absent or empty value is left to the other
     * constraints.
     */
    class Check implements ConstraintValidator<PlainLine, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value != null
                    && !value.isEmpty()
                    && !PlainText.hidesSomething(value, false)
                    && PlainText.saysNothing(value)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("{shared.field.says-nothing}")
                        .addConstraintViolation();
                return false;
            }
            return !PlainText.hidesSomething(value, false);
        }
    }
}
