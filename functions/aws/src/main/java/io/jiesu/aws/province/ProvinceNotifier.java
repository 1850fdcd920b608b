package io.jiesu.aws.province;

import io.jiesu.aws.ticket.TicketJson;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** Posts a notice to its province's callback URL, signed, with its idempotency key; 2xx is delivered. */
public class ProvinceNotifier {
    private final Provinces provinces;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ProvinceNotifier(Provinces provinces, Clock clock) {
        this.provinces = provinces;
        this.clock = clock;
    }

    public static class DeliveryFailed extends RuntimeException {
        public DeliveryFailed(String message) {
            super(message);
        }
    }

    public void deliver(ProvinceNotice notice) {
        Provinces.Province p = provinces.get(notice.province()).orElseThrow(() -> new DeliveryFailed(
                "no callback configured for province " + notice.province() + ": set jiesu.province."
                        + notice.province() + ".callback-url and .secret"));
        if (p.callbackUrl() == null) {
            throw new DeliveryFailed("no callback URL for province " + notice.province() + ": set its callback-url");
        }
        byte[] body = TicketJson.write(notice).getBytes(StandardCharsets.UTF_8);
        long now = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(p.callbackUrl()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", notice.idempotencyKey())
                .header(io.jiesu.core.province.ProvinceSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(io.jiesu.core.province.ProvinceSignature.SIGNATURE_HEADER, p.signature().sign(now, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new DeliveryFailed("province " + notice.province() + " unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted");
        }
        if (status / 100 != 2) {
            throw new DeliveryFailed("province " + notice.province() + " answered " + status);
        }
    }
}
