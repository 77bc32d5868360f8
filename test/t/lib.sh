# test/t/lib.sh - what the shell tests share; sourced, never run.
#
#   set -uo pipefail
#   . "$(dirname "$0")/lib.sh"
#   t_begin upgrade          # name for the messages; cd to the top of the tree
#   t_venv "$@"              # (optional) run again inside pg_virtualenv
#   check "what it means" COMMAND ARGS...   # counts a passed or failed check
#   check "the value" same "$got" "$expected"
#   t_end                    # "NAME: N checks passed, M failed"; status
#
# A test prints "NAME: FAILED: what" for each failed check, and test/run-all.sh
# counts the script as passed when it exits 0.

t_script="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
t_name=test
ok=0
bad=0

# Name the test and work from the top of the tree.
t_begin() {
	t_name="$1"
	cd "$(dirname "$t_script")/../.." || exit 2
}

# Run this script again in a throwaway cluster (pg_virtualenv: a fresh
# cluster on a free port, PG* variables set, removed afterwards).
t_venv() {
	if [ -z "${GR_T_IN_VENV:-}" ]; then
		GR_T_IN_VENV=1 exec pg_virtualenv -t "$t_script" "$@" </dev/null
	fi
}

# check WHAT COMMAND...: COMMAND's status is the check's result.
check() {
	local what="$1"
	shift
	if "$@"; then
		ok=$((ok + 1))
	else
		bad=$((bad + 1))
		echo "$t_name: FAILED: $what"
	fi
}

# same GOT EXPECTED: equal strings, else both printed.
same() { [ "$1" = "$2" ] || { echo "  got:      $1"; echo "  expected: $2"; return 1; }; }

# The summary line; the exit status of the test.
t_end() {
	echo "$t_name: $ok checks passed, $bad failed"
	[ "$bad" -eq 0 ]
}
