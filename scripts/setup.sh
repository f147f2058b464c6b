#!/usr/bin/env bash
# Installs the system packages Tsuzuku uses when they are missing (Debian, as root).
# ffmpeg itself ships in the org.bytedeco Maven jars, but those libraries link against a few
# shared libraries a minimal Debian lacks (PulseAudio's client library for libavdevice).
set -euo pipefail
need=()
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
ldconfig -p 2>/dev/null | grep -q 'libpulse\.so\.0' || need+=(libpulse0)
# the player's browser tests (headless Chromium through Selenium) and `tsuzuku bench serve` (nginx, wrk)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${need[*]}" >&2
    apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "setup: missing ${need[*]}; install them (Debian: apt-get install ${need[*]})" >&2
  fi
fi
