#!/usr/bin/env bash
# GENERATED from template.yaml by io.jiesu.aws.localstack.InitScript (functions/aws tests): do not edit.
# After changing template.yaml, regenerate it with
#   ./mvnw -B -o test -pl functions/aws -Dtest=InitScriptIsMadeFromTheTemplateTest -Djiesu.init-script.write=true
# (InitScriptIsMadeFromTheTemplateTest fails while it differs from what the template makes).
#
# Creates in LocalStack what template.yaml deploys on AWS and the embedded local cloud builds from it: the
# tickets table with its indexes, each queue with its dead-letter queue and redrive, the schedule groups and
# the recurring schedules. Names are the template's for the stack "jiesu". LocalStack runs it once it is
# ready (/etc/localstack/init/ready.d). Safe to run again: what already exists is left as it is.
set -euo pipefail

AWS="${AWSLOCAL:-awslocal}"
REGION="${AWS_DEFAULT_REGION:-us-east-1}"
SCHEDULER_ROLE_ARN=arn:aws:iam::000000000000:role/jiesu-scheduler

queue() { # <name> <attributes as JSON>; prints the queue's URL
  $AWS sqs create-queue --queue-name "$1" --attributes "$2" --query QueueUrl --output text
}
arn() { # <queue URL>; prints the queue's ARN
  $AWS sqs get-queue-attributes --queue-url "$1" --attribute-names QueueArn --query Attributes.QueueArn --output text
}

# ---- the table (TicketsTable): keys, billing and indexes as template.yaml declares them
TABLE=jiesu-tickets
TABLE_JSON=$(cat <<'JSON'
{
  "TableName" : "jiesu-tickets",
  "BillingMode" : "PAY_PER_REQUEST",
  "AttributeDefinitions" : [ {
    "AttributeName" : "PK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "SK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "AUPK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "AUSK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "ASPK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "ASSK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "AAPK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "AASK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI1PK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI1SK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI2PK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI2SK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI3PK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI3SK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI4PK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI4SK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI5PK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI5SK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI6PK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI6SK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI7PK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI7SK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI8PK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI8SK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI9PK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI9SK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI10PK",
    "AttributeType" : "S"
  }, {
    "AttributeName" : "GSI10SK",
    "AttributeType" : "S"
  } ],
  "KeySchema" : [ {
    "AttributeName" : "PK",
    "KeyType" : "HASH"
  }, {
    "AttributeName" : "SK",
    "KeyType" : "RANGE"
  } ],
  "GlobalSecondaryIndexes" : [ {
    "IndexName" : "UnitInbox",
    "KeySchema" : [ {
      "AttributeName" : "GSI1PK",
      "KeyType" : "HASH"
    }, {
      "AttributeName" : "GSI1SK",
      "KeyType" : "RANGE"
    } ],
    "Projection" : {
      "ProjectionType" : "ALL"
    }
  }, {
    "IndexName" : "CitizenTickets",
    "KeySchema" : [ {
      "AttributeName" : "GSI2PK",
      "KeyType" : "HASH"
    }, {
      "AttributeName" : "GSI2SK",
      "KeyType" : "RANGE"
    } ],
    "Projection" : {
      "ProjectionType" : "KEYS_ONLY"
    }
  }, {
    "IndexName" : "Outbox",
    "KeySchema" : [ {
      "AttributeName" : "GSI3PK",
      "KeyType" : "HASH"
    }, {
      "AttributeName" : "GSI3SK",
      "KeyType" : "RANGE"
    } ],
    "Projection" : {
      "ProjectionType" : "ALL"
    }
  }, {
    "IndexName" : "OpenTickets",
    "KeySchema" : [ {
      "AttributeName" : "GSI4PK",
      "KeyType" : "HASH"
    }, {
      "AttributeName" : "GSI4SK",
      "KeyType" : "RANGE"
    } ],
    "Projection" : {
      "ProjectionType" : "KEYS_ONLY"
    }
  }, {
    "IndexName" : "SearchByIntake",
    "KeySchema" : [ {
      "AttributeName" : "GSI5PK",
      "KeyType" : "HASH"
    }, {
      "AttributeName" : "GSI5SK",
      "KeyType" : "RANGE"
    } ],
    "Projection" : {
      "ProjectionType" : "INCLUDE",
      "NonKeyAttributes" : [ "card", "state", "category", "channel", "leadUnit", "overdue", "provincial", "received", "words" ]
    }
  }, {
    "IndexName" : "SearchByDue",
    "KeySchema" : [ {
      "AttributeName" : "GSI6PK",
      "KeyType" : "HASH"
    }, {
      "AttributeName" : "GSI6SK",
      "KeyType" : "RANGE"
    } ],
    "Projection" : {
      "ProjectionType" : "INCLUDE",
      "NonKeyAttributes" : [ "card", "state", "category", "channel", "leadUnit", "overdue", "provincial", "received", "words" ]
    }
  }, {
    "IndexName" : "LeadByIntake",
    "KeySchema" : [ {
      "AttributeName" : "GSI7PK",
      "KeyType" : "HASH"
    }, {
      "AttributeName" : "GSI7SK",
      "KeyType" : "RANGE"
    } ],
    "Projection" : {
      "ProjectionType" : "INCLUDE",
      "NonKeyAttributes" : [ "card", "state", "category", "channel", "leadUnit", "overdue", "provincial", "received", "words" ]
    }
  }, {
    "IndexName" : "LeadByDue",
    "KeySchema" : [ {
      "AttributeName" : "GSI8PK",
      "KeyType" : "HASH"
    }, {
      "AttributeName" : "GSI8SK",
      "KeyType" : "RANGE"
    } ],
    "Projection" : {
      "ProjectionType" : "INCLUDE",
      "NonKeyAttributes" : [ "card", "state", "category", "channel", "leadUnit", "overdue", "provincial", "received", "words" ]
    }
  }, {
    "IndexName" : "FiledBy",
    "KeySchema" : [ {
      "AttributeName" : "GSI9PK",
      "KeyType" : "HASH"
    }, {
      "AttributeName" : "GSI9SK",
      "KeyType" : "RANGE"
    } ],
    "Projection" : {
      "ProjectionType" : "INCLUDE",
      "NonKeyAttributes" : [ "card" ]
    }
  }, {
    "IndexName" : "Notices",
    "KeySchema" : [ {
      "AttributeName" : "GSI10PK",
      "KeyType" : "HASH"
    }, {
      "AttributeName" : "GSI10SK",
      "KeyType" : "RANGE"
    } ],
    "Projection" : {
      "ProjectionType" : "ALL"
    }
  }, {
    "IndexName" : "ArticlesByUnit",
    "KeySchema" : [ {
      "AttributeName" : "AUPK",
      "KeyType" : "HASH"
    }, {
      "AttributeName" : "AUSK",
      "KeyType" : "RANGE"
    } ],
    "Projection" : {
      "ProjectionType" : "ALL"
    }
  }, {
    "IndexName" : "ArticlesByStatus",
    "KeySchema" : [ {
      "AttributeName" : "ASPK",
      "KeyType" : "HASH"
    }, {
      "AttributeName" : "ASSK",
      "KeyType" : "RANGE"
    } ],
    "Projection" : {
      "ProjectionType" : "ALL"
    }
  }, {
    "IndexName" : "AnsweringArticles",
    "KeySchema" : [ {
      "AttributeName" : "AAPK",
      "KeyType" : "HASH"
    }, {
      "AttributeName" : "AASK",
      "KeyType" : "RANGE"
    } ],
    "Projection" : {
      "ProjectionType" : "ALL"
    }
  } ]
}
JSON
)
if $AWS dynamodb describe-table --table-name "$TABLE" >/dev/null 2>&1; then
  echo "jiesu: table $TABLE exists"
else
  $AWS dynamodb create-table --cli-input-json "$TABLE_JSON" >/dev/null
  $AWS dynamodb wait table-exists --table-name "$TABLE"
  echo "jiesu: created table $TABLE"
fi

# ---- the queues: each dead-letter queue, then the work queues with their redrive policies
DISPATCH_DLQ_URL=$(queue jiesu-dispatch-dlq '{"MessageRetentionPeriod":"1209600"}')
DISPATCH_DLQ_ARN=$(arn "$DISPATCH_DLQ_URL")
echo "jiesu: queue jiesu-dispatch-dlq"
RETURN_DLQ_URL=$(queue jiesu-return-dlq '{"MessageRetentionPeriod":"1209600"}')
RETURN_DLQ_ARN=$(arn "$RETURN_DLQ_URL")
echo "jiesu: queue jiesu-return-dlq"
REPLY_DLQ_URL=$(queue jiesu-reply-dlq '{"MessageRetentionPeriod":"1209600"}')
REPLY_DLQ_ARN=$(arn "$REPLY_DLQ_URL")
echo "jiesu: queue jiesu-reply-dlq"
TRAIN_DLQ_URL=$(queue jiesu-train-dlq '{"MessageRetentionPeriod":"1209600"}')
TRAIN_DLQ_ARN=$(arn "$TRAIN_DLQ_URL")
echo "jiesu: queue jiesu-train-dlq"
DIGEST_DLQ_URL=$(queue jiesu-digest-dlq '{"MessageRetentionPeriod":"1209600"}')
DIGEST_DLQ_ARN=$(arn "$DIGEST_DLQ_URL")
echo "jiesu: queue jiesu-digest-dlq"
CALLBACK_DLQ_URL=$(queue jiesu-callback-dlq '{"MessageRetentionPeriod":"1209600"}')
CALLBACK_DLQ_ARN=$(arn "$CALLBACK_DLQ_URL")
echo "jiesu: queue jiesu-callback-dlq"
NOTIFY_DLQ_URL=$(queue jiesu-notify-dlq.fifo '{"FifoQueue":"true","MessageRetentionPeriod":"1209600"}')
NOTIFY_DLQ_ARN=$(arn "$NOTIFY_DLQ_URL")
echo "jiesu: queue jiesu-notify-dlq.fifo"
DEADLINE_DLQ_URL=$(queue jiesu-deadline-dlq '{"MessageRetentionPeriod":"1209600"}')
DEADLINE_DLQ_ARN=$(arn "$DEADLINE_DLQ_URL")
echo "jiesu: queue jiesu-deadline-dlq"
SCHEDULER_DLQ_URL=$(queue jiesu-scheduler-dlq '{"MessageRetentionPeriod":"1209600"}')
SCHEDULER_DLQ_ARN=$(arn "$SCHEDULER_DLQ_URL")
echo "jiesu: queue jiesu-scheduler-dlq"
DISPATCH_QUEUE_URL=$(queue jiesu-dispatch '{"VisibilityTimeout":"180","MessageRetentionPeriod":"345600","RedrivePolicy":"{\"deadLetterTargetArn\":\"'"$DISPATCH_DLQ_ARN"'\",\"maxReceiveCount\":\"5\"}"}')
DISPATCH_QUEUE_ARN=$(arn "$DISPATCH_QUEUE_URL")
echo "jiesu: queue jiesu-dispatch (to DispatchDlq after 5 receives)"
RETURN_QUEUE_URL=$(queue jiesu-return '{"VisibilityTimeout":"180","MessageRetentionPeriod":"345600","RedrivePolicy":"{\"deadLetterTargetArn\":\"'"$RETURN_DLQ_ARN"'\",\"maxReceiveCount\":\"5\"}"}')
RETURN_QUEUE_ARN=$(arn "$RETURN_QUEUE_URL")
echo "jiesu: queue jiesu-return (to ReturnDlq after 5 receives)"
REPLY_QUEUE_URL=$(queue jiesu-reply '{"VisibilityTimeout":"180","MessageRetentionPeriod":"345600","RedrivePolicy":"{\"deadLetterTargetArn\":\"'"$REPLY_DLQ_ARN"'\",\"maxReceiveCount\":\"5\"}"}')
REPLY_QUEUE_ARN=$(arn "$REPLY_QUEUE_URL")
echo "jiesu: queue jiesu-reply (to ReplyDlq after 5 receives)"
CALLBACK_QUEUE_URL=$(queue jiesu-callback '{"VisibilityTimeout":"180","MessageRetentionPeriod":"345600","RedrivePolicy":"{\"deadLetterTargetArn\":\"'"$CALLBACK_DLQ_ARN"'\",\"maxReceiveCount\":\"5\"}"}')
CALLBACK_QUEUE_ARN=$(arn "$CALLBACK_QUEUE_URL")
echo "jiesu: queue jiesu-callback (to CallbackDlq after 5 receives)"
NOTIFY_QUEUE_URL=$(queue jiesu-notify.fifo '{"FifoQueue":"true","VisibilityTimeout":"180","MessageRetentionPeriod":"345600","RedrivePolicy":"{\"deadLetterTargetArn\":\"'"$NOTIFY_DLQ_ARN"'\",\"maxReceiveCount\":\"12\"}"}')
NOTIFY_QUEUE_ARN=$(arn "$NOTIFY_QUEUE_URL")
echo "jiesu: queue jiesu-notify.fifo (to NotifyDlq after 12 receives)"
DEADLINE_QUEUE_URL=$(queue jiesu-deadline '{"VisibilityTimeout":"180","MessageRetentionPeriod":"345600","RedrivePolicy":"{\"deadLetterTargetArn\":\"'"$DEADLINE_DLQ_ARN"'\",\"maxReceiveCount\":\"5\"}"}')
DEADLINE_QUEUE_ARN=$(arn "$DEADLINE_QUEUE_URL")
echo "jiesu: queue jiesu-deadline (to DeadlineDlq after 5 receives)"
DIGEST_QUEUE_URL=$(queue jiesu-digest '{"VisibilityTimeout":"180","MessageRetentionPeriod":"345600","RedrivePolicy":"{\"deadLetterTargetArn\":\"'"$DIGEST_DLQ_ARN"'\",\"maxReceiveCount\":\"5\"}"}')
DIGEST_QUEUE_ARN=$(arn "$DIGEST_QUEUE_URL")
echo "jiesu: queue jiesu-digest (to DigestDlq after 5 receives)"
TRAIN_QUEUE_URL=$(queue jiesu-train '{"VisibilityTimeout":"5400","MessageRetentionPeriod":"345600","RedrivePolicy":"{\"deadLetterTargetArn\":\"'"$TRAIN_DLQ_ARN"'\",\"maxReceiveCount\":\"3\"}"}')
TRAIN_QUEUE_ARN=$(arn "$TRAIN_QUEUE_URL")
echo "jiesu: queue jiesu-train (to TrainDlq after 3 receives)"

# ---- the schedule groups (the deadline timers' group holds one timer per open ticket) and schedules
if $AWS scheduler get-schedule-group --name jiesu-digests >/dev/null 2>&1; then
  echo "jiesu: schedule group jiesu-digests exists"
else
  $AWS scheduler create-schedule-group --name jiesu-digests >/dev/null
  echo "jiesu: created schedule group jiesu-digests"
fi
if $AWS scheduler get-schedule-group --name jiesu-deadlines >/dev/null 2>&1; then
  echo "jiesu: schedule group jiesu-deadlines exists"
else
  $AWS scheduler create-schedule-group --name jiesu-deadlines >/dev/null
  echo "jiesu: created schedule group jiesu-deadlines"
fi
# (LocalStack's Scheduler stores these and never fires them; send a digest by hand to the digest queue)
if $AWS scheduler get-schedule --group-name jiesu-digests --name daily-digest >/dev/null 2>&1; then
  echo "jiesu: schedule daily-digest exists"
elif $AWS scheduler create-schedule --group-name jiesu-digests --name daily-digest \
    --schedule-expression 'cron(0 8 * * ? *)' --schedule-expression-timezone Asia/Shanghai \
    --flexible-time-window '{"Mode":"OFF"}' \
    --target '{"Arn":"'"$DIGEST_QUEUE_ARN"'","RoleArn":"'"$SCHEDULER_ROLE_ARN"'","Input":"{\"kind\":\"daily\",\"scheduledTime\":\"<aws.scheduler.scheduled-time>\"}","RetryPolicy":{"MaximumRetryAttempts":10,"MaximumEventAgeInSeconds":3600},"DeadLetterConfig":{"Arn":"'"$SCHEDULER_DLQ_ARN"'"}}' >/dev/null; then
  echo "jiesu: created schedule daily-digest"
else
  echo "jiesu: LocalStack did not take schedule daily-digest, skipped"
fi
if $AWS scheduler get-schedule --group-name jiesu-digests --name weekly-digest >/dev/null 2>&1; then
  echo "jiesu: schedule weekly-digest exists"
elif $AWS scheduler create-schedule --group-name jiesu-digests --name weekly-digest \
    --schedule-expression 'cron(0 8 ? * MON *)' --schedule-expression-timezone Asia/Shanghai \
    --flexible-time-window '{"Mode":"OFF"}' \
    --target '{"Arn":"'"$DIGEST_QUEUE_ARN"'","RoleArn":"'"$SCHEDULER_ROLE_ARN"'","Input":"{\"kind\":\"weekly\",\"scheduledTime\":\"<aws.scheduler.scheduled-time>\"}","RetryPolicy":{"MaximumRetryAttempts":10,"MaximumEventAgeInSeconds":3600},"DeadLetterConfig":{"Arn":"'"$SCHEDULER_DLQ_ARN"'"}}' >/dev/null; then
  echo "jiesu: created schedule weekly-digest"
else
  echo "jiesu: LocalStack did not take schedule weekly-digest, skipped"
fi
if $AWS scheduler get-schedule --group-name jiesu-digests --name monthly-digest >/dev/null 2>&1; then
  echo "jiesu: schedule monthly-digest exists"
elif $AWS scheduler create-schedule --group-name jiesu-digests --name monthly-digest \
    --schedule-expression 'cron(0 8 1 * ? *)' --schedule-expression-timezone Asia/Shanghai \
    --flexible-time-window '{"Mode":"OFF"}' \
    --target '{"Arn":"'"$DIGEST_QUEUE_ARN"'","RoleArn":"'"$SCHEDULER_ROLE_ARN"'","Input":"{\"kind\":\"monthly\",\"scheduledTime\":\"<aws.scheduler.scheduled-time>\"}","RetryPolicy":{"MaximumRetryAttempts":10,"MaximumEventAgeInSeconds":3600},"DeadLetterConfig":{"Arn":"'"$SCHEDULER_DLQ_ARN"'"}}' >/dev/null; then
  echo "jiesu: created schedule monthly-digest"
else
  echo "jiesu: LocalStack did not take schedule monthly-digest, skipped"
fi

# ---- the buckets (attachments: the api pre-signs URLs to it)
if $AWS s3api head-bucket --bucket jiesu-attachments >/dev/null 2>&1; then
  echo "jiesu: bucket jiesu-attachments exists"
else
  $AWS s3api create-bucket --bucket jiesu-attachments >/dev/null
  echo "jiesu: bucket jiesu-attachments"
fi
if $AWS s3api head-bucket --bucket jiesu-console >/dev/null 2>&1; then
  echo "jiesu: bucket jiesu-console exists"
else
  $AWS s3api create-bucket --bucket jiesu-console >/dev/null
  echo "jiesu: bucket jiesu-console"
fi

# ---- what to export for the api and the stages
cat <<ENV
jiesu: ready. Point the api and the stages at LocalStack with:
export JIESU_AWS_REGION=$REGION
export JIESU_AWS_DYNAMODB_ENDPOINT=http://localhost:4566
export JIESU_AWS_SQS_ENDPOINT=http://localhost:4566
export JIESU_AWS_SCHEDULER_ENDPOINT=http://localhost:4566
export JIESU_AWS_S3_ENDPOINT=http://localhost:4566
export JIESU_TABLE=$TABLE
export JIESU_ATTACHMENTS_BUCKET=jiesu-attachments
export JIESU_QUEUE_DISPATCH_URL=$DISPATCH_QUEUE_URL
export JIESU_QUEUE_RETURN_URL=$RETURN_QUEUE_URL
export JIESU_QUEUE_REPLY_URL=$REPLY_QUEUE_URL
export JIESU_QUEUE_CALLBACK_URL=$CALLBACK_QUEUE_URL
export JIESU_QUEUE_NOTIFY_URL=$NOTIFY_QUEUE_URL
export JIESU_QUEUE_DEADLINE_URL=$DEADLINE_QUEUE_URL
export JIESU_QUEUE_DIGEST_URL=$DIGEST_QUEUE_URL
export JIESU_QUEUE_TRAIN_URL=$TRAIN_QUEUE_URL
export JIESU_QUEUE_DEADLINE_ARN=$DEADLINE_QUEUE_ARN
export JIESU_SCHEDULER_GROUP=jiesu-deadlines
export JIESU_SCHEDULER_ROLE_ARN=$SCHEDULER_ROLE_ARN
export JIESU_SCHEDULER_DLQ_ARN=$SCHEDULER_DLQ_ARN
ENV

# the compose healthcheck waits for this (only inside the LocalStack container)
if [[ -d /etc/localstack ]]; then
  touch /tmp/jiesu-ready
fi
