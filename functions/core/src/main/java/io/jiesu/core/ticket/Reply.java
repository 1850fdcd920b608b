package io.jiesu.core.ticket;

/**
 * A unit's answer (答复): what was done, by whom (谁办理谁负责), approved by the unit's reviewer,
 * citing the policy basis when the request cannot be met.
 */
public record Reply(String result, Outcome outcome, String policyBasis, String handlerName, String handlerPhone,
                    String reviewer) {
}
