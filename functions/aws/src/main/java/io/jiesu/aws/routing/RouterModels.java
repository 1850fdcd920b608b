package io.jiesu.aws.routing;

import io.jiesu.routing.ModelChunks;
import io.jiesu.routing.RouterModel;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The learned router's models, kept in the tickets table under one partition ({@value #PK}): each version as
 * chunks small enough for an item ({@link ModelChunks}), and a pointer to the version in force. The chunks are
 * written before the pointer, so a reader never follows it to a half-written model; the checksum refuses a mixed
 * set anyway. Older versions stay, so a bad model can be undone by pointing back (or withdrawn altogether).
 */
public class RouterModels {
    static final String PK = "MODEL#router";
    private static final String CURRENT = "CURRENT";
    /** Model versions are timestamps with a fingerprint ("20260501T020000Z-1a2b3c4d"): never this word. */
    private static final String IMPORT = "IMPORT";

    /** What the pointer says of the model in force. */
    public record Current(String version, int chunks, String checksum) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public RouterModels(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Stores the model as a new version and makes it the one in force. */
    public void store(RouterModel model) {
        byte[] bytes = model.toBytes();
        List<byte[]> chunks = ModelChunks.split(bytes);
        for (int i = 0; i < chunks.size(); i++) {
            Map<String, AttributeValue> item = key(chunkSk(model.version(), i));
            item.put("chunk", AttributeValue.builder().b(SdkBytes.fromByteArray(chunks.get(i))).build());
            dynamo.putItem(b -> b.tableName(table).item(item));
        }
        Map<String, AttributeValue> pointer = key(CURRENT);
        pointer.put("version", s(model.version()));
        pointer.put("chunks", AttributeValue.builder().n(Integer.toString(chunks.size())).build());
        pointer.put("checksum", s(ModelChunks.checksum(bytes)));
        pointer.put("trainedAt", s(model.about().trainedAt().toString()));
        pointer.put("examples", AttributeValue.builder().n(Integer.toString(model.about().examples())).build());
        pointer.put("about", s(model.about().toJson()));
        dynamo.putItem(b -> b.tableName(table).item(pointer));
    }

    /**
     * What the model in force says of itself, from the pointer alone (the admin screen's read: no model is loaded);
     * a model stored before the pointer kept it is loaded once to tell.
     */
    public Optional<RouterModel.About> inForce() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(CURRENT)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        if (item.containsKey("about")) {
            return Optional.of(RouterModel.About.fromJson(item.get("about").s()));
        }
        return Optional.of(load(new Current(item.get("version").s(), Integer.parseInt(item.get("chunks").n()),
                item.get("checksum").s())).about());
    }

    /** The pointer alone (one small read): whether the model in force changed since it was loaded. */
    public Optional<Current> pointer() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(CURRENT)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Current(item.get("version").s(), Integer.parseInt(item.get("chunks").n()),
                item.get("checksum").s()));
    }

    /** The model in force; empty before the first training or import (then the catalogue's keywords route). */
    public Optional<RouterModel> current() {
        return pointer().map(this::load);
    }

    public RouterModel load(Current c) {
        List<byte[]> chunks = chunks(c.version());
        if (chunks.size() != c.chunks()) {
            throw new IllegalStateException("router model " + c.version() + " has " + chunks.size()
                    + " stored chunks, its pointer says " + c.chunks() + ": not loaded");
        }
        return RouterModel.fromBytes(ModelChunks.join(chunks, c.checksum()));
    }

    /**
     * Keeps a city's import (its raw CSV/JSON, gzipped, in chunks) so that every later training learns from last
     * year's tickets as well as from this centre's own dispatches. A new import replaces the earlier one: its chunks
     * are written under a key of their own, the pointer is switched to them if it still names the import this one
     * replaces, then the earlier import's chunks are deleted. Of two imports kept at the same moment one wins; the
     * other deletes its own chunks and fails (asked again, it replaces the winner). No row of a replaced import
     * (citizens' words) stays behind, and a training that read the pointer just before a switch reads it again.
     */
    public void storeImport(byte[] raw) {
        byte[] gz = gzip(raw);
        String checksum = ModelChunks.checksum(gz);
        String version = IMPORT + "-" + checksum.substring(0, 16);
        Optional<String> before = importPointer().map(RouterModels::importVersion);
        List<byte[]> chunks = ModelChunks.split(gz);
        for (int i = 0; i < chunks.size(); i++) {
            Map<String, AttributeValue> item = key(chunkSk(version, i));
            item.put("chunk", AttributeValue.builder().b(SdkBytes.fromByteArray(chunks.get(i))).build());
            dynamo.putItem(b -> b.tableName(table).item(item));
        }
        Map<String, AttributeValue> pointer = key(IMPORT);
        pointer.put("version", s(version));
        pointer.put("chunks", AttributeValue.builder().n(Integer.toString(chunks.size())).build());
        pointer.put("checksum", s(checksum));
        try {
            dynamo.putItem(b -> b.tableName(table).item(pointer).conditionExpression(before.isEmpty()
                            ? "attribute_not_exists(PK)"
                            : before.get().equals(IMPORT) ? "attribute_not_exists(#v)" : "#v = :before")
                    .expressionAttributeNames(before.isEmpty() ? null : Map.of("#v", "version"))
                    .expressionAttributeValues(before.isEmpty() || before.get().equals(IMPORT) ? null
                            : Map.of(":before", s(before.get()))));
        } catch (ConditionalCheckFailedException meanwhile) {
            if (importPointer().map(RouterModels::importVersion).equals(Optional.of(version))) {
                return; // the same file, kept by another at the same moment
            }
            deleteChunks(version);
            throw new IllegalStateException("another import was kept at the same moment: ask again to replace it");
        }
        before.filter(v -> !v.equals(version)).ifPresent(this::deleteChunks);
    }

    /** The import kept by {@link #storeImport}, as it was sent; empty when the centre never imported. */
    public Optional<byte[]> storedImport() {
        try {
            return readImport();
        } catch (IllegalStateException replacedWhileRead) {
            // the pointer now names the import that replaced it, whose chunks are all written
            return readImport();
        }
    }

    private Optional<byte[]> readImport() {
        return importPointer().map(item -> {
            List<byte[]> chunks = chunks(importVersion(item));
            return gunzip(ModelChunks.join(chunks.subList(0, Math.min(chunks.size(),
                    Integer.parseInt(item.get("chunks").n()))), item.get("checksum").s()));
        });
    }

    private Optional<Map<String, AttributeValue>> importPointer() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(IMPORT)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** The key the pointer names; an import kept before imports had their own keys is under IMPORT itself. */
    private static String importVersion(Map<String, AttributeValue> pointer) {
        return pointer.containsKey("version") ? pointer.get("version").s() : IMPORT;
    }

    private void deleteChunks(String version) {
        QueryRequest q = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :v)").projectionExpression("PK, SK")
                .expressionAttributeValues(Map.of(":pk", s(PK), ":v", s("V#" + version + "#"))).build();
        dynamo.queryPaginator(q).items().forEach(i -> dynamo.deleteItem(b -> b.tableName(table)
                .key(Map.of("PK", i.get("PK"), "SK", i.get("SK")))));
    }

    /** Takes the model out of service (its chunks stay): the catalogue's keywords route until the next training. */
    public void withdraw() {
        dynamo.deleteItem(b -> b.tableName(table).key(key(CURRENT)));
    }

    private List<byte[]> chunks(String version) {
        QueryRequest q = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :v)")
                .expressionAttributeValues(Map.of(":pk", s(PK), ":v", s("V#" + version + "#"))).build();
        List<byte[]> chunks = new ArrayList<>();
        dynamo.queryPaginator(q).items().forEach(i -> chunks.add(i.get("chunk").b().asByteArray()));
        return chunks;
    }

    static byte[] gzip(byte[] raw) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] gz) {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String chunkSk(String version, int i) {
        // zero-padded so the chunks come back in order
        return "V#" + version + "#" + String.format("%04d", i);
    }

    private static Map<String, AttributeValue> key(String sk) {
        Map<String, AttributeValue> k = new HashMap<>();
        k.put("PK", s(PK));
        k.put("SK", s(sk));
        return k;
    }

    private static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }
}
