package io.jiesu.aws.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.resources.CloudTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes localstack/init/ready.d/init-aws.sh from template.yaml: the awslocal calls that create the template's
 * table, queues (dead-letter queues first, then the work queues redriving to them), schedule groups and
 * schedules in LocalStack, then print the environment for the apps.
 *
 * <p>Why a script generated here, and not a script that reads template.yaml itself: LocalStack runs the script
 * inside its container, where reading a CloudFormation template (its short tags, Ref, GetAtt and Sub) would need
 * a YAML reader of its own, in Python, tested only where Docker runs; and {@code awslocal cloudformation deploy}
 * would try to deploy the Lambda functions too. Here the same reader the embedded local cloud uses
 * ({@link CloudTemplate}) writes plain awslocal calls, and {@link InitScriptIsMadeFromTheTemplateTest} fails as
 * soon as the committed script is not what the template makes: nobody edits the script by hand.
 *
 * <p>Run {@link #main} (or that test with {@code -Djiesu.init-script.write=true}) after changing template.yaml.
 */
public final class InitScript {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private InitScript() {
    }

    public static void main(String[] args) throws IOException {
        Path script = args.length > 0 ? Path.of(args[0]) : path(CloudTemplate.find().getParent());
        Files.writeString(script, render(CloudTemplate.get()));
        System.out.println("wrote " + script + " from " + CloudTemplate.get().path());
    }

    static Path path(Path repositoryRoot) {
        return repositoryRoot.resolve("localstack/init/ready.d/init-aws.sh");
    }

    static String render(CloudTemplate template) {
        StringBuilder s = new StringBuilder();
        s.append("""
                #!/usr/bin/env bash
                # GENERATED from template.yaml by io.jiesu.aws.localstack.InitScript (functions/aws tests): do not edit.
                # After changing template.yaml, regenerate it with
                #   ./mvnw -B -o test -pl functions/aws -Dtest=InitScriptIsMadeFromTheTemplateTest -Djiesu.init-script.write=true
                # (InitScriptIsMadeFromTheTemplateTest fails while it differs from what the template makes).
                #
                # Creates in LocalStack what template.yaml deploys on AWS and the embedded local cloud builds from it: the
                # tickets table with its indexes, each queue with its dead-letter queue and redrive, the schedule groups and
                # the recurring schedules. Names are the template's for the stack "%s". LocalStack runs it once it is
                # ready (/etc/localstack/init/ready.d). Safe to run again: what already exists is left as it is.
                set -euo pipefail

                AWS="${AWSLOCAL:-awslocal}"
                REGION="${AWS_DEFAULT_REGION:-us-east-1}"
                SCHEDULER_ROLE_ARN=%s

                queue() { # <name> <attributes as JSON>; prints the queue's URL
                  $AWS sqs create-queue --queue-name "$1" --attributes "$2" --query QueueUrl --output text
                }
                arn() { # <queue URL>; prints the queue's ARN
                  $AWS sqs get-queue-attributes --queue-url "$1" --attribute-names QueueArn --query Attributes.QueueArn --output text
                }

                """.formatted(CloudTemplate.LOCAL_STACK, CloudResources.LOCAL_SCHEDULER_ROLE_ARN));
        table(s, template.table());
        queues(s, template.queues());
        scheduler(s, template);
        buckets(s, template.buckets());
        environment(s, template);
        return s.toString();
    }

    private static void table(StringBuilder s, CloudTemplate.Table table) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("TableName", CloudResources.TABLE);
        input.put("BillingMode", table.billingMode());
        input.put("AttributeDefinitions", table.attributes().entrySet().stream()
                .map(a -> obj("AttributeName", a.getKey(), "AttributeType", a.getValue())).toList());
        input.put("KeySchema", keys(table.keys()));
        input.put("GlobalSecondaryIndexes", table.indexes().stream().map(i -> {
            Map<String, Object> index = new LinkedHashMap<>();
            index.put("IndexName", i.name());
            index.put("KeySchema", keys(i.keys()));
            Map<String, Object> projection = new LinkedHashMap<>();
            projection.put("ProjectionType", i.projection());
            if (!i.nonKeyAttributes().isEmpty()) {
                projection.put("NonKeyAttributes", i.nonKeyAttributes());
            }
            index.put("Projection", projection);
            return index;
        }).toList());
        s.append("# ---- the table (").append(table.logicalId()).append("): keys, billing and indexes as template.yaml declares them\n");
        s.append("TABLE=").append(CloudResources.TABLE).append('\n');
        s.append("TABLE_JSON=$(cat <<'JSON'\n").append(json(input, true)).append("\nJSON\n)\n");
        s.append("""
                if $AWS dynamodb describe-table --table-name "$TABLE" >/dev/null 2>&1; then
                  echo "jiesu: table $TABLE exists"
                else
                  $AWS dynamodb create-table --cli-input-json "$TABLE_JSON" >/dev/null
                  $AWS dynamodb wait table-exists --table-name "$TABLE"
                  echo "jiesu: created table $TABLE"
                fi

                """);
    }

    private static List<Map<String, Object>> keys(List<CloudTemplate.Key> keys) {
        return keys.stream().map(k -> obj("AttributeName", k.attribute(), "KeyType", k.type())).toList();
    }

    /** Dead-letter queues first (a redrive policy names its queue's ARN), then the queues that redrive to them. */
    private static void queues(StringBuilder s, List<CloudTemplate.Queue> queues) {
        s.append("# ---- the queues: each dead-letter queue, then the work queues with their redrive policies\n");
        for (boolean redrives : List.of(false, true)) {
            for (CloudTemplate.Queue q : queues) {
                if (q.redrives() != redrives) {
                    continue;
                }
                Map<String, Object> attributes = new LinkedHashMap<>();
                if (q.fifo()) {
                    attributes.put("FifoQueue", "true");
                }
                if (q.visibilityTimeout() != null) {
                    attributes.put("VisibilityTimeout", q.visibilityTimeout().toString());
                }
                if (q.retention() != null) {
                    attributes.put("MessageRetentionPeriod", q.retention().toString());
                }
                if (redrives) {
                    // the policy is a JSON document inside a string attribute; the ARN is the shell's, filled in below
                    attributes.put("RedrivePolicy", json(obj("deadLetterTargetArn", var(q.deadLetterQueue(), "ARN"),
                            "maxReceiveCount", q.maxReceiveCount().toString()), false));
                }
                String url = variable(q.logicalId(), "URL");
                s.append(url).append("=$(queue ").append(q.name()).append(' ').append(shell(json(attributes, false))).append(")\n");
                s.append(variable(q.logicalId(), "ARN")).append("=$(arn \"$").append(url).append("\")\n");
                s.append("echo \"jiesu: queue ").append(q.name()).append(redrives ? " (to " + q.deadLetterQueue() + " after "
                        + q.maxReceiveCount() + " receives)" : "").append("\"\n");
            }
        }
        s.append('\n');
    }

    /**
     * The schedule groups, and the recurring schedules. LocalStack's Scheduler stores schedules but never fires
     * them, so a schedule it refuses is reported and skipped rather than failing the whole start.
     */
    private static void scheduler(StringBuilder s, CloudTemplate template) {
        s.append("# ---- the schedule groups (the deadline timers' group holds one timer per open ticket) and schedules\n");
        for (CloudTemplate.ScheduleGroup g : template.scheduleGroups()) {
            s.append("""
                    if $AWS scheduler get-schedule-group --name %1$s >/dev/null 2>&1; then
                      echo "jiesu: schedule group %1$s exists"
                    else
                      $AWS scheduler create-schedule-group --name %1$s >/dev/null
                      echo "jiesu: created schedule group %1$s"
                    fi
                    """.formatted(g.name()));
        }
        s.append("# (LocalStack's Scheduler stores these and never fires them; send a digest by hand to the digest queue)\n");
        for (CloudTemplate.Schedule sc : template.schedules()) {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("Arn", var(sc.target(), "ARN"));
            target.put("RoleArn", "@@SCHEDULER_ROLE_ARN@@");
            target.put("Input", sc.input());
            target.put("RetryPolicy", obj("MaximumRetryAttempts", sc.maximumRetryAttempts(),
                    "MaximumEventAgeInSeconds", sc.maximumEventAgeInSeconds()));
            if (sc.deadLetterQueue() != null) {
                target.put("DeadLetterConfig", obj("Arn", var(sc.deadLetterQueue(), "ARN")));
            }
            s.append("if $AWS scheduler get-schedule --group-name ").append(sc.group()).append(" --name ").append(sc.name())
                    .append(" >/dev/null 2>&1; then\n  echo \"jiesu: schedule ").append(sc.name()).append(" exists\"\n")
                    .append("elif $AWS scheduler create-schedule --group-name ").append(sc.group()).append(" --name ").append(sc.name())
                    .append(" \\\n    --schedule-expression ").append(shell(sc.expression()));
            if (sc.timezone() != null) {
                s.append(" --schedule-expression-timezone ").append(sc.timezone());
            }
            s.append(" \\\n    --flexible-time-window ").append(shell(json(obj("Mode", sc.flexibleTimeWindow()), false)))
                    .append(" \\\n    --target ").append(shell(json(target, false))).append(" >/dev/null; then\n")
                    .append("  echo \"jiesu: created schedule ").append(sc.name()).append("\"\nelse\n")
                    .append("  echo \"jiesu: LocalStack did not take schedule ").append(sc.name()).append(", skipped\"\nfi\n");
        }
        s.append('\n');
    }

    private static void buckets(StringBuilder s, List<CloudTemplate.Bucket> buckets) {
        s.append("# ---- the buckets (attachments: the api pre-signs URLs to it)\n");
        for (CloudTemplate.Bucket b : buckets) {
            s.append("if $AWS s3api head-bucket --bucket ").append(b.name()).append(" >/dev/null 2>&1; then\n  echo \"jiesu: bucket ")
                    .append(b.name()).append(" exists\"\nelse\n  $AWS s3api create-bucket --bucket ").append(b.name())
                    .append(" >/dev/null\n  echo \"jiesu: bucket ").append(b.name()).append("\"\nfi\n");
        }
        s.append('\n');
    }

    /** What the template's functions are told (JIESU_QUEUE_<NAME>_URL for each work queue), for LocalStack. */
    private static void environment(StringBuilder s, CloudTemplate template) {
        String deadlines = template.scheduleGroups().stream().map(CloudTemplate.ScheduleGroup::name)
                .filter(CloudResources.SCHEDULE_GROUP::equals).findFirst().orElseThrow();
        s.append("# ---- what to export for the api and the stages\n");
        s.append("cat <<ENV\njiesu: ready. Point the api and the stages at LocalStack with:\n");
        s.append("export JIESU_AWS_REGION=$REGION\n");
        for (String service : List.of("DYNAMODB", "SQS", "SCHEDULER", "S3")) {
            s.append("export JIESU_AWS_").append(service).append("_ENDPOINT=http://localhost:4566\n");
        }
        s.append("export JIESU_TABLE=$TABLE\n");
        s.append("export JIESU_ATTACHMENTS_BUCKET=").append(CloudResources.ATTACHMENTS_BUCKET).append('\n');
        for (CloudTemplate.Queue q : template.queues()) {
            if (q.redrives()) {
                String name = q.logicalId().replaceAll("Queue$", "").toUpperCase(Locale.ROOT);
                s.append("export JIESU_QUEUE_").append(name).append("_URL=$").append(variable(q.logicalId(), "URL")).append('\n');
            }
        }
        String deadlineQueue = template.queues().stream().filter(q -> q.name().equals(
                io.jiesu.aws.resources.QueueName.DEADLINE.localName())).findFirst().orElseThrow().logicalId();
        String schedulerDlq = template.schedules().stream().map(CloudTemplate.Schedule::deadLetterQueue)
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        s.append("export JIESU_QUEUE_DEADLINE_ARN=$").append(variable(deadlineQueue, "ARN")).append('\n');
        s.append("export JIESU_SCHEDULER_GROUP=").append(deadlines).append('\n');
        s.append("export JIESU_SCHEDULER_ROLE_ARN=$SCHEDULER_ROLE_ARN\n");
        s.append("export JIESU_SCHEDULER_DLQ_ARN=$").append(variable(schedulerDlq, "ARN")).append('\n');
        s.append("""
                ENV

                # the compose healthcheck waits for this (only inside the LocalStack container)
                if [[ -d /etc/localstack ]]; then
                  touch /tmp/jiesu-ready
                fi
                """);
    }

    /** A JSON object with its keys in the order given (Map.of's order changes from one JVM to the next). */
    private static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** DispatchDlq, ARN: DISPATCH_DLQ_ARN. */
    private static String variable(String logicalId, String what) {
        return logicalId.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT) + "_" + what;
    }

    /** A placeholder for a shell variable inside a JSON value, made a shell expansion by {@link #shell}. */
    private static String var(String logicalId, String what) {
        return "@@" + variable(logicalId, what) + "@@";
    }

    /** Single-quoted for the shell, with each placeholder left outside the quotes so the shell fills it in. */
    private static String shell(String text) {
        return ("'" + text.replace("'", "'\\''") + "'").replaceAll("@@([A-Z0-9_]+)@@", "'\"\\$$1\"'");
    }

    private static String json(Object value, boolean pretty) {
        try {
            return (pretty ? PRETTY : JSON).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
