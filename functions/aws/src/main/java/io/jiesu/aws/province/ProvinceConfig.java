package io.jiesu.aws.province;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The provincial platforms. A deployment's own province: {@code jiesu.province.code}, {@code .secret},
 * {@code .callback-url} (environment JIESU_PROVINCE_CODE, _SECRET, _CALLBACK_URL); more as
 * {@code jiesu.province.<code>.secret} and {@code jiesu.province.<code>.callback-url}.
 */
@ConfigMapping(prefix = "jiesu.province")
public interface ProvinceConfig {
    Optional<String> code();

    Optional<String> secret();

    Optional<URI> callbackUrl();

    /** The other provinces, by code. */
    @WithParentName
    Map<String, Platform> others();

    interface Platform {
        String secret();

        Optional<URI> callbackUrl();
    }
}
