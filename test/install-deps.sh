#!/usr/bin/env bash
#
# install-deps.sh - install the Debian 12 packages that govreport needs to
# build, test and run its demo.
#
# As root it runs "apt-get update" once and installs whatever is missing.
# As any other user it prints the apt-get command to run and fails.
# Nothing is done when every package is already installed.
#
set -euo pipefail

PG_MAJOR="${PG_MAJOR:-15}"

PKGS=(
	make gcc libc6-dev pkg-config
	clang libclang-rt-14-dev
	libicu-dev
	"postgresql-${PG_MAJOR}" "postgresql-server-dev-${PG_MAJOR}"
	postgresql-common postgresql-client-common "postgresql-client-${PG_MAJOR}"
	python3
)

missing=()
for p in "${PKGS[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$p")
	fi
done

if [ "${#missing[@]}" -eq 0 ]; then
	echo "install-deps: all packages present"
	exit 0
fi

cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"

if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps: missing packages: ${missing[*]}" >&2
	echo "install-deps: run as root:" >&2
	echo "  $cmd" >&2
	exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# once per run: .ci/run may have updated the lists already
if [ "${GR_APT_UPDATED:-0}" != "1" ]; then
	apt-get update -q </dev/null
	export GR_APT_UPDATED=1
fi
apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
