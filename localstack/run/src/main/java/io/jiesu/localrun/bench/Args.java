package io.jiesu.localrun.bench;

/** The local run's and the benchmarks' command-line options: {@code --name value}. */
public final class Args {
    private Args() {
    }

    public static String value(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    public static int number(String[] args, String name, int fallback) {
        return Integer.parseInt(value(args, name, Integer.toString(fallback)));
    }
}
