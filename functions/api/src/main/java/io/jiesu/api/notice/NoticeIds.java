package io.jiesu.api.notice;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Notice numbers an agent can read out: N, the day it was written, and eight unambiguous characters. */
final class NoticeIds {
    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final SecureRandom RANDOM = new SecureRandom();

    private NoticeIds() {
    }

    static String next(Instant at, ZoneId zone) {
        StringBuilder id = new StringBuilder("N").append(DAY.format(at.atZone(zone))).append('-');
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
