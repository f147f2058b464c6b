#!/usr/bin/env bash
# Installs the system packages Tsuzuku uses when they are missing (Debian, as root).
# ffmpeg itself ships in the org.bytedeco Maven jars, but those libraries link against a few
# shared libraries a minimal Debian lacks (PulseAudio's client library for libavdevice).
set -euo pipefail
need=()
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
# Japanese voice (decision 0026): kakasi gives espeak-ng the readings of kanji; Open JTalk speaks
# itself when a Japanese HTS voice is installed too (hts-voice-nitech-jp-atr503-m001 is not in
# every Debian release's main archive: it is added only where apt knows it).
command -v kakasi >/dev/null 2>&1 || need+=(kakasi)
command -v open_jtalk >/dev/null 2>&1 || need+=(open-jtalk)
[ -d /var/lib/mecab/dic/open-jtalk/naist-jdic ] || need+=(open-jtalk-mecab-naist-jdic)
# English voices better than espeak-ng's (decision 0026).
command -v flite >/dev/null 2>&1 || need+=(flite)
ldconfig -p 2>/dev/null | grep -q 'libpulse\.so\.0' || need+=(libpulse0)
# the player's browser tests (headless Chromium through Selenium) and `tsuzuku bench serve` (nginx, wrk)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
# the feed tests check the RSS with Debian's feedparser and the JSON Feed with its jsonschema
[ -e /usr/lib/python3/dist-packages/feedparser/__init__.py ] || need+=(python3-feedparser)
[ -e /usr/lib/python3/dist-packages/jsonschema/__init__.py ] || need+=(python3-jsonschema)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${need[*]}" >&2
    apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "setup: missing ${need[*]}; install them (Debian: apt-get install ${need[*]})" >&2
  fi
fi
if [ ! -d /usr/share/hts-voice ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
    && apt-cache policy hts-voice-nitech-jp-atr503-m001 2>/dev/null | grep -q 'Candidate: [0-9]'; then
  echo "setup: installing hts-voice-nitech-jp-atr503-m001" >&2
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    hts-voice-nitech-jp-atr503-m001 >/dev/null || echo "setup: no Japanese HTS voice; Japanese is read by kakasi + espeak-ng" >&2
fi
