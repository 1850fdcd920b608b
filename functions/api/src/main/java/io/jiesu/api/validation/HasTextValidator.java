package io.jiesu.api.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class HasTextValidator implements ConstraintValidator<HasText, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || hasText(value); // null is @NotNull's to refuse, as for @PlainText
    }

    /** Whether the text holds a character that is not whitespace, a space separator, a format or a control character. */
    public static boolean hasText(String value) {
        return value.codePoints().anyMatch(cp -> !blank(cp));
    }

    private static boolean blank(int cp) {
        int type = Character.getType(cp);
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.FORMAT
                || type == Character.CONTROL
                // not Cf by Unicode's categories, but drawn as nothing: Hangul fillers and the Braille blank
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800;
    }
}
