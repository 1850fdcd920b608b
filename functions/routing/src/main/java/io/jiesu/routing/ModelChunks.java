package io.jiesu.routing;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A stored model in pieces small enough for DynamoDB items (400 KB each, attribute names included), with a
 * checksum of the whole so a partly written or mixed set of chunks is refused rather than loaded.
 */
public final class ModelChunks {
    /** Well under DynamoDB's 400 KB item limit, leaving room for the key and the other attributes. */
    public static final int CHUNK_BYTES = 350 * 1024;

    private ModelChunks() {
    }

    public static List<byte[]> split(byte[] model) {
        List<byte[]> chunks = new ArrayList<>();
        for (int at = 0; at < model.length; at += CHUNK_BYTES) {
            chunks.add(Arrays.copyOfRange(model, at, Math.min(model.length, at + CHUNK_BYTES)));
        }
        return chunks;
    }

    public static byte[] join(List<byte[]> chunks, String checksum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(out::writeBytes);
        byte[] model = out.toByteArray();
        if (!checksum(model).equals(checksum)) {
            throw new IllegalStateException("the stored model's chunks do not match its checksum: not loaded");
        }
        return model;
    }

    public static String checksum(byte[] model) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
