package io.jiesu.localrun;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The written table of permissions (src/test/resources/permissions.csv) and the README's "Who may do what"
 * table that mirrors it: one row per endpoint and scope, one cell per kind of caller.
 */
record PermissionTable(List<String> columns, List<Row> rows) {
    static final String RESOURCE = "/permissions.csv";
    static final String README_SECTION = "## Who may do what";
    static final String ALLOWED = "allowed";
    /** The roles a bearer token may carry, as they head the table's columns. */
    static final List<String> ROLES = List.of("citizen", "agent", "dispatcher", "unit", "reviewer", "supervisor", "admin");
    static final String NOT_A_TOKEN_ROLE = "system/province";
    static final String NO_VALID_TOKEN = "no valid token";
    static final List<String> COLUMNS;

    static {
        List<String> c = new ArrayList<>(ROLES);
        c.add(NOT_A_TOKEN_ROLE);
        c.add(NO_VALID_TOKEN);
        COLUMNS = List.copyOf(c);
    }

    /**
     * One endpoint in one scope: the expected answer per column ("allowed", "401" or "403"; "409" or "404" where the
     * role may act but the end-to-end run never meets the precondition, as problem+json like a refusal: the shared
     * run never has enough lessons to train, so no router model is ever in force there).
     */
    record Row(String method, String path, String scope, Map<String, String> expected, String note) {
        String endpoint() {
            return method + " " + path;
        }

        String name() {
            return endpoint() + ("-".equals(scope) ? "" : " (" + scope + ")");
        }

        List<String> cells() {
            List<String> all = new ArrayList<>(List.of(endpoint(), scope));
            all.addAll(expected.values());
            all.add(note);
            return all;
        }
    }

    static PermissionTable fromCsv() {
        try (InputStream in = PermissionTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            return fromCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PermissionTable fromCsv(String csv) {
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        for (String line : csv.split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = Arrays.stream(line.split(",", -1)).map(String::strip).toList();
            if (header == null) {
                header = f;
                List<String> want = new ArrayList<>(List.of("method", "path", "scope"));
                want.addAll(COLUMNS);
                want.add("note");
                if (!header.equals(want)) {
                    throw new IllegalStateException(RESOURCE + " must have the columns " + want + ", has " + header);
                }
                continue;
            }
            if (f.size() != header.size()) {
                throw new IllegalStateException(RESOURCE + ": " + f.size() + " fields instead of " + header.size()
                        + " (notes must not contain commas): " + line);
            }
            rows.add(row(f.get(0), f.get(1), f.get(2), f.subList(3, 3 + COLUMNS.size()), f.get(f.size() - 1), line));
        }
        return new PermissionTable(COLUMNS, List.copyOf(rows));
    }

    /** The table under README.md's "Who may do what": | `METHOD path` | scope | cells ... | note |. */
    static PermissionTable fromReadme(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf(README_SECTION);
        if (start < 0) {
            throw new IllegalStateException(readme + " has no section '" + README_SECTION + "'");
        }
        List<List<String>> table = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("|")) {
                table.add(Arrays.stream(line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length())
                        .split("\\|", -1)).map(String::strip).toList());
            } else if (!table.isEmpty()) {
                break;
            }
        }
        if (table.size() < 2) {
            throw new IllegalStateException(readme + ": no table under '" + README_SECTION + "'");
        }
        List<String> header = table.get(0);
        List<String> want = new ArrayList<>(List.of("endpoint", "scope"));
        want.addAll(COLUMNS);
        want.add("note");
        if (!header.equals(want)) {
            throw new IllegalStateException("the README table must have the columns " + want + ", has " + header);
        }
        List<Row> rows = new ArrayList<>();
        for (List<String> f : table.subList(2, table.size())) {
            if (f.size() != header.size()) {
                throw new IllegalStateException("README table row with " + f.size() + " cells instead of " + header.size() + ": " + f);
            }
            String endpoint = f.get(0).replace("`", "");
            int space = endpoint.indexOf(' ');
            rows.add(row(endpoint.substring(0, space), endpoint.substring(space + 1), f.get(1),
                    f.subList(2, 2 + COLUMNS.size()), f.get(f.size() - 1), String.join(" | ", f)));
        }
        return new PermissionTable(COLUMNS, List.copyOf(rows));
    }

    private static Row row(String method, String path, String scope, List<String> cells, String note, String line) {
        if (!List.of("own", "co", "other", "-").contains(scope)) {
            throw new IllegalStateException("scope is own, co, other or -: " + line);
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            String cell = cells.get(i);
            if (!List.of(ALLOWED, "401", "403", "404", "409").contains(cell)) {
                throw new IllegalStateException("a cell is allowed, 401, 403, 404 or 409, not '" + cell + "': " + line);
            }
            expected.put(COLUMNS.get(i), cell);
        }
        return new Row(method, path, scope, expected, note);
    }

    /** The README's markdown for this table, to paste when the CSV changes. */
    String markdown() {
        StringBuilder md = new StringBuilder("| endpoint | scope | ").append(String.join(" | ", columns)).append(" | note |\n|");
        md.append(" --- |".repeat(columns.size() + 3)).append('\n');
        for (Row r : rows) {
            md.append("| `").append(r.endpoint()).append("` | ").append(r.scope()).append(" | ")
                    .append(String.join(" | ", r.expected().values())).append(" | ").append(r.note()).append(" |\n");
        }
        return md.toString();
    }
}
