package io.jiesu.api.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class PlainTextValidator implements ConstraintValidator<PlainText, String> {
    private boolean multiline;

    @Override
    public void initialize(PlainText annotation) {
        multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String problem = problem(value, multiline);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                .addConstraintViolation();
        return false;
    }

    /** Why the text is not plain text, or null when it is. */
    public static String problem(String value, boolean multiline) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.SURROGATE) {
                return "is not valid Unicode text (a lone surrogate at position " + i + ")";
            }
            boolean lineBreakOrTab = cp == '\n' || cp == '\r' || cp == '\t';
            if (type == Character.CONTROL && !(multiline && lineBreakOrTab)) {
                return (lineBreakOrTab ? "must be a single line (no line breaks or tabs)"
                        : "must not contain control characters")
                        + String.format(" (U+%04X at position %d)", cp, i);
            }
            if (!multiline && (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR)) {
                return String.format("must be a single line (U+%04X at position %d)", cp, i);
            }
            i += Character.charCount(cp);
        }
        return null;
    }
}
