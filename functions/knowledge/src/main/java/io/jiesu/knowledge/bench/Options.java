package io.jiesu.knowledge.bench;

import java.util.HashMap;
import java.util.Map;

/** The commands' "--name value" options; a flag without a value is refused, naming it. */
record Options(Map<String, String> values) {
    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got: " + args[i]);
            }
            values.put(args[i], args[++i]);
        }
        return new Options(values);
    }

    int integer(String name, int otherwise) {
        String value = values.get(name);
        try {
            return value == null ? otherwise : Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value);
        }
    }

    String text(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
