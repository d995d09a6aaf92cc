#!/usr/bin/env bash
# Installs the Debian packages ContactDesk builds and tests with, or prints the command to do it.
# Used by `make demo` and `make test`; safe to run again (it only installs what is missing).
set -euo pipefail

packages=(libcurl4-openssl-dev libncurses-dev zlib1g-dev libsqlite3-dev pkg-config tmux python3 man-db)

if ! command -v swift >/dev/null 2>&1; then
    echo "contactdesk: Swift 6 is not on PATH; install it from swift.org (this project uses Swift 6.x)." >&2
    exit 1
fi
if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "contactdesk: not a Debian-like system; install the equivalents of: ${packages[*]}" >&2
    exit 0
fi

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
    echo "contactdesk: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
else
    echo "contactdesk: missing Debian packages. Run:" >&2
    echo "    sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
