package io.jiesu.api.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A required text field that says something: at least one character a reader can see. Spaces of
 * any kind (ideographic included), zero-width and other format characters (U+200B, U+200D, U+FEFF, U+2060 ...)
 * and control characters are blank, so content made only of them is refused like an empty one, instead of
 * landing in the dispatch pool as an empty ticket. Every required free-text field carries it, beside {@code @NotNull}
 * (null is valid here, as for {@link PlainText}).
 */
@Documented
@Constraint(validatedBy = HasTextValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface HasText {
    String message() default "must not be blank (spaces, zero-width or control characters only)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
