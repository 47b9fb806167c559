#!/usr/bin/env bash
# Installs what loopscope needs on a fresh Debian machine of this project's kind (Swift is
# already there): the ncursesw headers to build, tmux for the end-to-end UI tests, and
# python3 for the CPython reference runner. Safe to run again: it installs only what is
# missing, and needs root (or sudo) only then.
set -euo pipefail

missing=()
[ -e /usr/include/ncursesw/ncurses.h ] || missing+=(libncurses-dev)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v locale >/dev/null 2>&1 || missing+=(locales)

if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: everything is installed"
    exit 0
fi

echo "setup: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: need root to install ${missing[*]}" >&2; exit 1; }
    sudo=sudo
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
