package io.jiesu.aws.knowledge;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Article numbers an agent can read out, like ticket numbers: KB, the day it was drafted, eight characters. */
public final class ArticleIds {
    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ArticleIds() {
    }

    public static String next(Instant at, ZoneId zone) {
        StringBuilder id = new StringBuilder("KB-").append(DAY.format(at.atZone(zone))).append('-');
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
