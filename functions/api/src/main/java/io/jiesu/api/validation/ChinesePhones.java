package io.jiesu.api.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chinese mobile and landline numbers, by Google's numbering plan (libphonenumber): what {@link ChinesePhone}
 * accepts, and the one form a number is stored in, so the citizen index finds the same caller however the
 * number was typed ({@code +86 138 1234 5678}, {@code 138-1234-5678} and {@code 13812345678} are one number).
 */
public final class ChinesePhones {
    private static final String REGION = "CN";
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Digits (also full-width, as Chinese input methods type them), spaces, dashes, brackets, a leading +. */
    private static final Pattern TYPED = Pattern.compile("^[+＋]?[0-9０-９ \\-－()（）]{5,30}$");

    private ChinesePhones() {
    }

    /** The number, when it is a valid Chinese mobile or fixed-line number (with or without +86), with no extension. */
    public static Optional<PhoneNumber> parse(String typed) {
        if (typed == null || !TYPED.matcher(typed.strip()).matches()) {
            return Optional.empty();
        }
        try {
            PhoneNumber n = PHONES.parse(typed.strip(), REGION);
            if (n.hasExtension() || !PHONES.isValidNumberForRegion(n, REGION)) {
                return Optional.empty();
            }
            PhoneNumberType type = PHONES.getNumberType(n);
            boolean fits = type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE
                    || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
            return fits ? Optional.of(n) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    public static boolean isValid(String typed) {
        return parse(typed).isPresent();
    }

    /**
     * The number as dialled inside China, digits only: a mobile as its 11 digits ({@code 13812345678}), a landline
     * with its trunk 0 and area code ({@code 01064001234}). A value that is not a valid number comes back
     * unchanged, for {@link ChinesePhone} to refuse.
     */
    public static String normalise(String typed) {
        return parse(typed).map(ChinesePhones::national).orElse(typed);
    }

    private static String national(PhoneNumber n) {
        String significant = PHONES.getNationalSignificantNumber(n);
        return PHONES.getNumberType(n) == PhoneNumberType.MOBILE
                || (PHONES.getNumberType(n) == PhoneNumberType.FIXED_LINE_OR_MOBILE && significant.startsWith("1"))
                ? significant : "0" + significant;
    }
}
