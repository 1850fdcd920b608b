package io.jiesu.aws.province;

import io.jiesu.core.province.ProvinceSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** The provincial platforms this deployment talks to, and the notifier that tells them of their tickets. */
@ApplicationScoped
public class ProvinceBeans {

    @Produces
    @Singleton
    Provinces provinces(ProvinceConfig config) {
        Map<String, Provinces.Province> byCode = new HashMap<>();
        config.code().ifPresent(code -> byCode.put(code, new Provinces.Province(code,
                new ProvinceSignature(config.secret().orElseThrow(
                        () -> new NoSuchElementException("jiesu.province.code is set but jiesu.province.secret is not"))),
                config.callbackUrl().orElse(null))));
        config.others().forEach((code, p) -> byCode.put(code,
                new Provinces.Province(code, new ProvinceSignature(p.secret()), p.callbackUrl().orElse(null))));
        return new Provinces(byCode);
    }

    @Produces
    @Singleton
    ProvinceNotifier provinceNotifier(Provinces provinces, Clock clock) {
        return new ProvinceNotifier(provinces, clock);
    }
}
