#!/usr/bin/env bash
# build-progress.sh LOG — reads Maven's output on stdin, keeps all of it in LOG, and prints one line per module as
# the build reaches it (with the seconds since the build began) to stderr, so a first build is not a minute of silence:
#   wattiq:   [2/6] meter (3 s)
# Used by ./wattiq; a failed build's first errors (up to Maven's '-> [Help 1]') are printed too. Exits 0 (the build's own status is the caller's).
set -uo pipefail
log="$1"
: >"$log"
start=$SECONDS
errors=()
while IFS= read -r line || [ -n "$line" ]; do
  printf '%s\n' "$line" >>"$log"
  case "$line" in
    "[INFO] Building "*"["*/*"]")
      n="${line##*[}"; n="${n%]}"
      m="${line#\[INFO\] Building }"; m="${m%% [0-9]*}"; m="${m#WattIQ }"
      [ "$m" = WattIQ ] && m="parent"
      printf 'wattiq:   [%s] %s (%d s)\n' "$n" "$m" $(( SECONDS - start )) >&2;;
    "[ERROR] -> [Help"*) done_errors=1;;
    "[ERROR] "*)
      e="${line#\[ERROR\] }"; e="${e%"${e##*[![:space:]]}"}"
      if [ -z "${done_errors:-}" ] && [ -n "$e" ] && [ ${#errors[@]} -lt 6 ] && [[ " ${errors[*]-} " != *" $e "* ]]; then errors+=("$e"); fi;;
  esac
done
for e in "${errors[@]+"${errors[@]}"}"; do printf 'wattiq:   error: %s\n' "$e" >&2; done
exit 0
