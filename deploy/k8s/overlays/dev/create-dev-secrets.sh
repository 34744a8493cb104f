#!/usr/bin/env bash
# Creates the Secrets the dev overlay references, with random development values (the manifests only
# reference Secrets; docs/operations.md lists them). Idempotent: existing Secrets are left as they are.
#   deploy/k8s/overlays/dev/create-dev-secrets.sh [namespace] [mongodb-base-uri]
set -euo pipefail
NS=${1:-teamseat-dev}
MONGO=${2:-mongodb://mongodb.teamseat-dev.svc:27017}
random() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

create() {
  local name=$1
  shift
  if kubectl -n "$NS" get secret "$name" > /dev/null 2>&1; then
    echo "secret/$name exists, kept"
  else
    kubectl -n "$NS" create secret generic "$name" "$@"
  fi
}

kubectl get namespace "$NS" > /dev/null 2>&1 || kubectl create namespace "$NS"
TOKEN=$(random)
create teamseat-webhook-authorization --from-literal=current="Bearer $(random)"
create teamseat-internal-auth --from-literal=accepted-tokens="$TOKEN" --from-literal=team-service-token="$TOKEN"
create teamseat-app-auth --from-literal=team-service-tokens="$(random)" \
  --from-literal=entitlement-service-tokens="$(random)"
# The emulator accepts whatever key it is given; entitlement-service sends the same one.
create teamseat-revenuecat --from-literal=api-key="sk_dev_$(random)"
create teamseat-mongodb \
  --from-literal=team-service-uri="$MONGO/teamseat-team" \
  --from-literal=entitlement-service-uri="$MONGO/teamseat-entitlement"
