#!/usr/bin/env bash
# Runs once, at the MySQL container's first start (/docker-entrypoint-initdb.d, compose and the k8s sandbox overlay): one database and one
# user per service, each user limited to its own database. Passwords come from the environment (.env).
set -euo pipefail
for entry in \
  "prepost_ingest:${PREPOST_INGEST_DB_PASSWORD}" \
  "tracking_poller:${TRACKING_POLLER_DB_PASSWORD}" \
  "phone_validator:${PHONE_VALIDATOR_DB_PASSWORD}" \
  "notifier:${NOTIFIER_DB_PASSWORD}"; do
  name="${entry%%:*}"; password="${entry#*:}"
  echo "creating database and user ${name}"
  mysql -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE USER IF NOT EXISTS '${name}'@'%' IDENTIFIED BY '${password}';
GRANT ALL PRIVILEGES ON \`${name}\`.* TO '${name}'@'%';
SQL
done
