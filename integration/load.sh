#!/usr/bin/env bash
# load.sh compares requests per second of a bare server and the same server
# behind errorpage, over loopback, with wrk (Debian: apt-get install wrk).
# Usage: ./load.sh [duration, default 10s] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")"
duration="${1:-10s}"
conns="${2:-32}"
command -v wrk >/dev/null || { echo "load.sh needs wrk: apt-get install -y wrk" >&2; exit 1; }

bin="$(mktemp -d)/loadserver"
go build -o "$bin" ./loadserver
out="$(mktemp)"
"$bin" >"$out" &
pid=$!
trap 'kill "$pid" 2>/dev/null; rm -f "$out" "$bin"' EXIT
for _ in $(seq 50); do [ "$(wc -l <"$out")" -ge 2 ] && break; sleep 0.1; done
bare=$(awk '$1=="bare"{print $2}' "$out")
ep=$(awk '$1=="errorpage"{print $2}' "$out")

echo "wrk -t2 -c$conns -d$duration, $(nproc) cores, $(go version | cut -d' ' -f3)"
printf '%-12s %-10s %12s\n' route server requests/s
for route in /ok /fail; do
	for server in bare errorpage; do
		url=$bare; [ "$server" = errorpage ] && url=$ep
		# Browsers' Accept: errorpage answers the 503 with its HTML page.
		rps=$(wrk -t2 -c"$conns" -d"$duration" -H 'Accept: text/html' "$url$route" | awk '/Requests\/sec/{print $2}')
		printf '%-12s %-10s %12s\n' "$route" "$server" "$rps"
	done
done
