#!/bin/sh
# Checks agentos-run on this machine, without a pod: a fake run Secret in a temporary folder,
# the script under dash (Debian's /bin/sh, the sandbox image's shell). What only a pod can show
# (gVisor, the attach, the termination log's mount) is for the cluster test in README.md.
#
#   sh deploy/kubernetes/sandbox-image/test-agentos-run.sh
set -u

here=$(cd "$(dirname "$0")" && pwd)
run="dash $here/agentos-run"
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/in/files/src" "$root/in/env" "$root/work"
failures=0

check() { # name, expected, actual
  if [ "$2" = "$3" ]; then
    echo "ok   $1"
  else
    echo "FAIL $1: expected [$2], got [$3]"
    failures=$((failures + 1))
  fi
}

echo hello >"$root/in/files/src/greeting.txt"
chmod 0444 "$root/in/files/src/greeting.txt" # as a mounted Secret shows it
printf 'two words\n\n' >"$root/in/env/TOKEN"
printf 'from stdin' >"$root/in/stdin"
export AGENTOS_INPUT="$root/in" AGENTOS_TERMINATION_LOG="$root/termination-log"
export AGENTOS_PRLIMIT="--cpu=1:2 --fsize=65536 --nofile=64 --core=0"
export KUBERNETES_SERVICE_HOST=10.0.0.1
cd "$root/work" || exit 1

check "files are copied into the work folder" hello "$($run /bin/cat src/greeting.txt)"
# By their mode, not by writing: root, who may run this test, writes read-only files too.
check "the copied files are the program's to change" 644 "$($run /usr/bin/stat -c %a src/greeting.txt)"
check "stdin comes from the Secret" "from stdin" "$($run /bin/cat)"
# env -0, and newlines inside values made spaces: one variable a line.
check "the environment is only the fixed variables and the run's" "HOME LANG PATH TMPDIR TOKEN" \
  "$($run /usr/bin/env -0 | tr '\n\0' ' \n' | cut -d= -f1 | sort | tr '\n' ' ' | sed 's/ $//')"
check "HOME is the work folder" "$root/work" "$($run /bin/sh -c 'echo "$HOME"')"
check "a value keeps its trailing newlines" 11 "$($run /bin/sh -c 'printf %s "$TOKEN" | wc -c')"
check "the program's argv arrives as given" "a b|c" "$($run /bin/sh -c 'echo "$1|$2"' sh 'a b' c)"

$run /bin/sh -c 'exit 3'
check "the exit code is the program's" 3 $?
($run /bin/sh -c 'kill -9 $$') 2>/dev/null # the subshell's stderr takes the shell's "Killed"
check "a signal is 128 + its number" 137 $?
$run /bin/sh -c 'while :; do :; done' 2>/dev/null
check "the cpu limit ends it with SIGXCPU" 152 $?
check "the cpu time reaches the termination log" yes \
  "$(sed -n 2p "$root/termination-log" | grep -q '^0m[0-9.]*s 0m[0-9.]*s$' && echo yes)"
$run /bin/sh -c 'head -c 100000 /dev/zero >big' 2>/dev/null
check "the file-size limit ends it with SIGXFSZ" 153 $?

check "with the start gate it runs after a line" started \
  "$(echo | AGENTOS_AWAIT_START=1 $run /bin/echo started)"
AGENTOS_AWAIT_START=1 $run /bin/echo started </dev/null >/dev/null
check "with the start gate and no line it does not run" 125 $?
$run 2>/dev/null
check "without a program the sandbox fails" 125 $?

echo "$failures failed"
[ "$failures" -eq 0 ]
