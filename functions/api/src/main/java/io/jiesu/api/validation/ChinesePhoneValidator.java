package io.jiesu.api.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class ChinesePhoneValidator implements ConstraintValidator<ChinesePhone, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || ChinesePhones.isValid(value);
    }
}
