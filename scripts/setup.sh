#!/usr/bin/env bash
# Installs the Debian packages dealwatch needs to build, test and benchmark,
# and only those that are missing. Non-interactive; prints what it did.
#   scripts/setup.sh          install what is missing (needs root when anything is)
#   scripts/setup.sh --check  list what is missing, exit 1 if anything is
set -euo pipefail

packages=(
  build-essential cmake pkg-config git python3 sqlite3
  libcurl4-openssl-dev libgumbo-dev libicu-dev libre2-dev libsqlite3-dev zlib1g-dev
  nlohmann-json3-dev libcli11-dev libtomlplusplus-dev
  catch2 libcpp-httplib-dev libbenchmark-dev
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi
if [ "${1:-}" = "--check" ]; then
  echo "setup: missing: ${missing[*]}"
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing packages: ${missing[*]}" >&2
  echo "setup: run as root (or: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: installed ${#missing[@]} package(s)"
