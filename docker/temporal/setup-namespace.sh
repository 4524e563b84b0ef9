#!/bin/sh
# One-shot (temporal-setup service): creates Lockbox's namespace with its retention and registers
# Lockbox's search attributes on it, before the worker or the api start. Safe to repeat.
#
#   LOCKBOX_NAMESPACE          the namespace (default: lockbox)
#   NAMESPACE_RETENTION        how long closed workflows (the audit trail) stay, e.g. 30d
#   LOCKBOX_SEARCH_ATTRIBUTES  "Name=Type ..." (temporal CLI types: Keyword, Bool, ...); must equal
#                              LockboxSearchAttributes.ALL
#                              (checked by ComposeFileTest)
set -eu

namespace="${LOCKBOX_NAMESPACE:-lockbox}"

echo "Waiting for Temporal at $TEMPORAL_ADDRESS"
tries=0
until temporal operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "Temporal at $TEMPORAL_ADDRESS did not become healthy" >&2
    exit 1
  fi
  sleep 2
done

if temporal operator namespace describe --address "$TEMPORAL_ADDRESS" --namespace "$namespace" >/dev/null 2>&1; then
  temporal operator namespace update --address "$TEMPORAL_ADDRESS" --namespace "$namespace" \
    --retention "$NAMESPACE_RETENTION"
  echo "Namespace $namespace: retention set to $NAMESPACE_RETENTION"
else
  temporal operator namespace create --address "$TEMPORAL_ADDRESS" --namespace "$namespace" \
    --retention "$NAMESPACE_RETENTION" --description "Lockbox requests (one workflow each)"
  echo "Namespace $namespace: created with retention $NAMESPACE_RETENTION"
fi

existing=$(temporal operator search-attribute list --address "$TEMPORAL_ADDRESS" --namespace "$namespace")
for attribute in $LOCKBOX_SEARCH_ATTRIBUTES; do
  name="${attribute%%=*}"
  type="${attribute#*=}"
  if echo "$existing" | grep -qw "$name"; then
    echo "Search attribute $name: already registered"
  else
    temporal operator search-attribute create --address "$TEMPORAL_ADDRESS" --namespace "$namespace" \
      --name "$name" --type "$type"
    echo "Search attribute $name ($type): registered"
  fi
done
