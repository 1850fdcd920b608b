package io.jiesu.api.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Chinese mobile or landline number (region CN, by libphonenumber): {@code 13812345678},
 * {@code +86 138 1234 5678}, {@code 010-64001234}, {@code (010) 6400 1234}. Null is valid: add {@code @NotBlank}
 * where the number is required.
 */
@Documented
@Constraint(validatedBy = ChinesePhoneValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ChinesePhone {
    String message() default "must be a Chinese mobile or landline number, e.g. 13812345678 or 010-64001234";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
