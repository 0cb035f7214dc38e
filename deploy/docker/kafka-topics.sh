#!/usr/bin/env bash
# Creates the contract topics on the compose broker (one node, so replication factor 1).
# The same table as deploy/k8s/base/kafka/topics.yaml (Strimzi); deploy/check.sh fails if they differ.
set -euo pipefail
BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"

# topic                        partitions  configs
TOPICS="
shipments.registered.v1        6  cleanup.policy=compact,delete retention.ms=7776000000 min.compaction.lag.ms=86400000
shipments.contacts.v1          6  cleanup.policy=compact,delete retention.ms=7776000000 min.compaction.lag.ms=86400000
shipments.status.v1            6  cleanup.policy=delete retention.ms=5184000000
shipments.notifications.v1     6  cleanup.policy=delete retention.ms=5184000000
shipments.alerts.v1            3  cleanup.policy=delete retention.ms=604800000
shipments.privacy.v1           6  cleanup.policy=delete retention.ms=2592000000
shipments.registered.v1.dlt    1  cleanup.policy=delete retention.ms=2592000000
shipments.contacts.v1.dlt      1  cleanup.policy=delete retention.ms=2592000000
shipments.status.v1.dlt        1  cleanup.policy=delete retention.ms=2592000000
shipments.notifications.v1.dlt 1  cleanup.policy=delete retention.ms=2592000000
shipments.alerts.v1.dlt        1  cleanup.policy=delete retention.ms=2592000000
shipments.privacy.v1.dlt       1  cleanup.policy=delete retention.ms=2592000000
"

until "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --list >/dev/null 2>&1; do
  echo "waiting for Kafka at $BOOTSTRAP"; sleep 2
done
echo "$TOPICS" | while read -r topic partitions configs; do
  [ -n "$topic" ] || continue
  args=()
  for c in $configs; do args+=(--config "$c"); done
  "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor 1 "${args[@]}"
  # An existing topic keeps its partitions; bring its configuration up to date.
  "$KAFKA_BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --alter --entity-type topics \
    --entity-name "$topic" --add-config "$(echo "$configs" | tr ' ' ',' | sed 's/cleanup.policy=compact,delete/cleanup.policy=[compact,delete]/')" >/dev/null
done
"$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --describe --topics-with-overrides
