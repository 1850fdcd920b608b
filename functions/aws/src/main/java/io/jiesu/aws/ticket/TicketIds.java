package io.jiesu.aws.ticket;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Ticket numbers people can read out on the phone: the intake day and eight unambiguous characters. */
public final class TicketIds {
    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TicketIds() {
    }

    public static String next(Instant at, ZoneId zone) {
        StringBuilder id = new StringBuilder("T").append(DAY.format(at.atZone(zone))).append('-');
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
