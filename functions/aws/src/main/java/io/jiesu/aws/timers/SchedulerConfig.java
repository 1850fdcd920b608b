package io.jiesu.aws.timers;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * The deadline timers' EventBridge Scheduler settings: {@code jiesu.scheduler.group} (the schedule group),
 * {@code .role-arn} (the role the scheduler sends with), {@code .dlq-arn} (where it dead-letters a firing it could
 * not deliver; none if unset).
 */
@ConfigMapping(prefix = "jiesu.scheduler")
public interface SchedulerConfig {
    String group();

    String roleArn();

    Optional<String> dlqArn();
}
