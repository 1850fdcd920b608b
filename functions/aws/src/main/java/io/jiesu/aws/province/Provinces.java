package io.jiesu.aws.province;

import io.jiesu.core.province.ProvinceSignature;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** The provincial platforms this deployment talks to: each one's shared secret and status callback URL. */
public final class Provinces {
    public record Province(String code, ProvinceSignature signature, URI callbackUrl) {
    }

    private final Map<String, Province> byCode;

    public Provinces(Map<String, Province> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    public Optional<Province> get(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }
}
