package io.jiesu.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a city's export of past tickets into training examples, so a centre starts from last year's decisions.
 * Accepted, told apart by their content:
 * <ul>
 *   <li>CSV with a header naming the columns {@code text, category, location, unit} (and optionally
 *       {@code channel}); quoted fields may hold commas, quotes ("") and line breaks;</li>
 *   <li>a JSON array of objects with those fields;</li>
 *   <li>a JSON array of labelled messages {@code subject, body, label} (the label is the unit).</li>
 * </ul>
 * A subject goes on the text's first line, its body after it ({@link Features#withSubject}): the router counts a
 * subject line more than the body.
 * A row without text or without unit is refused with its row number: a silent skip would train on less than
 * the centre thinks.
 */
public final class TicketImport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TicketImport() {
    }

    public static List<RoutingExample> read(byte[] content) {
        String s = decode(content);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        return s.stripLeading().startsWith("[") ? json(s) : csv(s);
    }

    /**
     * UTF-8, or else GB18030: a CSV saved by Excel on a Chinese Windows is GBK (which GB18030 contains), and read as
     * UTF-8 every Chinese character would become a replacement character and train the router on nothing.
     */
    static String decode(byte[] content) {
        try {
            return strictly(StandardCharsets.UTF_8, content);
        } catch (CharacterCodingException notUtf8) {
            try {
                return strictly(Charset.forName("GB18030"), content);
            } catch (CharacterCodingException neither) {
                throw new IllegalArgumentException("the import is neither UTF-8 nor GBK text: save it as CSV UTF-8");
            }
        }
    }

    private static String strictly(Charset charset, byte[] content) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    }

    private static List<RoutingExample> json(String s) {
        JsonNode rows;
        try {
            rows = JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalArgumentException("the import is not valid JSON: " + e.getMessage());
        }
        List<RoutingExample> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            Map<String, String> row = new HashMap<>();
            r.fieldNames().forEachRemaining(f -> row.put(f, r.get(f).isNull() ? null : r.get(f).asText()));
            if (!row.containsKey("text") && row.containsKey("label")) {
                row.put("text", Features.withSubject(row.get("subject"), row.get("body")));
                row.put("unit", row.get("label"));
            }
            out.add(example(row, i + 1));
        }
        return out;
    }

    private static List<RoutingExample> csv(String s) {
        List<List<String>> records = parseCsv(s);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the import is empty");
        }
        List<String> header = records.get(0).stream().map(h -> h.strip().toLowerCase()).toList();
        for (String needed : List.of("text", "unit")) {
            if (!header.contains(needed)) {
                throw new IllegalArgumentException("the import's header has no column '" + needed + "'");
            }
        }
        List<RoutingExample> out = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> rec = records.get(i);
            if (rec.size() == 1 && rec.get(0).isBlank()) {
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.size() && c < rec.size(); c++) {
                row.put(header.get(c), rec.get(c));
            }
            out.add(example(row, i));
        }
        return out;
    }

    private static RoutingExample example(Map<String, String> row, int number) {
        String text = row.get("text");
        String unit = row.get("unit");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("row " + number + ": 'text' is missing");
        }
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("row " + number + ": 'unit' is missing");
        }
        return RoutingExample.of(new TicketText(text, blankToNull(row.get("category")),
                blankToNull(row.get("location")), blankToNull(row.get("channel"))), unit.strip(), Lesson.HAND_KEPT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** RFC 4180: fields separated by commas, quoted with "", a doubled quote inside quotes is one quote. */
    static List<List<String>> parseCsv(String s) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("the import ends inside a quoted field");
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

}
