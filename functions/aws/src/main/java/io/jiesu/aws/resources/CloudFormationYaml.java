package io.jiesu.aws.resources;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a CloudFormation / SAM template as plain maps, lists and strings. The short-form tags become their
 * long form ({@code !Ref X} is {@code {Ref: X}}, {@code !GetAtt A.B} is {@code {Fn::GetAtt: A.B}},
 * {@code !Sub ...} is {@code {Fn::Sub: ...}}), so a reader need not care which form the template uses.
 */
final class CloudFormationYaml {
    private CloudFormationYaml() {
    }

    static Map<String, Object> read(Path template) {
        try (Reader in = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            Map<String, Object> doc = new Yaml(new ShortFormTags()).load(in);
            if (doc == null) {
                throw new IllegalStateException(template + " is empty");
            }
            return doc;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + template, e);
        }
    }

    /** Every tag that starts with "!" (a local tag, which is what CloudFormation's short forms are). */
    private static final class ShortFormTags extends SafeConstructor {
        ShortFormTags() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String function = node.getTag().getValue().substring(1);
                    String key = function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
                    Object value;
                    if (node instanceof ScalarNode s) {
                        value = constructScalar(s);
                    } else if (node instanceof SequenceNode s) {
                        value = constructSequence(s);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    return Map.of(key, value);
                }
            });
        }
    }

    /** The logical id a {@code Ref} names, or null when the value is not a {@code Ref}. */
    static String ref(Object value) {
        return value instanceof Map<?, ?> m && m.size() == 1 && m.get("Ref") instanceof String id ? id : null;
    }

    /** {@code [logicalId, attribute]} of a {@code Fn::GetAtt} in either form, or null when it is not one. */
    static List<String> getAtt(Object value) {
        if (!(value instanceof Map<?, ?> m) || m.size() != 1 || !m.containsKey("Fn::GetAtt")) {
            return null;
        }
        Object target = m.get("Fn::GetAtt");
        if (target instanceof String s && s.indexOf('.') > 0) {
            return List.of(s.substring(0, s.indexOf('.')), s.substring(s.indexOf('.') + 1));
        }
        if (target instanceof List<?> l && l.size() == 2) {
            return List.of(String.valueOf(l.get(0)), String.valueOf(l.get(1)));
        }
        return null;
    }
}
