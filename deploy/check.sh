#!/usr/bin/env bash
# Validates everything under deploy/ that CI cannot build with Maven: renders every kustomize overlay,
# checks the rendered manifests, the Prometheus config and rules (promtool, with rule unit tests), the
# compose file, the Grafana dashboards, the compose/Strimzi topic tables and the generated files
# (referenced-metrics.txt, the production PrometheusRule). Installs missing tools with apt-get.
# Exits non-zero on the first failure.                         Usage: bash deploy/check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

step "tools"
command -v promtool >/dev/null || apt_install prometheus
command -v docker-compose >/dev/null || apt_install docker-compose
command -v kubectl >/dev/null || apt_install kubectl || fail "kubectl is missing and apt-get cannot install it"
PYTHON=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import yaml' 2>/dev/null; then PYTHON="$candidate"; break; fi
done
if [ -z "$PYTHON" ]; then apt_install python3 python3-yaml; PYTHON=/usr/bin/python3; fi
{ promtool --version 2>&1 | sed -n 1p; docker-compose version 2>&1 | sed -n 1p; kubectl version --client 2>&1 | sed -n 1,2p; } || true
RENDERED="$(mktemp -d)"; trap 'rm -rf "$RENDERED"' EXIT

step "kustomize: render every overlay"
for overlay in deploy/k8s/overlays/*/; do
  name="$(basename "$overlay")"
  kubectl kustomize "$overlay" > "$RENDERED/$name.yaml" || fail "kubectl kustomize $overlay"
  echo "$overlay: $(grep -c '^kind:' "$RENDERED/$name.yaml") resources"
done

step "manifests: probes, resources, non-root, selectors, secrets"
"$PYTHON" - "$RENDERED"/*.yaml <<'PY'
import sys, yaml
problems = []
for path in sys.argv[1:]:
    docs = [d for d in yaml.safe_load_all(open(path)) if d]
    overlay = path.rsplit("/", 1)[1]
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d)
    names = {(d["kind"], d["metadata"]["name"]) for d in docs}
    for dep in by_kind.get("Deployment", []) + by_kind.get("StatefulSet", []):
        where = f"{overlay} {dep['kind']}/{dep['metadata']['name']}"
        pod = dep["spec"]["template"]["spec"]
        labels = dep["spec"]["template"]["metadata"]["labels"]
        if not all(labels.get(k) == v for k, v in dep["spec"]["selector"]["matchLabels"].items()):
            problems.append(f"{where}: selector does not match the pod labels")
        if not pod.get("securityContext", {}).get("runAsNonRoot"):
            problems.append(f"{where}: pod securityContext.runAsNonRoot is not true")
        for c in pod["containers"]:
            for probe in ("livenessProbe", "readinessProbe"):
                if probe not in c:
                    problems.append(f"{where}: container {c['name']} has no {probe}")
            res = c.get("resources", {})
            if not res.get("requests") or not res.get("limits", {}).get("memory"):
                problems.append(f"{where}: container {c['name']} lacks resource requests or a memory limit")
            if c.get("securityContext", {}).get("allowPrivilegeEscalation") is not False:
                problems.append(f"{where}: container {c['name']} allows privilege escalation")
            for src in c.get("envFrom", []):
                ref = src.get("configMapRef") or src.get("secretRef")
                kind = "ConfigMap" if "configMapRef" in src else "Secret"
                if kind == "ConfigMap" and (kind, ref["name"]) not in names:
                    problems.append(f"{where}: ConfigMap {ref['name']} is not in the overlay")
                if kind == "Secret" and overlay == "sandbox.yaml" and not ref.get("optional") and (kind, ref["name"]) not in names:
                    problems.append(f"{where}: Secret {ref['name']} is not in the sandbox overlay")
        for v in pod.get("volumes", []):
            if "configMap" in v and ("ConfigMap", v["configMap"]["name"]) not in names:
                problems.append(f"{where}: volume ConfigMap {v['configMap']['name']} is not in the overlay")
    for svc in by_kind.get("Service", []):
        sel = svc["spec"].get("selector", {})
        if not any(all(d["spec"]["template"]["metadata"]["labels"].get(k) == v for k, v in sel.items())
                   for d in by_kind.get("Deployment", []) + by_kind.get("StatefulSet", [])):
            problems.append(f"{overlay} Service/{svc['metadata']['name']}: selects no pod")
    for kind, target in (("HorizontalPodAutoscaler", "scaleTargetRef"),):
        for hpa in by_kind.get(kind, []):
            if ("Deployment", hpa["spec"][target]["name"]) not in names:
                problems.append(f"{overlay} {kind}/{hpa['metadata']['name']}: no such Deployment")
    for topic in by_kind.get("KafkaTopic", []):
        if topic["spec"]["replicas"] < int(topic["spec"]["config"]["min.insync.replicas"]):
            problems.append(f"{overlay} KafkaTopic/{topic['metadata']['name']}: replicas < min.insync.replicas")
    print(f"{overlay}: {len(by_kind.get('Deployment', []))} Deployments, {len(by_kind.get('KafkaTopic', []))} KafkaTopics checked")
for p in problems:
    print("  " + p)
sys.exit(1 if problems else 0)
PY

step "production readiness: Kafka security and placement, autoscaling, dashboards, logs"
"$PYTHON" - "$RENDERED" <<'PY'
import glob, os, sys, yaml
rendered = sys.argv[1]
problems = []
SERVICES = {"prepost-ingest", "tracking-poller", "phone-validator", "notifier"}
BROAD = {"All", "Create", "Alter", "AlterConfigs", "Delete", "ClusterAction"}
def of(ds, kind):
    return [d for d in ds if d["kind"] == kind]
def restricted_pod(sc):
    return sc.get("runAsNonRoot") is True and sc.get("seccompProfile", {}).get("type") in ("RuntimeDefault", "Localhost")
def restricted_container(sc):
    return sc.get("allowPrivilegeEscalation") is False and "ALL" in sc.get("capabilities", {}).get("drop", [])
for path in sorted(glob.glob(f"{rendered}/*.yaml")):
    overlay = os.path.basename(path)[:-5]
    ds = [d for d in yaml.safe_load_all(open(path)) if d]
    if not of(ds, "Kafka"):
        continue
    kafka = of(ds, "Kafka")[0]["spec"]
    # Pod Security "restricted" for every pod Strimzi creates; Kafka nodes spread over nodes and zones.
    for pool in of(ds, "KafkaNodePool"):
        where, t = f"{overlay} KafkaNodePool/{pool['metadata']['name']}", pool["spec"].get("template", {})
        pod = t.get("pod", {})
        if not restricted_pod(pod.get("securityContext", {})):
            problems.append(f"{where}: pod securityContext is not restricted")
        for c in ("kafkaContainer", "initContainer"):
            if not restricted_container(t.get(c, {}).get("securityContext", {})):
                problems.append(f"{where}: {c} securityContext is not restricted")
        anti = pod.get("affinity", {}).get("podAntiAffinity", {}).get("requiredDuringSchedulingIgnoredDuringExecution", [])
        if not any(a.get("topologyKey") == "kubernetes.io/hostname" for a in anti):
            problems.append(f"{where}: no required pod anti-affinity on kubernetes.io/hostname")
        if not any(c.get("topologyKey") == "topology.kubernetes.io/zone" for c in pod.get("topologySpreadConstraints", [])):
            problems.append(f"{where}: no topology spread over zones")
    eo = kafka.get("entityOperator", {}).get("template", {})
    if not restricted_pod(eo.get("pod", {}).get("securityContext", {})) or not all(
            restricted_container(eo.get(c, {}).get("securityContext", {})) for c in ("topicOperatorContainer", "userOperatorContainer")):
        problems.append(f"{overlay} Kafka: entity operator pod/containers are not restricted")
    if overlay == "production" and kafka["kafka"].get("rack", {}).get("topologyKey") != "topology.kubernetes.io/zone":
        problems.append(f"{overlay} Kafka: no rack awareness on topology.kubernetes.io/zone")
    # Broker metrics: JMX exporter rules from a ConfigMap of the overlay, and the Kafka Exporter.
    metrics = kafka["kafka"].get("metricsConfig", {})
    ref = metrics.get("valueFrom", {}).get("configMapKeyRef", {})
    cms = {d["metadata"]["name"]: d.get("data", {}) for d in of(ds, "ConfigMap")}
    if metrics.get("type") != "jmxPrometheusExporter" or ref.get("key") not in cms.get(ref.get("name"), {}):
        problems.append(f"{overlay} Kafka: metricsConfig missing, or its ConfigMap/key is not in the overlay")
    ke = kafka.get("kafkaExporter")
    if not ke:
        problems.append(f"{overlay} Kafka: no kafkaExporter")
    elif not restricted_pod(ke.get("template", {}).get("pod", {}).get("securityContext", {})) or not restricted_container(
            ke.get("template", {}).get("container", {}).get("securityContext", {})):
        problems.append(f"{overlay} Kafka: kafkaExporter pod/container is not restricted")
    # Listeners: TLS with SCRAM-SHA-512 (or mTLS), simple authorization; networkPolicyPeers make
    # Strimzi's generated NetworkPolicy for the Kafka pods admit only those peers.
    listeners = kafka["kafka"]["listeners"]
    for l in listeners:
        if l.get("authentication", {}).get("type") not in ("scram-sha-512", "tls") or not l.get("tls"):
            problems.append(f"{overlay} Kafka listener {l['name']}: not TLS with SCRAM-SHA-512/mTLS authentication")
        if not l.get("networkPolicyPeers"):
            problems.append(f"{overlay} Kafka listener {l['name']}: no networkPolicyPeers (open to every pod)")
    if kafka["kafka"].get("authorization", {}).get("type") != "simple":
        problems.append(f"{overlay} Kafka: authorization is not simple (ACLs)")
    # One KafkaUser per service, ACLs no broader than produce/consume, read by its Deployment.
    users = {u["metadata"]["name"]: u["spec"] for u in of(ds, "KafkaUser")}
    config = next((d["data"] for d in of(ds, "ConfigMap") if d["metadata"]["name"].startswith("shipments-config")), {})
    if config.get("SPRING_KAFKA_SECURITY_PROTOCOL") != "SASL_SSL" or not config.get("KAFKA_BOOTSTRAP_SERVERS", "").endswith(f":{listeners[0]['port']}"):
        problems.append(f"{overlay} shipments-config: Kafka clients are not SASL_SSL on the TLS listener")
    if config.get("LOGGING_STRUCTURED_FORMAT_CONSOLE") not in ("ecs", "logstash", "gelf"):
        problems.append(f"{overlay} shipments-config: console logs are not structured JSON (LOGGING_STRUCTURED_FORMAT_CONSOLE)")
    for name, spec in users.items():
        acls = spec.get("authorization", {}).get("acls", [])
        if spec.get("authentication", {}).get("type") != "scram-sha-512" or not acls:
            problems.append(f"{overlay} KafkaUser/{name}: needs SCRAM-SHA-512 and ACLs")
        for acl in acls:
            ops = set(acl.get("operations", []))
            if not ops or ops & BROAD or acl["resource"].get("name") == "*":
                problems.append(f"{overlay} KafkaUser/{name}: ACL {acl} is broader than produce/consume")
            if name == "internal-readonly" and ops - {"Read", "Describe"}:
                problems.append(f"{overlay} KafkaUser/internal-readonly: may do more than read ({acl})")
    if "internal-readonly" not in users:
        problems.append(f"{overlay}: no read-only KafkaUser internal-readonly for other internal systems")
    for dep in of(ds, "Deployment"):
        name = dep["metadata"]["name"]
        if name not in SERVICES:
            continue
        env = {e["name"]: e for c in dep["spec"]["template"]["spec"]["containers"] for e in c.get("env", [])}
        jaas = env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", {}).get("valueFrom", {}).get("secretKeyRef", {})
        if name not in users or jaas.get("name") != name or jaas.get("key") != "sasl.jaas.config":
            problems.append(f"{overlay} Deployment/{name}: does not read sasl.jaas.config of its KafkaUser {name}")
        acls = users.get(name, {}).get("authorization", {}).get("acls", [])
        topics = {op: {a["resource"]["name"] for a in acls if a["resource"]["type"] == "topic" and op in a["operations"]} for op in ("Read", "Write")}
        contract = {t["spec"]["topicName"] for t in of(ds, "KafkaTopic")}
        if (topics["Read"] | topics["Write"]) - contract:
            problems.append(f"{overlay} KafkaUser/{name}: ACLs on topics that are not KafkaTopics: {sorted((topics['Read'] | topics['Write']) - contract)}")
        for consumed in topics["Read"]:
            if not consumed.endswith(".dlt") and consumed + ".dlt" not in topics["Write"]:
                problems.append(f"{overlay} KafkaUser/{name}: reads {consumed} but may not dead-letter to {consumed}.dlt")
        groups = [a["resource"]["name"] for a in acls if a["resource"]["type"] == "group" and "Read" in a["operations"]]
        if name in ("tracking-poller", "phone-validator", "notifier"):
            # the dead-letter API: reads the DLTs of what it consumes, replays to their sources, reads acknowledgements
            for consumed in [t for t in topics["Read"] if not t.endswith(".dlt")]:
                if consumed + ".dlt" not in topics["Read"] or consumed not in topics["Write"]:
                    problems.append(f"{overlay} KafkaUser/{name}: the dead-letter API needs Read on {consumed}.dlt and Write on {consumed}")
            if not any(a["resource"]["type"] == "group" and a["resource"]["name"] == "shipments-dlt-acknowledged"
                       and a["operations"] == ["Describe"] for a in acls):
                problems.append(f"{overlay} KafkaUser/{name}: the dead-letter API needs Describe (only) on group shipments-dlt-acknowledged")
        own = ([] if name == "prepost-ingest" else [name]) + [name + "-privacy"] + (
            ["prepost-ingest-erasure-confirmations"] if name == "prepost-ingest" else [])
        if sorted(groups) != sorted(own):
            problems.append(f"{overlay} KafkaUser/{name}: consumer group ACLs {groups}, expected only its own groups {own}")
        if "shipments.privacy.v1" not in topics["Read"] or "shipments.privacy.v1" not in topics["Write"]:
            problems.append(f"{overlay} KafkaUser/{name}: must read erasure requests from and confirm on shipments.privacy.v1")
    summary = f"{overlay}: Kafka pods restricted, TLS+SCRAM listener with simple authorization and network peers, {len(users)} KafkaUsers, anti-affinity, metricsConfig + kafkaExporter"
    if overlay == "production":
        ns = of(ds, "Namespace")[0]
        if ns["metadata"].get("labels", {}).get("pod-security.kubernetes.io/enforce") != "restricted":
            problems.append(f"{overlay}: namespace does not enforce Pod Security restricted")
        # KEDA on consumer lag, bounded by the partitions of the main topics, no competing HPA.
        partitions = min(t["spec"]["partitions"] for t in of(ds, "KafkaTopic") if t["spec"]["topicName"] in
                         ("shipments.registered.v1", "shipments.contacts.v1", "shipments.status.v1"))
        hpas = {h["spec"]["scaleTargetRef"]["name"] for h in of(ds, "HorizontalPodAutoscaler")}
        scaled = {so["spec"]["scaleTargetRef"]["name"]: so for so in of(ds, "ScaledObject")}
        for needed in ("notifier", "tracking-poller"):
            so = scaled.get(needed)
            if not so:
                problems.append(f"{overlay}: no KEDA ScaledObject for {needed}")
                continue
            if not [t for t in so["spec"]["triggers"] if t["type"] == "kafka" and t["metadata"].get("consumerGroup") == needed]:
                problems.append(f"{overlay} ScaledObject/{needed}: no kafka trigger on consumer group {needed}")
            if so["spec"].get("maxReplicaCount", 100) > partitions:
                problems.append(f"{overlay} ScaledObject/{needed}: maxReplicaCount above the {partitions} partitions")
            if needed in hpas:
                problems.append(f"{overlay} ScaledObject/{needed}: an HPA also scales {needed}")
        # Dashboards: one sidecar ConfigMap per JSON file of deploy/grafana/dashboards, same content.
        boards = {os.path.basename(p): open(p).read() for p in glob.glob("deploy/grafana/dashboards/*.json")}
        provided = {k: v for d in of(ds, "ConfigMap") if d["metadata"].get("labels", {}).get("grafana_dashboard") == "1"
                    for k, v in d.get("data", {}).items()}
        problems += [f"{overlay}: dashboard {f} has no grafana_dashboard ConfigMap with the same JSON" for f in boards if provided.get(f) != boards[f]]
        if not any(m["spec"]["selector"].get("matchLabels", {}).get("strimzi.io/cluster") for m in of(ds, "PodMonitor")):
            problems.append(f"{overlay}: no PodMonitor for the Kafka JMX exporter / Kafka Exporter")
        summary += f", namespace restricted, {len(scaled)} KEDA ScaledObjects, {len(boards)} dashboard ConfigMaps, JSON logs"
    print(summary)
# The operators' Kafka tools pod (not in an overlay) must be admitted by the restricted namespace too.
tools = yaml.safe_load(open("deploy/k8s/tools/kafka-tools.yaml"))
if not restricted_pod(tools["spec"]["securityContext"]) or not all(restricted_container(c.get("securityContext", {})) for c in tools["spec"]["containers"]):
    problems.append("deploy/k8s/tools/kafka-tools.yaml: not Pod Security restricted")
for p in problems:
    print("  " + p)
sys.exit(1 if problems else 0)
PY

step "topics: compose script and Strimzi KafkaTopics agree"
"$PYTHON" - <<'PY'
import sys, yaml
text = open("deploy/docker/kafka-topics.sh").read().split('TOPICS="', 1)[1].split('"', 1)[0]
compose = {}
for line in text.strip().splitlines():
    topic, partitions, *configs = line.split()
    compose[topic] = (int(partitions), dict(c.split("=", 1) for c in configs))
strimzi = {}
for d in yaml.safe_load_all(open("deploy/k8s/base/kafka/topics.yaml")):
    if d:
        config = {k: str(v) for k, v in d["spec"]["config"].items() if k != "min.insync.replicas"}
        strimzi[d["spec"]["topicName"]] = (d["spec"]["partitions"], config)
contract = {f"shipments.{t}.v1{s}" for t in ("registered", "contacts", "status", "notifications", "alerts", "privacy") for s in ("", ".dlt")}
problems = [f"topic {t}: compose {compose.get(t)} != strimzi {strimzi.get(t)}" for t in sorted(contract | set(compose) | set(strimzi)) if compose.get(t) != strimzi.get(t) or t not in contract]
# Topics whose records hold personal data keep them no longer than PII_RETENTION (default P90D).
PII_RETENTION_MS = 90 * 86400 * 1000
for t in sorted(contract):
    holds_pii = t.split(".")[1] in ("registered", "contacts", "notifications")
    retention = int((strimzi.get(t) or (0, {}))[1].get("retention.ms", -1))
    if holds_pii and not 0 < retention <= PII_RETENTION_MS:
        problems.append(f"topic {t} holds personal data: retention.ms {retention} is not within PII_RETENTION (P90D)")
print("\n".join(problems) or f"{len(compose)} topics agree; those with personal data keep it at most P90D")
sys.exit(1 if problems else 0)
PY

step "prometheus: config, rules, rule unit tests"
sed "s#/etc/prometheus/rules/#$PWD/deploy/prometheus/rules/#" deploy/prometheus/prometheus.yml > "$RENDERED/prometheus.yml"
promtool check config "$RENDERED/prometheus.yml"
promtool check rules deploy/prometheus/rules/*.yml
(cd deploy/prometheus && promtool test rules tests/*.yml)
"$PYTHON" - <<'PY'
import glob, re, sys, yaml
rules, tested, problems, bases = {}, set(), [], set()
for path in sorted(glob.glob("deploy/prometheus/rules/*.yml")):
    for group in yaml.safe_load(open(path))["groups"]:
        for rule in group["rules"]:
            if "alert" in rule:
                rules.setdefault(rule["alert"], []).append(rule)
for path in sorted(glob.glob("deploy/prometheus/tests/*.yml")):
    for test in yaml.safe_load(open(path))["tests"]:
        tested |= {t["alertname"] for t in test.get("alert_rule_test", []) if t.get("exp_alerts")}
readme = open("deploy/README.md").read()
anchors = {re.sub(r"[^a-z0-9 _-]", "", h.strip().lower()).replace(" ", "-") for h in re.findall(r"^#+ (.+)$", readme, re.M)}
for name, variants in sorted(rules.items()):
    if name not in tested:
        problems.append(f"alert {name} has no promtool test that makes it fire (deploy/prometheus/tests)")
    for rule in variants:
        base, _, anchor = rule.get("annotations", {}).get("runbook_url", "").partition("#")
        bases.add(base)
        if not base.endswith("/deploy/README.md") or anchor not in anchors:
            problems.append(f"alert {name}: runbook_url does not point at a deploy/README.md section (#{anchor})")
if len(bases) > 1:
    problems.append(f"runbook_url bases differ: {sorted(bases)}")
print("\n".join(problems) or f"{len(rules)} alerts: each made to fire by a unit test; each runbook_url is a deploy/README.md section")
sys.exit(1 if problems else 0)
PY

step "compose: docker-compose.yml with and without .env.example"
docker-compose -f docker-compose.yml config -q
docker-compose -f docker-compose.yml --env-file .env.example config -q
"$PYTHON" - <<'PY'
import os, re, sys, yaml
doc = yaml.safe_load(open("docker-compose.yml"))
problems = []
for name, svc in doc["services"].items():
    for volume in svc.get("volumes", []):
        source = volume.split(":", 1)[0]
        if source.startswith(".") and not os.path.exists(source):
            problems.append(f"service {name}: bind mount {source} does not exist")
    build = svc.get("build")
    if build:
        module = build["args"]["MODULE"]
        if not os.path.exists(os.path.join(module, "pom.xml")):
            problems.append(f"service {name}: MODULE {module} has no pom.xml")
        if not os.path.exists(build["dockerfile"]):
            problems.append(f"service {name}: {build['dockerfile']} does not exist")
    # Every container has a memory limit; the JVM services start once the sandbox (their default provider) is healthy.
    if not (svc.get("mem_limit") or svc.get("deploy", {}).get("resources", {}).get("limits", {}).get("memory")):
        problems.append(f"service {name}: no memory limit")
    if build and name != "sandbox" and svc.get("depends_on", {}).get("sandbox", {}).get("condition") != "service_healthy":
        problems.append(f"service {name}: does not wait for a healthy sandbox")
# The heap share sized from the measurement (deploy/README.md "Memory") is the same everywhere.
for source in ("docker-compose.yml", ".env.example", "deploy/docker/Dockerfile", "deploy/k8s/base/patches/jvm-container.yaml"):
    shares = set(re.findall(r"MaxRAMPercentage=(\d+)", open(source).read()))
    if shares != {"50"}:
        problems.append(f"{source}: MaxRAMPercentage {sorted(shares)}, expected 50 (deploy/README.md \"Memory\")")
if "healthcheck" not in doc["services"].get("sandbox", {}):
    problems.append("service sandbox: no healthcheck to wait for")
# One source for monitoring: the files the Kubernetes overlays render (PrometheusRule, dashboard ConfigMaps).
mounts = {v.split(":")[0] for n in ("prometheus", "grafana") for v in doc["services"][n].get("volumes", [])}
for source in ("./deploy/prometheus/rules", "./deploy/grafana/dashboards"):
    if source not in mounts:
        problems.append(f"compose does not mount {source}, the source the Kubernetes overlays use")
print("\n".join(problems) or f"{len(doc['services'])} services: mounts and build modules exist, memory limits, sandbox waited for, same rules and dashboards as Kubernetes")
sys.exit(1 if problems else 0)
PY

step "image: Dockerfile base, user, labels"
"$PYTHON" - <<'PY'
import re, sys
text = open("deploy/docker/Dockerfile").read()
args = dict(re.findall(r"^ARG (\w+)=(\S+)$", text, re.M))
problems, notes = [], []
runtime = args.get("RUNTIME_IMAGE", "")
if not re.search(r"(-jre|distroless|jlink)", runtime) or "-jdk" in runtime:
    problems.append(f"runtime base {runtime!r} is not a JRE-only image (JRE slim/alpine, distroless or jlink)")
if not re.search(r"^USER 10001", text, re.M):
    problems.append("the runtime stage does not run as user 10001")
source = args.get("SOURCE_URL", "")
if not re.match(r"https?://", source) or 'org.opencontainers.image.source="${SOURCE_URL}"' not in text:
    problems.append("org.opencontainers.image.source is not a URL")
for name in ("BUILD_IMAGE", "RUNTIME_IMAGE"):
    if not re.search(r"@sha256:[0-9a-f]{64}$", args.get(name, "")):
        notes.append(f"WARNING: {name}={args.get(name)} is not pinned by digest: run deploy/docker/pin-base-images.sh where a registry is reachable")
print("\n".join(problems + notes) or "Dockerfile: JRE runtime base pinned by digest, non-root, OCI source URL")
if not problems and notes:
    print(f"Dockerfile: runtime base {runtime}, non-root, OCI source {source}")
sys.exit(1 if problems else 0)
PY

step "grafana: dashboards are valid JSON with unique uids"
"$PYTHON" - <<'PY'
import glob, json, sys
uids = {}
for path in sorted(glob.glob("deploy/grafana/dashboards/*.json")):
    board = json.load(open(path))
    assert board.get("uid") and board.get("title") and board.get("panels"), f"{path}: uid, title and panels are required"
    assert board["uid"] not in uids, f"{path}: uid {board['uid']} also in {uids.get(board['uid'])}"
    uids[board["uid"]] = path
    print(f"{path}: {board['title']} ({len(board['panels'])} panels)")
assert uids, "no dashboards"
PY

step "generated files are up to date"
"$PYTHON" deploy/grafana/build-dashboards.py --check
"$PYTHON" deploy/monitoring/extract-metric-names.py --check
"$PYTHON" deploy/monitoring/render-prometheus-rule.py --check
"$PYTHON" - <<'PY'
import sys
referenced = set(open("deploy/monitoring/referenced-metrics.txt").read().split())
extra = set(open("deploy/monitoring/event-driven-metrics.txt").read().split()) - referenced
print("event-driven-metrics.txt: " + (f"not referenced any more: {sorted(extra)}" if extra else "all referenced"))
sys.exit(1 if extra else 0)
PY

printf '\ndeploy/check.sh: all checks passed\n'
