#!/bin/sh
# Chooses the Python that .venv is made with, checks its version, and rebuilds .venv when the
# interpreter changes. Called by `make` (every target that needs .venv), never by hand.
#
#   tools/venv-python.sh NEEDED VENV [PYTHON]
#
# NEEDED is the oldest version the lock installs on (pyproject.toml's requires-python), VENV the
# environment's folder, PYTHON the interpreter the contributor chose (`make PYTHON=…`), if any.
# Without a choice: the interpreter .venv was made with while it still runs, else the first of
# python3, python3.13, python3.12, python3.11 that is new enough. VENV/.interpreter records
# "version path" of the interpreter; it is rewritten only when that changes, so `make` rebuilds
# .venv exactly then.
set -u
needed=$1
venv=$2
chosen=${3:-}
stamp_file=$venv/.interpreter
probe='import os, sys; print("%d.%d.%d" % sys.version_info[:3], os.path.realpath(sys.executable))'
minimum=$(echo "$needed" | tr . ,)
new_enough="import sys; sys.exit(sys.version_info[:3] < ($minimum))"
stamp=$(cat "$stamp_file" 2>/dev/null || true)
legacy=""
if [ -z "$stamp" ] && [ -x "$venv/bin/python" ]; then
  # A .venv made before the stamp existed: its python links to the interpreter it was made with.
  stamp=$("$venv/bin/python" -c "$probe" 2>/dev/null || true)
  legacy=1
fi

if [ -n "$chosen" ]; then
  candidates=$chosen
else
  candidates="${stamp#* } python3 python3.13 python3.12 python3.11"
fi

found=""
seen=""
for candidate in $candidates; do
  [ -n "$candidate" ] || continue
  version=$("$candidate" -c "$probe" 2>/dev/null) || continue
  if "$candidate" -c "$new_enough" 2>/dev/null; then
    found=$version
    break
  fi
  seen="$seen  Python ${version%% *} ($candidate)
"
done

if [ -z "$found" ]; then
  if [ -n "$chosen" ] && [ -z "$seen" ]; then
    echo "make: '$chosen' does not run. This project needs Python $needed or newer."
  elif [ -n "$chosen" ]; then
    echo "make: found Python ${seen#  Python }" | sed 's/ (\(.*\))$/ (\1),/' | tr -d '\n'
    echo " but this project needs Python $needed or newer."
  else
    echo "make: this project needs Python $needed or newer; found:"
    printf '%s' "${seen:-  no python3 at all
}"
  fi
  echo "  Install a newer Python (CONTRIBUTING.md, \"What you need\"), then run for example:"
  echo "  make PYTHON=python3.12 setup"
  exit 1
fi

if [ "$stamp" != "$found" ]; then
  if [ -d "$venv" ]; then
    echo "make: .venv was made with ${stamp:-another Python}; rebuilding it with Python ${found%% *}"
    rm -rf "$venv"
  fi
  mkdir -p "$venv"
  echo "$found" > "$stamp_file"
elif [ -n "$legacy" ]; then
  echo "$found" > "$stamp_file"
  # Dated as the environment's set-up: recording the stamp reinstalls nothing.
  if [ -f "$venv/.ready" ]; then touch -r "$venv/.ready" "$stamp_file"; fi
fi
