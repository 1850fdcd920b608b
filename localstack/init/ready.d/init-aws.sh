#!/usr/bin/env bash
# Creates in LocalStack exactly what io.jiesu.aws.resources.CloudResources creates in the embedded local cloud
# (and template.yaml on AWS): the tickets table with its indexes, each work queue with its dead-letter queue,
# and the deadlines schedule group. LocalStack runs it once it is ready (/etc/localstack/init/ready.d).
# InitScriptMatchesCloudResourcesTest reads this file: change CloudResources and this script together.
# Safe to run again: what already exists is left as it is.
set -euo pipefail

AWS="${AWSLOCAL:-awslocal}"
REGION="${AWS_DEFAULT_REGION:-us-east-1}"

TABLE=jiesu-tickets
# CloudResources.MAX_RECEIVE_COUNT, VISIBILITY_TIMEOUT_SECONDS, DLQ_RETENTION_SECONDS
MAX_RECEIVE_COUNT=5
# CloudResources.NOTIFY_MAX_RECEIVE_COUNT: a province notice is tried longer, with growing delays
NOTIFY_MAX_RECEIVE_COUNT=12
VISIBILITY_TIMEOUT=180
DLQ_RETENTION=1209600
# CloudResources.SCHEDULE_GROUP
SCHEDULE_GROUP=jiesu-deadlines

# ---- the table: PK/SK, pay per request, the indexes of CloudResources.INDEXES ------------------------------
TABLE_JSON=$(cat <<'JSON'
{
  "TableName": "jiesu-tickets",
  "BillingMode": "PAY_PER_REQUEST",
  "AttributeDefinitions": [
    {"AttributeName": "PK", "AttributeType": "S"},
    {"AttributeName": "SK", "AttributeType": "S"},
    {"AttributeName": "GSI1PK", "AttributeType": "S"},
    {"AttributeName": "GSI1SK", "AttributeType": "S"},
    {"AttributeName": "GSI2PK", "AttributeType": "S"},
    {"AttributeName": "GSI2SK", "AttributeType": "S"},
    {"AttributeName": "GSI3PK", "AttributeType": "S"},
    {"AttributeName": "GSI3SK", "AttributeType": "S"},
    {"AttributeName": "GSI4PK", "AttributeType": "S"},
    {"AttributeName": "GSI4SK", "AttributeType": "S"}
  ],
  "KeySchema": [
    {"AttributeName": "PK", "KeyType": "HASH"},
    {"AttributeName": "SK", "KeyType": "RANGE"}
  ],
  "GlobalSecondaryIndexes": [
    {
      "IndexName": "UnitInbox",
      "KeySchema": [
        {"AttributeName": "GSI1PK", "KeyType": "HASH"},
        {"AttributeName": "GSI1SK", "KeyType": "RANGE"}
      ],
      "Projection": {"ProjectionType": "ALL"}
    },
    {
      "IndexName": "CitizenTickets",
      "KeySchema": [
        {"AttributeName": "GSI2PK", "KeyType": "HASH"},
        {"AttributeName": "GSI2SK", "KeyType": "RANGE"}
      ],
      "Projection": {"ProjectionType": "KEYS_ONLY"}
    },
    {
      "IndexName": "Outbox",
      "KeySchema": [
        {"AttributeName": "GSI3PK", "KeyType": "HASH"},
        {"AttributeName": "GSI3SK", "KeyType": "RANGE"}
      ],
      "Projection": {"ProjectionType": "ALL"}
    },
    {
      "IndexName": "OpenTickets",
      "KeySchema": [
        {"AttributeName": "GSI4PK", "KeyType": "HASH"},
        {"AttributeName": "GSI4SK", "KeyType": "RANGE"}
      ],
      "Projection": {"ProjectionType": "KEYS_ONLY"}
    }
  ]
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

# ---- the queues: each work queue redrives to its DLQ after MAX_RECEIVE_COUNT receives --------------------
# queue_with_dlq <queue> <dlq> [max receive count]; prints the queue's URL; a .fifo name makes FIFO queues
queue_with_dlq() {
  local name="$1" dlq="$2" max_receive="${3:-$MAX_RECEIVE_COUNT}" fifo="" dlq_url dlq_arn attributes
  case "$name" in *.fifo) fifo=',"FifoQueue":"true"' ;; esac
  dlq_url=$($AWS sqs create-queue --queue-name "$dlq" \
    --attributes "{\"MessageRetentionPeriod\":\"$DLQ_RETENTION\"$fifo}" --query QueueUrl --output text)
  dlq_arn=$($AWS sqs get-queue-attributes --queue-url "$dlq_url" --attribute-names QueueArn \
    --query Attributes.QueueArn --output text)
  # RedrivePolicy is a JSON document inside a string attribute
  attributes=$(printf '{"VisibilityTimeout":"%s","RedrivePolicy":"{\\"deadLetterTargetArn\\":\\"%s\\",\\"maxReceiveCount\\":\\"%s\\"}"%s}' \
    "$VISIBILITY_TIMEOUT" "$dlq_arn" "$max_receive" "$fifo")
  $AWS sqs create-queue --queue-name "$name" --attributes "$attributes" --query QueueUrl --output text
}

# one line per io.jiesu.aws.resources.QueueName: localName() localDlqName()
DISPATCH_URL=$(queue_with_dlq jiesu-dispatch jiesu-dispatch-dlq)
RETURN_URL=$(queue_with_dlq jiesu-return jiesu-return-dlq)
REPLY_URL=$(queue_with_dlq jiesu-reply jiesu-reply-dlq)
CALLBACK_URL=$(queue_with_dlq jiesu-callback jiesu-callback-dlq)
DEADLINE_URL=$(queue_with_dlq jiesu-deadline jiesu-deadline-dlq)
NOTIFY_URL=$(queue_with_dlq jiesu-notify.fifo jiesu-notify-dlq.fifo "$NOTIFY_MAX_RECEIVE_COUNT")
DIGEST_URL=$(queue_with_dlq jiesu-digest jiesu-digest-dlq)
DEADLINE_ARN=$($AWS sqs get-queue-attributes --queue-url "$DEADLINE_URL" --attribute-names QueueArn \
  --query Attributes.QueueArn --output text)
echo "jiesu: created queues jiesu-{dispatch,return,reply,callback,deadline,digest}, jiesu-notify.fifo and their DLQs"
# (the digests' recurring schedules are not created here: LocalStack's scheduler does not fire them; send one
# by hand with: aws sqs send-message --queue-url "$DIGEST_URL" --message-body '{"kind":"weekly","requestedAt":"..."}')

# ---- the schedule group holding one timer per open ticket -----------------------------------------------
if $AWS scheduler get-schedule-group --name "$SCHEDULE_GROUP" >/dev/null 2>&1; then
  echo "jiesu: schedule group $SCHEDULE_GROUP exists"
else
  $AWS scheduler create-schedule-group --name "$SCHEDULE_GROUP" >/dev/null
  echo "jiesu: created schedule group $SCHEDULE_GROUP"
fi

# ---- what to export for the api and the stages (see README.md) ------------------------------------------
cat <<ENV
jiesu: ready. Point the api and the stages at LocalStack with:
export JIESU_AWS_REGION=$REGION
export JIESU_AWS_DYNAMODB_ENDPOINT=http://localhost:4566
export JIESU_AWS_SQS_ENDPOINT=http://localhost:4566
export JIESU_AWS_SCHEDULER_ENDPOINT=http://localhost:4566
export JIESU_TABLE=$TABLE
export JIESU_QUEUE_DISPATCH_URL=$DISPATCH_URL
export JIESU_QUEUE_RETURN_URL=$RETURN_URL
export JIESU_QUEUE_REPLY_URL=$REPLY_URL
export JIESU_QUEUE_CALLBACK_URL=$CALLBACK_URL
export JIESU_QUEUE_DEADLINE_URL=$DEADLINE_URL
export JIESU_QUEUE_NOTIFY_URL=$NOTIFY_URL
export JIESU_QUEUE_DEADLINE_ARN=$DEADLINE_ARN
export JIESU_SCHEDULER_GROUP=$SCHEDULE_GROUP
export JIESU_SCHEDULER_ROLE_ARN=arn:aws:iam::000000000000:role/jiesu-scheduler
ENV

# the compose healthcheck waits for this (only inside the LocalStack container)
if [[ -d /etc/localstack ]]; then
  touch /tmp/jiesu-ready
fi
