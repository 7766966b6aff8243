#!/usr/bin/env bash
# drover-bot.sh: turn a chat line into drover API calls and print the API's text/plain answers,
# ready to post back into the channel. Wire it to your chat system's slash command or webhook.
#
#   drover-bot.sh "deploy web to production"        deploy the app's default ref
#   drover-bot.sh "deploy web@3f2a9c1 to staging"   deploy a sha, tag or branch
#   drover-bot.sh "rollback web production"         back to the previous good release
#   drover-bot.sh "status web"                      the app's latest deploys
#   drover-bot.sh "ps web"                          the app's processes on every host
#
# Environment: DROVER_URL (default http://127.0.0.1:7700), DROVER_TOKEN (a token with the
# `deploy` scope), DROVER_BOT_WAIT=0 to answer as soon as a deploy is queued instead of waiting
# for its outcome, DROVER_BOT_USER to name who asked in the deploy's message.
# Exit: 0 ok, 1 the API refused or the deploy did not succeed, 2 not a command it knows.
set -euo pipefail

url="${DROVER_URL:-http://127.0.0.1:7700}"
url="${url%/}"
token="${DROVER_TOKEN:-}"
wait_for_outcome="${DROVER_BOT_WAIT:-1}"

# Only names and refs that match these reach the API (never a shell): the same patterns as the
# API's, and a git ref without spaces or quotes.
name='[a-z0-9][a-z0-9_-]{0,62}'
ref='[A-Za-z0-9][A-Za-z0-9._/-]{0,127}'

usage() {
  cat >&2 <<'USAGE'
usage: drover-bot.sh "<command>"
  deploy APP to STAGE
  deploy APP@REV to STAGE
  rollback APP STAGE
  status APP
  ps APP
USAGE
  exit 2
}

# api METHOD PATH [JSON]: prints the answer; on an HTTP error prints the problem's detail, exit 1.
# Response headers land in $headers (for a deploy's Location).
headers=$(mktemp)
body=$(mktemp)
trap 'rm -f "$headers" "$body"' EXIT
api() {
  local method=$1 path=$2 data=${3:-}
  local args=(-sS -X "$method" -D "$headers" -o "$body" -w '%{http_code}' -H 'Accept: text/plain')
  if [[ -n $token ]]; then args+=(-H "Authorization: Bearer $token"); fi
  if [[ -n $data ]]; then args+=(-H 'Content-Type: application/json' --data "$data"); fi
  local code
  code=$(curl "${args[@]}" "$url$path") || {
    echo "drover: cannot reach $url" >&2
    exit 1
  }
  if ((code >= 400)); then
    local detail
    detail=$(sed -n 's/.*"detail":"\([^"]*\)".*/\1/p' "$body")
    echo "drover: ${detail:-HTTP $code}" >&2
    exit 1
  fi
  cat "$body"
}

# follow LOCATION: waits for the deploy's end and prints its outcome (the log's last line).
follow() {
  local location=$1 last
  # A stream cut short leaves a last line that is not the outcome: that fails below, as it should.
  last=$(curl -sSN -H "Authorization: Bearer $token" "$url$location/log?follow=true" | tail -n 1) || true
  echo "$last"
  [[ $last =~ ^deploy\ [^\ ]+\ succeeded ]]
}

start_deploy() {
  local path=$1 data=$2
  api POST "$path" "$data"
  [[ $wait_for_outcome == 0 ]] && return 0
  local location
  location=$(tr -d '\r' <"$headers" | sed -n 's/^[Ll]ocation: *//p')
  follow "$location"
}

message="chatops${DROVER_BOT_USER:+ by ${DROVER_BOT_USER//[^A-Za-z0-9_.@-]/}}"
line="$(echo "${1:-}" | tr -s ' ')"
line="${line# }"
line="${line% }"

if [[ $line =~ ^deploy\ ($name)(@($ref))?\ to\ ($name)$ ]]; then
  app=${BASH_REMATCH[1]} rev=${BASH_REMATCH[3]} stage=${BASH_REMATCH[4]}
  data="{\"message\":\"$message\"${rev:+,\"revision\":\"$rev\"}}"
  start_deploy "/v1/apps/$app/stages/$stage/deploys" "$data"
elif [[ $line =~ ^rollback\ ($name)\ ($name)$ ]]; then
  app=${BASH_REMATCH[1]} stage=${BASH_REMATCH[2]}
  start_deploy "/v1/apps/$app/stages/$stage/rollback" "{\"message\":\"$message\"}"
elif [[ $line =~ ^status\ ($name)$ ]]; then
  api GET "/v1/deploys?app=${BASH_REMATCH[1]}&limit=5"
elif [[ $line =~ ^ps\ ($name)$ ]]; then
  api GET "/v1/processes?app=${BASH_REMATCH[1]}"
else
  usage
fi
