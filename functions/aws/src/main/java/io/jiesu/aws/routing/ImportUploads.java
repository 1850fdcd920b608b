package io.jiesu.aws.routing;

import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A city's export of past tickets, however large: the api offers a pre-signed URL to the attachments bucket under
 * {@code imports/}, the admin's browser (or curl) PUTs the file there, and the training function reads it, keeps it
 * as the import and trains. The bytes never pass through an HTTP request to the api, whose bodies stop at 5 MB.
 */
public class ImportUploads {
    /** An upload's id: a timestamp, 8 hex digits and the file's kind ("20261201T061400Z-1a2b3c4d.csv"). */
    public static final Pattern ID = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{8}\\.(csv|json)");
    private static final Map<String, String> KINDS = Map.of("text/csv", "csv", "application/json", "json");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where to PUT the file, with that Content-Type and length, until {@code expiresAt}. */
    public record Offer(String upload, URI url, String contentType, long size, Instant expiresAt) {
    }

    /** What is wrong with an offer asked for, and which field says so. */
    public static final class BadUpload extends IllegalArgumentException {
        private final String field;

        BadUpload(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final S3Presigner presigner;
    private final S3Client s3;
    private final String bucket;
    private final Duration urlLife;
    private final long maxBytes;
    private final Clock clock;

    public ImportUploads(S3Presigner presigner, S3Client s3, String bucket, Duration urlLife, long maxBytes, Clock clock) {
        this.presigner = presigner;
        this.s3 = s3;
        this.bucket = bucket;
        this.urlLife = urlLife;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public Offer offer(String contentType, long size) {
        String kind = contentType == null ? null : KINDS.get(contentType.strip().toLowerCase(java.util.Locale.ROOT));
        if (kind == null) {
            throw new BadUpload("contentType", "an import is text/csv or application/json, not " + contentType);
        }
        if (size < 1 || size > maxBytes) {
            throw new BadUpload("size", "an import is 1 to " + maxBytes + " bytes (jiesu.routing.max-import-bytes), not "
                    + size);
        }
        Instant now = clock.instant();
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        String id = STAMP.format(now) + "-" + HexFormat.of().formatHex(random) + "." + kind;
        String type = kind.equals("csv") ? "text/csv" : "application/json";
        URI url = uri(presigner.presignPutObject(p -> p.signatureDuration(urlLife).putObjectRequest(o -> o
                .bucket(bucket).key(key(id)).contentType(type).contentLength(size))).url());
        return new Offer(id, url, type, size, now.plus(urlLife));
    }

    /** The uploaded file; empty when nothing was put under that id (or it is not one). */
    public Optional<byte[]> read(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(s3.getObject(b -> b.bucket(bucket).key(key(id)), ResponseTransformer.toBytes())
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            // on AWS a missing key answers 403 to a reader not allowed to list the bucket: the same as missing
            if (e.statusCode() == 403) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Removes an upload once it is kept as the import: it holds citizens' words. */
    public void delete(String id) {
        if (id != null && ID.matcher(id).matches()) {
            s3.deleteObject(b -> b.bucket(bucket).key(key(id)));
        }
    }

    static String key(String id) {
        return "imports/" + id;
    }

    private static URI uri(java.net.URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
