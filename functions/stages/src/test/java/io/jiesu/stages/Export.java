package io.jiesu.stages;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Each Lambda exports one function (QUARKUS_FUNQY_EXPORT, chosen when the function starts), so each function's test
 * runs the stages under a profile that exports it. The local cloud is started once and kept across the restarts.
 */
public abstract class Export implements QuarkusTestProfile {
    private final String function;

    protected Export(String function) {
        this.function = function;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        // a model a test stores is in force for the next ticket, not five minutes later
        return Map.of("quarkus.funqy.export", function, "jiesu.routing.recheck", "PT0S");
    }

    public static final class Dispatch extends Export {
        public Dispatch() {
            super("dispatch");
        }
    }

    public static final class Return extends Export {
        public Return() {
            super("return");
        }
    }

    public static final class Reply extends Export {
        public Reply() {
            super("reply");
        }
    }

    public static final class Callback extends Export {
        public Callback() {
            super("callback");
        }
    }
}
